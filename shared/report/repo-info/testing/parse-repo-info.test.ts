import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TagReport } from '../../../image/image-report';
import { MediaType } from '../../../image/media-types';
import type { ImageReference } from '../../../reference/reference-model';
import { attestationImage, missingReport, ociIndexReport, singleManifestReport } from '../../testing/report-fixtures';
import { renderRepoInfoTag } from '../render-tag';
import type { RepoInfoStyle } from '../repo-info-style';
import { parseRepoInfoTag, type ParsedRepoInfoTag } from './parse-repo-info';
import { referenceFromDisplay, tagReportFromParsed } from './tag-report-from-parsed';

const SEEDS_DIR = fileURLToPath(new URL('../../../../../shared/seeds/', import.meta.url));

function seed(name: string): string {
  return readFileSync(`${SEEDS_DIR}${name}`, 'utf8');
}

function found(parsed: ParsedRepoInfoTag): Extract<ParsedRepoInfoTag, { kind: 'found' }> {
  if (parsed.kind !== 'found') throw new Error('expected a found tag');
  return parsed;
}

describe('parseRepoInfoTag on the seeds', () => {
  it('reads the alpine list', () => {
    const parsed = found(parseRepoInfoTag(seed('000_a0541aaf136dac44.txt')));
    expect(parsed).toMatchObject({
      display: 'python:3.8-rc-alpine',
      pullName: 'python',
      digest: 'sha256:69f60198890da7c3a7ea14fb6b66a93e3a38d9c292708f1e21ceb0b502019d4b',
      listMediaType: MediaType.dockerManifestList,
      style: 'seed',
    });
    expect(parsed.images.map((image) => image.platform)).toEqual([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm', variant: 'v6' },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
      { os: 'linux', architecture: '386' },
      { os: 'linux', architecture: 'ppc64le' },
      { os: 'linux', architecture: 's390x' },
    ]);
    const [amd64] = parsed.images;
    expect(amd64).toMatchObject({
      digest: 'sha256:0cecbf4d0d397b10f2d60ae9ca0e13857f0d4311818d4e5939a42c3ecbda150e',
      dockerVersion: '18.06.1-ce',
      configDigest: 'sha256:61e9008a7ea71568998a68db42e16ae61a6eafe304a35cc3db32a9bdad22f0af',
      cmd: ['python3'],
      totalSize: 32956405,
    });
    expect(amd64?.history[0]).toEqual({
      created: '2019-01-30T22:19:52.123456789Z',
      created_by: '/bin/sh -c #(nop) ADD file:2a1fc9351afe35698918545b2d466d9805c2e8afcec52f916785ee65bbafeced in / ',
      dockerfile: 'ADD file:2a1fc9351afe35698918545b2d466d9805c2e8afcec52f916785ee65bbafeced in / ',
    });
    expect(amd64?.layers[3]).toEqual({
      digest: 'sha256:8d1d99efd81fbff6c617d00e22bb8529b07b8195c63b76d37153750fc04f56e5',
      mediaType: MediaType.dockerLayer,
      size: 231,
      lastModified: 'Thu, 28 Feb 2019 01:46:05 GMT',
    });
    // Total Size is the sum of the layers (§0).
    for (const image of parsed.images) expect(image.layers.reduce((sum, layer) => sum + (layer.size ?? 0), 0)).toBe(image.totalSize);
  });

  it('reads the Windows list: os.version, SHELL, foreign layers, shell-less base layers', () => {
    const parsed = found(parseRepoInfoTag(seed('002_9acc49f7136cd0b3.txt')));
    const [ltsc2016] = parsed.images;
    expect(ltsc2016?.platform).toEqual({ os: 'windows', architecture: 'amd64', osVersion: '10.0.14393.3274' });
    expect(ltsc2016?.shell).toEqual(['powershell', '-Command', "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]);
    expect(ltsc2016?.history.slice(0, 3).map((entry) => entry.created_by)).toEqual([
      'Apply image 1607-RTM-amd64',
      'Install update ltsc2016-amd64',
      "powershell -Command $ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue'; #(nop)  SHELL [powershell -Command $ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';]",
    ]);
    expect(ltsc2016?.layers.slice(0, 2).map((layer) => [layer.mediaType, layer.size])).toEqual([
      [MediaType.dockerForeignLayer, 4069985900],
      [MediaType.dockerForeignLayer, 1651218786],
    ]);
  });
});

describe('parseRepoInfoTag, other shapes', () => {
  it.each<[string, TagReport, RepoInfoStyle]>([
    ['a missing tag', missingReport('consul:9.9'), 'seed'],
    ['a single manifest', singleManifestReport(), 'seed'],
    ['an OCI index with an attestation', ociIndexReport(), 'current'],
    ['an OCI index in the seed style', ociIndexReport(), 'seed'],
    ['a signed attestation without created_by', ociIndexReport({ images: [attestationImage({ config: { history: [{ created: '0001-01-01T00:00:00Z' }] } })] }), 'current'],
    ['an empty index', ociIndexReport({ images: [] }), 'current'],
  ])('%s: rendered, parsed and rendered again gives the same text', (_name, report, style) => {
    const text = renderRepoInfoTag(report, { style });
    const parsed = parseRepoInfoTag(text);
    expect(parsed.kind === 'missing' || parsed.style === style).toBe(true);
    expect(renderRepoInfoTag(tagReportFromParsed(parsed), { style })).toBe(text);
  });

  it('keeps BuildKit history realistic in the current style', () => {
    const parsed = found(parseRepoInfoTag(renderRepoInfoTag(ociIndexReport(), { style: 'current' })));
    expect(parsed.images[0]?.history.map((entry) => entry.created_by)).toEqual([
      'COPY /rootfs/ / # buildkit',
      'RUN /bin/sh -c ldconfig # buildkit',
      '/bin/sh -c #(nop)  ENV LANG=C.UTF-8',
      '/bin/sh -c #(nop)  CMD ["/usr/bin/bash"]',
    ]);
    expect(parsed.images[1]).toMatchObject({ platform: { os: 'unknown', architecture: 'unknown' }, history: [] });
    expect(tagReportFromParsed(parsed)).toMatchObject({ isIndex: true, images: [{ kind: 'image' }, { kind: 'attestation' }] });
  });

  it('a single manifest has no image digest and becomes a non-index report', () => {
    const parsed = found(parseRepoInfoTag(renderRepoInfoTag(singleManifestReport(), { style: 'seed' })));
    expect(parsed.listMediaType).toBeUndefined();
    expect(parsed.images[0]?.digest).toBeUndefined();
    expect(tagReportFromParsed(parsed)).toMatchObject({ isIndex: false, mediaType: MediaType.dockerManifest, images: [{ fromIndex: false }] });
  });

  it.each<[string, string, RegExp]>([
    ['no final newline', '## `a:b`\n\n**does not exist** (yet?)', /must end with a newline/],
    ['no heading', '# `a:b`\n', /line 1: expected the tag heading/],
    ['text after does-not-exist', '## `a:b`\n\n**does not exist** (yet?)\nmore\n', /line 4: text after/],
    ['a wrong count', '## `a:b`\n\n```console\n$ docker pull a@sha256:1\n```\n\n-\tPlatforms: 2\n\t-\tlinux; amd64\n', /line 9: Platforms says 2 but lists 1/],
    ['a listed platform without its section', '## `a:b`\n\n```console\n$ docker pull a@sha256:1\n```\n\n-\tPlatforms:\n\t-\tlinux; amd64\n', /line 9: unexpected end/],
  ])('rejects %s', (_name, markdown, error) => {
    expect(() => parseRepoInfoTag(markdown)).toThrow(error);
  });
});

describe('referenceFromDisplay', () => {
  it.each<[string, string, ImageReference]>([
    ['python:3.8-rc-alpine', 'python', { registry: 'docker.io', repository: 'library/python', tag: '3.8-rc-alpine' }],
    ['acme/app:v1', 'acme/app', { registry: 'docker.io', repository: 'acme/app', tag: 'v1' }],
    ['ghcr.io/acme/app:v1', 'ghcr.io/acme/app', { registry: 'ghcr.io', repository: 'acme/app', tag: 'v1' }],
    ['localhost:5000/app:v1', 'localhost:5000/app', { registry: 'localhost:5000', repository: 'app', tag: 'v1' }],
    ['localhost/app', 'localhost/app', { registry: 'localhost', repository: 'app' }],
    ['python@sha256:abc', 'python', { registry: 'docker.io', repository: 'library/python', digest: 'sha256:abc' }],
  ])('%s (%s)', (display, pullName, expected) => {
    expect(referenceFromDisplay(display, pullName)).toEqual(expected);
  });
});
