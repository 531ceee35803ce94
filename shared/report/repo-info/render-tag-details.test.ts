import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TagReport } from '../../image/image-report';
import { missingReport, ociIndexReport, singleManifestReport } from '../testing/report-fixtures';
import { renderRepoInfoTagDetails, repoInfoAnchor, tagDetailsOrder } from './render-tag-details';
import { renderRepoInfoTag } from './render-tag';
import { parseRepoInfoTag, splitRepoInfoTagDetails } from './testing/parse-repo-info';
import { tagReportFromParsed } from './testing/tag-report-from-parsed';

const SEEDS_DIR = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));
const HEADER = "<!-- THIS FILE IS GENERATED VIA './update-remote.sh' -->\n\n";

function archlinux(tag: string): TagReport {
  return ociIndexReport({ display: `archlinux:${tag}`, reference: { registry: 'docker.io', repository: 'library/archlinux', tag } });
}

describe('renderRepoInfoTagDetails (§7)', () => {
  it('with no tags', () => {
    expect(renderRepoInfoTagDetails('archlinux', [], { style: 'current' })).toBe(`${HEADER}# Tags of \`archlinux\`\n\n-\t**No supported tags**\n`);
  });

  it('with one tag: ToC, one blank line, the tag verbatim, no blank line at the end', () => {
    const report = missingReport('consul:9.9');
    expect(renderRepoInfoTagDetails('consul', [report], { style: 'seed' })).toBe(
      `${HEADER}# Tags of \`consul\`\n\n-\t[\`consul:9.9\`](#consul99)\n\n## \`consul:9.9\`\n\n**does not exist** (yet?)\n`,
    );
  });

  it('with three tags given out of order: sorted in byte order, sections in the same order', () => {
    const reports = [archlinux('latest'), archlinux('base-20240804.0.251467'), archlinux('Base')];
    const text = renderRepoInfoTagDetails('archlinux', reports, { style: 'current' });
    const sections = ['Base', 'base-20240804.0.251467', 'latest'].map((tag) => renderRepoInfoTag(archlinux(tag), { style: 'current' }));
    expect(text).toBe(
      `${HEADER}# Tags of \`archlinux\`\n\n` +
        '-\t[`archlinux:Base`](#archlinuxbase)\n' +
        '-\t[`archlinux:base-20240804.0.251467`](#archlinuxbase-202408040251467)\n' +
        '-\t[`archlinux:latest`](#archlinuxlatest)\n' +
        sections.map((section) => `\n${section}`).join(''),
    );
    expect(text.endsWith('MIME: application/vnd.in-toto+json\n')).toBe(true);
  });

  it('drops a repeated tag, as `sort -u` does', () => {
    const text = renderRepoInfoTagDetails('consul', [missingReport('consul:1'), missingReport('consul:1')], { style: 'seed' });
    expect(text.match(/^## /gm)).toHaveLength(1);
  });

  it('holds both seeds, each section byte for byte', () => {
    const seeds = ['002_9acc49f7136cd0b3.txt', '000_a0541aaf136dac44.txt'].map((name) => readFileSync(`${SEEDS_DIR}${name}`, 'utf8'));
    const reports = seeds.map((seed) => tagReportFromParsed(parseRepoInfoTag(seed)));
    const text = renderRepoInfoTagDetails('python', reports, { style: 'seed' });
    expect(text).toBe(
      `${HEADER}# Tags of \`python\`\n\n-\t[\`python:3.8-rc-alpine\`](#python38-rc-alpine)\n-\t[\`python:3.8-rc-windowsservercore\`](#python38-rc-windowsservercore)\n\n${seeds[1] ?? ''}\n${seeds[0] ?? ''}`,
    );
    expect(splitRepoInfoTagDetails(text)).toEqual({ repoName: 'python', tags: [seeds[1], seeds[0]] });
  });

  it('mixes found, single-manifest and missing tags', () => {
    const text = renderRepoInfoTagDetails('mixed', [singleManifestReport(), missingReport('consul:9.9'), archlinux('latest')], { style: 'seed' });
    expect([...text.matchAll(/^## `(.*)`$/gm)].map((m) => m[1])).toEqual(['archlinux:latest', 'consul:9.9', 'httpd:2.4.23']);
  });
});

describe('tagDetailsOrder', () => {
  it('orders a tag list like `sort -u` in the C locale (§7)', () => {
    const tags = ['latest', '4.17.1', 'fastcgi', '4-standalone', '4', '4-fastcgi'];
    expect(tagDetailsOrder(tags.map((tag) => missingReport(`x:${tag}`))).map((r) => r.display)).toEqual([
      'x:4',
      'x:4-fastcgi',
      'x:4-standalone',
      'x:4.17.1',
      'x:fastcgi',
      'x:latest',
    ]);
  });
});

describe('repoInfoAnchor', () => {
  it.each<[string, string]>([
    ['python:3.8-rc-alpine', 'python38-rc-alpine'],
    ['archlinux:base-20240804.0.251467', 'archlinuxbase-202408040251467'],
    ['traefik:1.6.6-nanoserver-sac2016', 'traefik166-nanoserver-sac2016'],
    ['ghcr.io/Acme/App:V1', 'ghcrio/acme/appv1'],
  ])('%s → #%s', (reference, anchor) => {
    expect(repoInfoAnchor(reference)).toBe(anchor);
  });
});
