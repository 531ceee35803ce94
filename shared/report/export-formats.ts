import type { TagReport } from '../image/image-report';
import { renderHtmlReport } from './html/render-html-report';
import { renderJsonReport } from './json/render-json-report';
import { renderRepoInfoTag } from './repo-info/render-tag';
import { renderRepoInfoTagDetails } from './repo-info/render-tag-details';
import type { RepoInfoStyle } from './repo-info/repo-info-style';

/** Every export regscope can write. Adding one here without an `EXPORTERS` entry is a compile error. */
export type ExportFormat = 'repo-info' | 'json' | 'html';

/** The formats in the order menus list them. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['repo-info', 'json', 'html'];

/** What every exporter gets besides the reports. */
export interface ExportOptions {
  /** Which repo-info generation to reproduce; ignored by the other formats. */
  readonly style: RepoInfoStyle;
  /** The repository named in `# Tags of` when repo-info writes a whole `tag-details.md`. */
  readonly repoName?: string;
  /** repo-info: write `tag-details.md` even for one report (a whole repository that has one tag). */
  readonly wholeRepository?: boolean;
  /** What wrote the export, e.g. `regscope 0.1.0`. */
  readonly generator: string;
  /** When, as an RFC 3339 UTC timestamp. */
  readonly generatedAt: string;
}

/** A finished export: the text and how to save or serve it. */
export interface ExportResult {
  readonly text: string;
  /** Without the dot: `md`, `json`, `html`. */
  readonly fileExtension: string;
  readonly mimeType: string;
}

/** Renders some tag reports in one format. Pure: the same input gives the same text. */
export type Exporter = (reports: readonly TagReport[], options: ExportOptions) => ExportResult;

/**
 * The repository a `tag-details.md` is about when the caller did not say: the first report's
 * reference without its tag or digest (`python:3.8` → `python`).
 */
export function defaultRepoName(reports: readonly TagReport[]): string {
  const display = reports[0]?.display ?? '';
  const name = display.split('@')[0] ?? '';
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? name.slice(0, colon) : name;
}

/**
 * repo-info: one report is exactly its `remote/<tag>.md`; any other number (or a whole repository)
 * is a whole `tag-details.md` (design.md, "The CLI contract").
 */
const repoInfoExporter: Exporter = (reports, options) => {
  const [only] = reports;
  const text =
    reports.length === 1 && only && !options.wholeRepository
      ? renderRepoInfoTag(only, { style: options.style })
      : renderRepoInfoTagDetails(options.repoName ?? defaultRepoName(reports), reports, { style: options.style });
  return { text, fileExtension: 'md', mimeType: 'text/markdown; charset=utf-8' };
};

/** Every format's exporter, keyed by the format so none can be missing. */
export const EXPORTERS: Readonly<Record<ExportFormat, Exporter>> = {
  'repo-info': repoInfoExporter,
  json: (reports, options) => ({
    text: renderJsonReport(reports, options),
    fileExtension: 'json',
    mimeType: 'application/json; charset=utf-8',
  }),
  html: (reports, options) => ({
    text: renderHtmlReport(reports, options),
    fileExtension: 'html',
    mimeType: 'text/html; charset=utf-8',
  }),
};

/** Renders `reports` in `format`. */
export function exportReports(format: ExportFormat, reports: readonly TagReport[], options: ExportOptions): ExportResult {
  return EXPORTERS[format](reports, options);
}

/** Narrows user input (a CLI flag, a URL parameter) to a format. */
export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}
