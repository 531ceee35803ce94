import type { ExportedReport } from '../../../shared/api/contract';
import type { TagReport } from '../../../shared/image/image-report';
import { familiarRepository } from '../../../shared/reference/parse-reference';
import { renderHtmlReport } from '../../../shared/report/html/render-html-report';
import { renderJsonReport } from '../../../shared/report/json/render-json-report';
import type { ReportMeta } from '../../../shared/report/report-meta';
import { renderRepoInfoTag } from '../../../shared/report/repo-info/render-tag';
import { renderRepoInfoTagDetails } from '../../../shared/report/repo-info/render-tag-details';
import type { RepoInfoStyle } from '../../../shared/report/repo-info/repo-info-style';

/**
 * Reports → one export, the same for the CLI, the web host and the desktop app.
 *
 * repo-info: one report gives the `remote/<tag>.md` text, several (or `forceDetails`) the whole
 * `tag-details.md` of `repoName` (default: the first report's repository).
 */
export interface RenderExportOptions extends ReportMeta {
  readonly format: 'repo-info' | 'json' | 'html';
  readonly style: RepoInfoStyle;
  readonly repoName?: string;
  readonly forceDetails?: boolean;
}

function fileStem(reports: readonly TagReport[]): string {
  const first = reports[0];
  if (!first) return 'regscope-report';
  const stem = reports.length === 1 ? first.display : familiarRepository(first.reference);
  return stem.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) || 'regscope-report';
}

export function renderExport(reports: readonly TagReport[], options: RenderExportOptions): ExportedReport {
  const meta = { generator: options.generator, generatedAt: options.generatedAt };
  if (options.format === 'json') return { text: renderJsonReport(reports, meta), fileName: `${fileStem(reports)}.json`, mimeType: 'application/json' };
  if (options.format === 'html') return { text: renderHtmlReport(reports, meta), fileName: `${fileStem(reports)}.html`, mimeType: 'text/html' };
  const first = reports[0];
  if (first && reports.length === 1 && !options.forceDetails) {
    const tag = first.reference.tag ?? first.reference.digest ?? 'latest';
    return { text: renderRepoInfoTag(first, { style: options.style }), fileName: `${tag.replace(/[^A-Za-z0-9._-]+/g, '_')}.md`, mimeType: 'text/markdown' };
  }
  const repoName = options.repoName ?? (first ? familiarRepository(first.reference) : 'unknown');
  return { text: renderRepoInfoTagDetails(repoName, reports, { style: options.style }), fileName: 'tag-details.md', mimeType: 'text/markdown' };
}
