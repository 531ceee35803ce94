import type { Platform } from '../../../platform/platform-model';
import { parseRepoInfoPlatform } from '../../../platform/repo-info-platform';
import { parseMojoJson } from '../../../format/mojo-json';
import { parseMojoDate } from '../../../format/http-date';
import { createdByForDockerfileLine } from '../../../history/dockerfile-line';
import type { RepoInfoStyle } from '../repo-info-style';

/**
 * Reads a repo-info `remote/<tag>.md` back into data: for round-trip tests of the renderer and for
 * the test-registry fixture builder, which rebuilds the images behind a report (the seeds).
 *
 * Strict: anything that does not follow repo-info-format.md §5.1 throws with the line number.
 */

/** One layer of a parsed report. */
export interface ParsedRepoInfoLayer {
  readonly digest: string;
  readonly mediaType: string;
  readonly size?: number;
  /** The `Last Modified` date as printed (RFC 7231), when there was one. */
  readonly lastModified?: string;
}

/** One history entry, rebuilt so that it renders back to the same two lines. */
export interface ParsedRepoInfoHistoryEntry {
  /** RFC 3339 with a `.123456789` fraction, which repo-info truncates away: the printed date again. */
  readonly created: string;
  /** A realistic `created_by` (see `createdByForDockerfileLine`); absent for a bare `RUN `, as in attestations (§4.3). */
  readonly created_by?: string;
  /** The dockerfile text as printed (can span lines). */
  readonly dockerfile: string;
}

/** One `###` section. */
export interface ParsedRepoInfoImage {
  readonly platform: Platform;
  /** The platform exactly as printed. */
  readonly platformText: string;
  /** The image's own `docker pull` digest; only images of a list have one. */
  readonly digest?: string;
  readonly dockerVersion?: string;
  /** The per-image `Manifest MIME` as printed (docker v2 even for OCI manifests, §9). */
  readonly manifestMediaType: string;
  /** `Total Size` in bytes, as printed. */
  readonly totalSize: number;
  readonly configDigest?: string;
  readonly entrypoint?: string[];
  readonly cmd?: string[];
  readonly shell?: string[];
  readonly history: readonly ParsedRepoInfoHistoryEntry[];
  readonly layers: readonly ParsedRepoInfoLayer[];
}

/** A parsed tag: found with its images, or "does not exist". */
export type ParsedRepoInfoTag =
  | { readonly kind: 'missing'; readonly display: string }
  | {
      readonly kind: 'found';
      readonly display: string;
      /** The repository of the `docker pull` lines: `python`, `ghcr.io/acme/app`. */
      readonly pullName: string;
      /** The tag's digest (the list's, for a list). */
      readonly digest: string;
      /** The top-level `Manifest MIME`, present only for a list or index. */
      readonly listMediaType?: string;
      /** `current` when the report prints `Platforms: N`. */
      readonly style: RepoInfoStyle;
      readonly images: readonly ParsedRepoInfoImage[];
    };

const DATE_LINE = /^# (\w{3}, \d\d \w{3} \d{4,} \d\d:\d\d:\d\d GMT)$/;
/** What `created` gets after the printed second: nine digits, so the renderer's truncation is exercised. */
const CREATED_FRACTION = '.123456789';

/** A cursor over the lines of the markdown, with errors that say where. */
class Lines {
  private index = 0;
  constructor(private readonly lines: readonly string[]) {}

  peek(offset = 0): string | undefined {
    return this.lines[this.index + offset];
  }

  next(): string {
    const line = this.lines[this.index];
    if (line === undefined) throw this.error('unexpected end of report');
    this.index += 1;
    return line;
  }

  expect(expected: string): void {
    const line = this.next();
    if (line !== expected) throw this.error(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(line)}`, -1);
  }

  match(pattern: RegExp, what: string): RegExpExecArray {
    const line = this.next();
    const match = pattern.exec(line);
    if (!match) throw this.error(`expected ${what}, got ${JSON.stringify(line)}`, -1);
    return match;
  }

  /** The match when the next line fits `pattern` (and consumes it), else `undefined`. */
  optional(pattern: RegExp): RegExpExecArray | undefined {
    const line = this.peek();
    const match = line === undefined ? null : pattern.exec(line);
    if (!match) return undefined;
    this.index += 1;
    return match;
  }

  atEnd(): boolean {
    return this.index >= this.lines.length;
  }

  error(message: string, offset = 0): Error {
    return new Error(`repo-info markdown line ${String(this.index + offset + 1)}: ${message}`);
  }
}

function group(match: RegExpExecArray, index: number): string {
  return match[index] ?? '';
}

/** `33.0 MB (32956405 bytes)` or `231.0 B` → bytes. */
function parseSize(text: string, lines: Lines): number {
  const bytes = /\((\d+) bytes\)$/.exec(text)?.[1] ?? /^(\d+)\.0 B$/.exec(text)?.[1];
  if (bytes === undefined) throw lines.error(`cannot read the size ${JSON.stringify(text)}`, -1);
  return Number(bytes);
}

function parseArray(text: string, lines: Lines): string[] {
  const value = parseMojoJson(text);
  if (!value) throw lines.error(`not a JSON string array: ${text}`, -1);
  return value;
}

/** `Wed, 30 Jan 2019 22:19:52 GMT` → `2019-01-30T22:19:52.123456789Z`. */
function createdFromPrintedDate(printed: string, lines: Lines): string {
  const epoch = parseMojoDate(printed);
  if (epoch === undefined) throw lines.error(`cannot read the date ${JSON.stringify(printed)}`, -1);
  return new Date(epoch * 1000).toISOString().replace(/\.000Z$/, `${CREATED_FRACTION}Z`);
}

/** The `console` block with one `docker pull repo@digest` line. */
function parsePull(lines: Lines): { pullName: string; digest: string } {
  lines.expect('```console');
  const command = lines.match(/^\$ docker pull (.+)@([^@]+)$/, 'a docker pull line');
  lines.expect('```');
  return { pullName: group(command, 1), digest: group(command, 2) };
}

/** The dockerfile block: `# <date>` lines each followed by the lines of one entry, up to the closing fence. */
function parseHistory(lines: Lines, shell: string[] | undefined, style: RepoInfoStyle): ParsedRepoInfoHistoryEntry[] {
  lines.expect('```dockerfile');
  const entries: Array<{ created: string; text: string[] }> = [];
  for (let line = lines.next(); line !== '```'; line = lines.next()) {
    const date = DATE_LINE.exec(line);
    const current = entries.at(-1);
    if (date) entries.push({ created: createdFromPrintedDate(group(date, 1), lines), text: [] });
    else if (current) current.text.push(line);
    else throw lines.error(`history text before any date: ${JSON.stringify(line)}`, -1);
  }
  return entries.map(({ created, text }) => {
    const dockerfile = text.join('\n');
    // A bare `RUN ` is what a missing created_by prints (§4.3); keep it missing.
    if (dockerfile === 'RUN ') return { created, dockerfile };
    return { created, created_by: createdByForDockerfileLine(dockerfile, shell, style), dockerfile };
  });
}

function parseLayers(lines: Lines): ParsedRepoInfoLayer[] {
  lines.expect('-\tLayers:');
  const layers: ParsedRepoInfoLayer[] = [];
  for (let head = lines.optional(/^\t-\t`(.*)` {2}$/); head; head = lines.optional(/^\t-\t`(.*)` {2}$/)) {
    const lastModified = lines.optional(/^\t\tLast Modified: (.*) {2}$/);
    const size = lines.optional(/^\t\tSize: (.*) {2}$/);
    const mediaType = group(lines.match(/^\t\tMIME: (.*)$/, 'a MIME line'), 1);
    layers.push({
      digest: group(head, 1),
      mediaType,
      ...(size ? { size: parseSize(group(size, 1), lines) } : {}),
      ...(lastModified ? { lastModified: group(lastModified, 1) } : {}),
    });
  }
  return layers;
}

function parseImage(lines: Lines, display: string, style: RepoInfoStyle): ParsedRepoInfoImage {
  lines.expect('');
  const heading = lines.match(/^### `(.*)` - (.*)$/, 'an image heading');
  if (group(heading, 1) !== display) throw lines.error(`image heading names ${group(heading, 1)}, not ${display}`, -1);
  lines.expect('');
  let digest: string | undefined;
  if (lines.peek() === '```console') {
    digest = parsePull(lines).digest;
    lines.expect('');
  }
  const dockerVersion = lines.optional(/^-\tDocker Version: (.*)$/);
  const manifestMediaType = group(lines.match(/^-\tManifest MIME: `(.*)`$/, 'the image Manifest MIME'), 1);
  const totalSize = parseSize(group(lines.match(/^-\tTotal Size: \*\*(.*)\*\* {2}$/, 'the Total Size'), 1), lines);
  lines.expect('\t(compressed transfer size, not on-disk size)');
  const configDigest = lines.optional(/^-\tImage ID: `(.*)`$/);
  const entrypoint = lines.optional(/^-\tEntrypoint: `(.*)`$/);
  const cmd = lines.optional(/^-\tDefault Command: `(.*)`$/);
  const shell = lines.optional(/^-\t`SHELL`: `(.*)`$/);
  const shellArray = shell ? parseArray(group(shell, 1), lines) : undefined;
  lines.expect('');
  const history = parseHistory(lines, shellArray, style);
  lines.expect('');
  const platformText = group(heading, 2);
  return {
    platform: parseRepoInfoPlatform(platformText),
    platformText,
    ...(digest !== undefined ? { digest } : {}),
    ...(dockerVersion ? { dockerVersion: group(dockerVersion, 1) } : {}),
    manifestMediaType,
    totalSize,
    ...(configDigest ? { configDigest: group(configDigest, 1) } : {}),
    ...(entrypoint ? { entrypoint: parseArray(group(entrypoint, 1), lines) } : {}),
    ...(cmd ? { cmd: parseArray(group(cmd, 1), lines) } : {}),
    ...(shellArray ? { shell: shellArray } : {}),
    history,
    layers: parseLayers(lines),
  };
}

/**
 * Parses one tag's repo-info markdown (a `remote/<tag>.md`, or one section of `tag-details.md`).
 *
 * History entries get a `created` that prints back as the same date and a `created_by` that
 * renders back as the same line in the report's own style, so rendering the parsed data reproduces
 * the input byte for byte.
 */
export function parseRepoInfoTag(markdown: string): ParsedRepoInfoTag {
  if (!markdown.endsWith('\n')) throw new Error('repo-info markdown must end with a newline');
  const lines = new Lines(markdown.slice(0, -1).split('\n'));
  const display = group(lines.match(/^## `(.*)`$/, 'the tag heading'), 1);
  lines.expect('');
  if (lines.peek() === '**does not exist** (yet?)') {
    lines.next();
    if (!lines.atEnd()) throw lines.error('text after "does not exist"');
    return { kind: 'missing', display };
  }
  const { pullName, digest } = parsePull(lines);
  lines.expect('');
  const listMediaType = lines.optional(/^-\tManifest MIME: `(.*)`$/);
  const platforms = lines.match(/^-\tPlatforms:(?: (\d+))?$/, 'the Platforms line');
  const style: RepoInfoStyle = platforms[1] === undefined ? 'seed' : 'current';
  const platformTexts: string[] = [];
  for (let entry = lines.optional(/^\t-\t(.*)$/); entry; entry = lines.optional(/^\t-\t(.*)$/)) platformTexts.push(group(entry, 1));
  if (style === 'current' && Number(platforms[1]) !== platformTexts.length) {
    throw lines.error(`Platforms says ${String(platforms[1])} but lists ${String(platformTexts.length)}`);
  }
  const images = platformTexts.map((text) => {
    const image = parseImage(lines, display, style);
    if (image.platformText !== text) throw lines.error(`section for ${image.platformText} where ${text} was listed`);
    return image;
  });
  if (!lines.atEnd()) throw lines.error(`unexpected ${JSON.stringify(lines.peek())}`);
  return {
    kind: 'found',
    display,
    pullName,
    digest,
    ...(listMediaType ? { listMediaType: group(listMediaType, 1) } : {}),
    style,
    images,
  };
}

/**
 * Splits a whole `tag-details.md` (§7) into its repository name and the markdown of each tag,
 * ready for `parseRepoInfoTag`.
 */
export function splitRepoInfoTagDetails(markdown: string): { repoName: string; tags: string[] } {
  const repoName = /^# Tags of `(.*)`$/m.exec(markdown)?.[1];
  if (repoName === undefined) throw new Error('tag-details.md without a "# Tags of" heading');
  // Each section starts with `## ` right after the blank line that separates it from the previous one.
  const parts = markdown.split(/\n\n(?=## `)/);
  return { repoName, tags: parts.slice(1).map((part, i, all) => (i < all.length - 1 ? `${part}\n` : part)) };
}
