import { compareByteOrder } from '../../format/byte-order';
import type { FoundTagReport, HistoryEntry, ImageConfig, LayerInfo, PlatformImage, TagReport } from '../../image/image-report';
import type { Platform } from '../../platform/platform-model';
import { repoInfoPlatform } from '../../platform/repo-info-platform';
import { dockerfileLines } from '../../history/dockerfile-line';
import type { ReportMeta } from '../report-meta';
import {
  JSON_REPORT_FORMAT_VERSION,
  type JsonFoundTag,
  type JsonHistoryEntry,
  type JsonImage,
  type JsonImageConfig,
  type JsonLayer,
  type JsonPlatform,
  type JsonReferenceFields,
  type JsonReportDocument,
  type JsonTagReport,
} from './json-report-types';

/** `{key: value}` when the value is there, else nothing: optional fields are omitted, never `null`. */
function optional<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value == null ? {} : { [key]: value }) as { [P in K]?: V };
}

/** A string map with its keys in byte order, so the same image always gives the same text. */
function sortedMap(map: Readonly<Record<string, string>> | null | undefined): Readonly<Record<string, string>> | undefined {
  if (map == null) return undefined;
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(map).sort(compareByteOrder)) sorted[key] = map[key] ?? '';
  return sorted;
}

function referenceFields(report: TagReport): JsonReferenceFields {
  return {
    reference: report.display,
    registry: report.reference.registry,
    repository: report.reference.repository,
    ...optional('tag', report.reference.tag),
    ...optional('requestedDigest', report.reference.digest),
  };
}

function jsonPlatform(platform: Platform): JsonPlatform {
  return {
    os: platform.os,
    architecture: platform.architecture,
    ...optional('variant', platform.variant),
    ...optional('osVersion', platform.osVersion),
    ...optional('osFeatures', platform.osFeatures),
    ...optional('features', platform.features),
  };
}

function jsonConfig(image: PlatformImage): JsonImageConfig {
  const config: ImageConfig = image.config;
  const runtime = config.config ?? undefined;
  return {
    digest: image.configDigest,
    mediaType: image.configMediaType,
    ...optional('created', config.created),
    ...optional('author', config.author),
    ...optional('dockerVersion', config.docker_version),
    ...optional('os', config.os),
    ...optional('architecture', config.architecture),
    ...optional('variant', config.variant),
    ...optional('osVersion', config['os.version']),
    ...optional('entrypoint', runtime?.Entrypoint),
    ...optional('cmd', runtime?.Cmd),
    ...optional('shell', runtime?.Shell),
    ...optional('env', runtime?.Env),
    ...optional('labels', sortedMap(runtime?.Labels)),
    ...optional('workingDir', runtime?.WorkingDir),
    ...optional('user', runtime?.User),
    ...optional('exposedPorts', runtime?.ExposedPorts == null ? undefined : Object.keys(runtime.ExposedPorts).sort(compareByteOrder)),
    ...optional('stopSignal', runtime?.StopSignal),
    ...optional('diffIds', config.rootfs?.diff_ids),
  };
}

function jsonLayer(layer: LayerInfo): JsonLayer {
  return {
    digest: layer.digest,
    mediaType: layer.mediaType,
    ...optional('size', layer.size),
    ...optional('urls', layer.urls),
    ...optional('lastModified', layer.lastModified),
    ...optional('annotations', sortedMap(layer.annotations)),
  };
}

function jsonHistory(entry: HistoryEntry, shell: readonly string[] | null | undefined): JsonHistoryEntry {
  return {
    ...optional('created', entry.created),
    ...optional('createdBy', entry.created_by),
    emptyLayer: entry.empty_layer === true,
    ...optional('comment', entry.comment),
    ...optional('author', entry.author),
    dockerfile: dockerfileLines(entry.created_by, shell, 'current'),
  };
}

function jsonImage(image: PlatformImage): JsonImage {
  const shell = image.config.config?.Shell;
  return {
    kind: image.kind,
    digest: image.digest,
    mediaType: image.manifestMediaType,
    manifestSize: image.manifestSize,
    fromIndex: image.fromIndex,
    platform: jsonPlatform(image.platform),
    platformText: repoInfoPlatform(image.platform),
    ...optional('attests', image.attests),
    ...optional('annotations', sortedMap(image.annotations)),
    compressedSize: image.layers.reduce((sum, layer) => sum + (layer.size ?? 0), 0),
    config: jsonConfig(image),
    layers: image.layers.map(jsonLayer),
    history: (image.config.history ?? []).map((entry) => jsonHistory(entry, shell)),
  };
}

function jsonFoundTag(report: FoundTagReport): JsonFoundTag {
  return {
    kind: 'found',
    ...referenceFields(report),
    pullName: report.pullName,
    digest: report.digest,
    mediaType: report.mediaType,
    manifestSize: report.manifestSize,
    isIndex: report.isIndex,
    ...optional('annotations', sortedMap(report.annotations)),
    images: report.images.map(jsonImage),
  };
}

/** The export as data, before serialisation: `renderJsonReport` is this plus `JSON.stringify`. */
export function jsonReportDocument(reports: readonly TagReport[], meta: ReportMeta): JsonReportDocument {
  return {
    formatVersion: JSON_REPORT_FORMAT_VERSION,
    generator: meta.generator,
    generatedAt: meta.generatedAt,
    reports: reports.map((report): JsonTagReport => (report.kind === 'missing' ? { kind: 'missing', ...referenceFields(report) } : jsonFoundTag(report))),
  };
}

/**
 * The versioned JSON export of some tag reports (`formatVersion: 1`, see `README.md` here).
 *
 * Keys always come in the same order (the order of `json-report-types.ts`; labels and annotations
 * sorted by key), two-space indentation and a final newline, so two exports of the same images are
 * byte-identical except for `generatedAt` and can be diffed.
 */
export function renderJsonReport(reports: readonly TagReport[], meta: ReportMeta): string {
  return [...renderJsonReportChunks(reports, meta)].join('');
}

/**
 * The same text as `renderJsonReport`, one tag at a time: a 1,000-tag export never holds the whole
 * document, its string and its bytes at once (the CLI writes the chunks to a stream).
 */
export function* renderJsonReportChunks(reports: readonly TagReport[], meta: ReportMeta): Generator<string> {
  const head = jsonReportDocument([], meta);
  const { reports: _none, ...fields } = head;
  const opening = JSON.stringify(fields, null, 2);
  // `{ …fields }` without its closing brace, then the reports array written entry by entry.
  yield `${opening.slice(0, -2)},\n  "reports": [`;
  let first = true;
  for (const report of reports) {
    const entry = jsonReportDocument([report], meta).reports[0];
    const text = JSON.stringify(entry, null, 2).replace(/\n/g, '\n    ');
    yield `${first ? '\n' : ',\n'}    ${text}`;
    first = false;
  }
  yield reports.length ? '\n  ]\n}\n' : ']\n}\n';
}
