import { describe, expect, it } from 'vitest';
import { RegscopeError } from '../../shared/api/errors';
import type { FoundTagReport, PlatformImage } from '../../shared/image/image-report';
import { repoInfoDate } from '../../shared/format/http-date';
import { parseReference } from '../../shared/reference/parse-reference';
import { EXPORT_FORMATS, exportReports, type ExportOptions } from '../../shared/report/export-formats';
import { buildkitImage, digestOf, ociIndexReport } from '../../shared/report/testing/report-fixtures';
import { apiFor } from './harness/api-harness';
import { brokenCodeSpans, expectedDockerfileBlock, htmlProblems, imagesOf, repoInfoProblems, stringsIn } from './harness/export-checks';
import { useHostileWorld } from './harness/hostile-world';
import { MULTI_LINE, SINGLE_LINE, SINGLE_LINE_PAYLOADS } from './harness/hostile-strings';
import { image } from './harness/oci-content';
import { serveImage } from './harness/registry-script';
import { guardUnhandledRejections } from './harness/unhandled-rejections';

/**
 * reliability.md §5 row 21: hostile strings in exported reports. HTML must run nothing and load
 * nothing; JSON must stay valid and keep every string exactly; repo-info must stay byte-exact to
 * repo-info's format (so no escaping), which leaves its *structure* to check: every payload stays
 * inside its ```dockerfile fence or on its own plain-text line.
 *
 * There is no CSV or Markdown-table export (the formats are repo-info, JSON and HTML), so the CSV
 * formula and table-pipe parts of the row do not apply; the payloads are still carried to show
 * they come out as plain text.
 */
guardUnhandledRejections();
const world = useHostileWorld();
const META: ExportOptions = { style: 'current', generator: 'regscope hostile-test', generatedAt: '2024-01-01T00:00:00Z' };

/** An image whose every free-text field carries `payloads`. */
function hostileImage(payloads: readonly string[]): PlatformImage {
  const map = Object.fromEntries(payloads.map((payload, i) => [`org.example.k${String(i)}${payload}`, payload]));
  return buildkitImage({
    platform: { os: 'linux', architecture: 'amd64', variant: payloads[0] ?? '' },
    annotations: { ...map, 'org.opencontainers.image.source': 'javascript:alert(1)' },
    config: {
      architecture: 'amd64',
      os: 'linux',
      created: payloads[1] ?? '',
      docker_version: payloads.join(' '),
      author: payloads.join(' '),
      config: { Cmd: [...payloads], Entrypoint: [...payloads], Env: payloads.map((payload) => `X=${payload}`), Labels: map, WorkingDir: payloads.join(''), User: payloads[2] ?? '' },
      history: payloads.map((payload) => ({ created: '2024-01-01T00:00:00Z', created_by: `/bin/sh -c ${payload}`, comment: payload, author: payload })),
    },
    layers: [{ digest: digestOf('a'), mediaType: payloads.join(' '), size: 1, lastModified: payloads[3] ?? '', annotations: map, urls: ['javascript:alert(1)', ...payloads] }],
  });
}

function hostileReport(payloads: readonly string[]): FoundTagReport {
  return ociIndexReport({ annotations: { 'org.example.title': payloads.join(' ') }, images: [hostileImage(payloads)] });
}

/** The dockerfile blocks repo-info should print for `report`, one per image. */
function blocksOf(report: FoundTagReport, style: 'seed' | 'current'): string[][] {
  return imagesOf([report]).map((entry) => expectedDockerfileBlock(entry.config.history ?? [], entry.config.config?.Shell, style, repoInfoDate));
}

describe('row 21: hostile strings in the HTML export', () => {
  it('row 21: the HTML export has no script, image, frame, handler, remote URL or extra style, and a strict CSP', () => {
    const page = exportReports('html', [hostileReport([...SINGLE_LINE_PAYLOADS, ...Object.values(MULTI_LINE)])], META).text;
    expect(htmlProblems(page)).toEqual([]);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img/i);
    // (`src=` itself appears, escaped, inside the text of the img payload: htmlProblems checks real attributes.)
    expect(page).not.toMatch(/href="(?:https?|javascript|file|data):/i);
    // The text is shown, escaped, not dropped.
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('row 21: hostile strings in the JSON export', () => {
  it('row 21: the JSON export is valid JSON and keeps every hostile string exactly', () => {
    const payloads = [...SINGLE_LINE_PAYLOADS, ...Object.values(MULTI_LINE)];
    const text = exportReports('json', [hostileReport(payloads)], META).text;
    const parsed: unknown = JSON.parse(text);
    const strings = new Set(stringsIn(parsed));
    for (const payload of payloads) expect(strings.has(payload), JSON.stringify(payload)).toBe(true);
    for (const payload of payloads) expect(strings.has(`/bin/sh -c ${payload}`)).toBe(true);
    expect(strings.has('javascript:alert(1)')).toBe(true);
  });
});

describe('row 21: hostile strings in the repo-info export', () => {
  it.each(['seed', 'current'] as const)('row 21: single-line payloads stay inside the dockerfile fence or on their own line (%s style)', (style) => {
    const report = hostileReport(SINGLE_LINE_PAYLOADS);
    // A second tag, so the whole-repository form (tag-details.md with its table of contents) is checked too.
    const other: FoundTagReport = { ...report, display: 'archlinux:other', reference: { ...report.reference, tag: 'other' } };
    const single = exportReports('repo-info', [report], { ...META, style }).text;
    expect(repoInfoProblems(single, blocksOf(report, style))).toEqual([]);
    const whole = exportReports('repo-info', [other, report], { ...META, style }).text;
    expect(repoInfoProblems(whole, [...blocksOf(report, style), ...blocksOf(other, style)])).toEqual([]);
  });

  // FINDING (shared/report/repo-info/render-image.ts dockerfileBlock; dockerfileLines keeps newlines
  // on purpose): a `created_by` with a line that is just ``` closes the ```dockerfile fence early,
  // and everything after it (`<script>…`, a fake ```dockerfile) is read as Markdown by whoever
  // renders tag-details.md. The format is byte-exact so escaping is not the fix; a longer opening
  // fence when the content contains ``` (CommonMark allows ```` …) or a decision to accept it is.
  it('row 21: a created_by line of ``` does not close the dockerfile fence', () => {
    const report = hostileReport([MULTI_LINE.closesFence]);
    const text = exportReports('repo-info', [report], META).text;
    expect(repoInfoProblems(text, blocksOf(report, 'current'))).toEqual([]);
  });

  // FINDING (render-image.ts repoInfoImageLines / imagePlatformString, layerLines): plain-text
  // fields are printed raw, so a newline in a platform `variant`/`os` (index descriptor), in
  // `docker_version` (config) or in a layer `mediaType` (manifest) starts a new Markdown line that is
  // none of repo-info's line forms (`## injected heading`). Schema strings allow "\n" there.
  it('row 21: a newline in a platform, docker_version or layer media type stays on its line', () => {
    const report = hostileReport([MULTI_LINE.newHeading]);
    const text = exportReports('repo-info', [report], META).text;
    expect(repoInfoProblems(text, blocksOf(report, 'current'))).toEqual([]);
  });

  // FINDING (render-image.ts: Entrypoint / Default Command / SHELL lines): mojoJson does not escape
  // backticks (Mojo::JSON does not either), so a backtick in Cmd ends the inline code span and the
  // rest (`<img src=x onerror=…>`) is raw Markdown/HTML. Byte-exact output cannot escape it; a
  // double-backtick span when the value contains one would keep the bytes of the value.
  it('row 21: a backtick in Cmd does not break the Default Command code span', () => {
    const text = exportReports('repo-info', [hostileReport([`\`${SINGLE_LINE.img}\``])], META).text;
    expect(brokenCodeSpans(text)).toEqual([]);
  });
});

describe('row 21: what cannot be hostile, and what does not exist', () => {
  it.each(['<script>', '](javascript:x)', '`x`', '|x|', '=cmd', '../x', 'a\u202eb'])('row 21: a tag name %j is refused by the reference parser, so it never reaches an export', (tag) => {
    let caught: unknown;
    try {
      parseReference(`acme/app:${tag}`);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RegscopeError);
    expect((caught as RegscopeError).data.code).toBe('invalid-reference');
  });

  it('row 21: there is no CSV or Markdown-table export (the CSV formula part of the row does not apply)', () => {
    expect([...EXPORT_FORMATS].sort()).toEqual(['html', 'json', 'repo-info']);
  });
});

describe('row 21: hostile image through the API export', () => {
  it('row 21: a hostile image from the registry exports to HTML, JSON and repo-info through the API safely', async () => {
    const payloads = SINGLE_LINE_PAYLOADS;
    const hostile = image('export', {
      docker_version: SINGLE_LINE.markdownImage,
      config: { Cmd: ['/bin/sh'], Labels: Object.fromEntries(payloads.map((payload, i) => [`k${String(i)}`, payload])) },
      history: payloads.map((payload) => ({ created: '2024-01-01T00:00:00Z', created_by: `/bin/sh -c ${payload}` })),
    });
    world.registry.script(serveImage('acme/app', '1', hostile));
    const api = apiFor(world.core());
    const reference = world.ref('acme/app:1');
    const results = await Promise.all((['html', 'json', 'repo-info'] as const).map((format) => api.call('exportReport', { references: [reference], format, style: 'current' })));
    api.service.dispose();
    const [html, json, repoInfo] = results.map((result) => (result.ok ? (result.value as { text: string }).text : ''));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(htmlProblems(html ?? '')).toEqual([]);
    expect(new Set(stringsIn(JSON.parse(json ?? 'null'))).has(SINGLE_LINE.script)).toBe(true);
    const report = await world.core().report(reference);
    expect(repoInfoProblems(repoInfo ?? '', report.kind === 'found' ? blocksOf(report, 'current') : [])).toEqual([]);
  });
});
