import { describe, expect, it } from 'vitest';
import { MediaType } from '../../shared/image/media-types';
import { apiFor } from './harness/api-harness';
import { DEADLINE_MS, useHostileWorld } from './harness/hostile-world';
import { descriptor, image, imageIndex, imageManifest, jsonContent, layer } from './harness/oci-content';
import { expectUserFacing, expectWithinDeadline, failureOf, successOf } from './harness/outcome';
import { manifestPath, serveBlob, serveImage, serveManifest } from './harness/registry-script';
import type { ScriptEntry } from './harness/scripted-server';
import { guardUnhandledRejections } from './harness/unhandled-rejections';

/**
 * reliability.md §5 rows 1–4: manifest bodies that are broken, lie about sizes, contradict their
 * own type, or are of a type regscope does not show. Driven through the real core and, for what the
 * UI sees, through the API service.
 */
guardUnhandledRejections();
const world = useHostileWorld();
const REPO = 'acme/app';

/** A tag whose manifest GET answers `body` with `contentType` (no digest header: nothing to check it against). */
function rawTag(tag: string, body: string, contentType: string = MediaType.ociManifest, times?: number): ScriptEntry {
  return { name: `raw ${tag}`, method: ['GET', 'HEAD'], path: manifestPath(REPO, tag), ...(times ? { times } : {}), reply: { status: 200, headers: { 'content-type': contentType }, body } };
}

const good = image('good');
const goodManifest = JSON.parse(good.manifest.bytes.toString('utf8')) as Record<string, unknown>;
const goodLayer = descriptor(good.layers[0] ?? layer('x'));

describe('row 1: broken manifest bodies', () => {
  it('row 1: a truncated manifest is "not valid JSON"; the cache is not poisoned and the next good answer is used', async () => {
    const truncated = good.manifest.bytes.subarray(0, 40).toString('utf8');
    world.registry.script([rawTag('1', truncated, MediaType.ociManifest, 1), ...serveImage(REPO, '1', good)]);
    const core = world.core();
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => core.report(reference));
    expectUserFacing(failed.data, { code: 'invalid-manifest', stage: 'manifest', reference });
    expect(failed.data.message).toContain('not valid JSON');
    expectWithinDeadline(failed.ms, DEADLINE_MS);
    expect(await world.cache.getTag(`${world.registry.url}/`, REPO, '1')).toBeUndefined();

    const report = await core.report(reference);
    expect(report.kind === 'found' && report.digest).toBe(good.manifest.digest);
  });

  it.each([
    ['size as a string', { ...goodManifest, layers: [{ ...goodLayer, size: '12' }] }],
    ['layers as an object', { ...goodManifest, layers: {} }],
    ['config as a string', { ...goodManifest, config: 'sha256:abc' }],
    ['a digest that is not a digest', { ...goodManifest, layers: [{ ...goodLayer, digest: '../../etc/passwd' }] }],
    ['schemaVersion 3', { ...goodManifest, schemaVersion: 3 }],
  ])('row 1: wrong types (%s) are an invalid manifest, nothing rendered', async (_label, body) => {
    world.registry.script([rawTag('1', JSON.stringify(body))]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'invalid-manifest', stage: 'manifest', reference });
    // Nothing after the manifest was asked for: no partial render from a document that failed.
    expect(world.registry.requests.filter((request) => request.path.includes('/blobs/'))).toEqual([]);
  });
});

describe('row 2: sizes JavaScript cannot hold', () => {
  it.each([
    ['negative', '-1'],
    ['a fraction', '1.5'],
    ['2^53 + 1 (int64 beyond a double)', '9007199254740993'],
    ['2^60', '1152921504606846976'],
    ['an exponent', '1e400'],
  ])('row 2: a layer size that is %s is refused', async (_label, size) => {
    const body = JSON.stringify({ ...goodManifest, layers: [{ ...goodLayer, size: 0 }] }).replace('"size":0}]', `"size":${size}}]`);
    expect(body).toContain(`"size":${size}`);
    world.registry.script([rawTag('1', body)]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'invalid-manifest', stage: 'manifest', reference });
    expect(failed.data.message).toMatch(/size/);
  });

  it('row 2: an index entry whose size is beyond 2^53 is refused', async () => {
    const index = JSON.stringify(JSON.parse(imageIndex([{ manifest: good.manifest, platform: { os: 'linux', architecture: 'amd64' } }]).bytes.toString('utf8')));
    const body = index.replace(`"size":${String(good.manifest.size)}`, '"size":18446744073709551615');
    world.registry.script([rawTag('1', body, MediaType.ociIndex)]);
    const reference = world.ref(`${REPO}:1`);
    expectUserFacing((await failureOf(() => world.core().report(reference))).data, { code: 'invalid-manifest', stage: 'manifest', reference });
  });
});

describe('row 3: ambiguous documents', () => {
  const index = jsonContent({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: [descriptor(good.manifest, { platform: { os: 'linux', architecture: 'amd64' } })] }, MediaType.ociIndex);
  it.each([
    ['Content-Type says index, body says image manifest', good.manifest.bytes.toString('utf8'), MediaType.ociIndex],
    ['Content-Type says image manifest, body says index', index.bytes.toString('utf8'), MediaType.ociManifest],
    ['an image manifest that also lists manifests', JSON.stringify({ ...goodManifest, manifests: [] }), MediaType.ociManifest],
    ['an index that also has layers', JSON.stringify({ ...(JSON.parse(index.bytes.toString('utf8')) as object), layers: [goodLayer] }), MediaType.ociIndex],
    ['an index that also has a config', JSON.stringify({ ...(JSON.parse(index.bytes.toString('utf8')) as object), config: goodLayer }), MediaType.ociIndex],
    ['no mediaType, both manifests and layers', JSON.stringify({ schemaVersion: 2, manifests: [], layers: [goodLayer], config: goodLayer }), 'application/json'],
  ])('row 3: %s is refused as ambiguous', async (_label, body, contentType) => {
    world.registry.script([rawTag('1', body, contentType)]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'invalid-manifest', stage: 'manifest', reference });
  });
});

describe('row 4: types regscope does not show', () => {
  it.each([
    ['Docker schema 1 (by Content-Type)', JSON.stringify({ schemaVersion: 1, name: 'acme/app', tag: '1', fsLayers: [] }), MediaType.dockerManifestV1Signed],
    ['Docker schema 1 (by schemaVersion only)', JSON.stringify({ schemaVersion: 1, name: 'acme/app', tag: '1', fsLayers: [] }), 'application/json'],
    ['a Helm chart media type', JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip' }), 'application/vnd.cncf.helm.chart.content.v1.tar+gzip'],
    ['a WASM artifact type', JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.wasm.content.layer.v1+wasm' }), 'application/vnd.wasm.content.layer.v1+wasm'],
  ])('row 4: %s is "unsupported", with a printable message', async (_label, body, contentType) => {
    world.registry.script([rawTag('1', body, contentType)]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'unsupported-media-type', stage: 'manifest', reference });
  });

  const ansiType = JSON.stringify({ schemaVersion: 2, mediaType: '\u001b[2J\u001b[31mpwned\u202e' });

  it('row 4: an unknown type carrying terminal escapes is "unsupported" and names the reference', async () => {
    world.registry.script([rawTag('1', ansiType, 'application/json')]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expect(failed.data).toMatchObject({ code: 'unsupported-media-type', stage: 'manifest', reference });
  });

  // FINDING (manifests.ts:103, parseManifest's last throw): the body's mediaType goes into the message
  // unsanitized (only clipped to 100 characters), so ESC sequences reach `regscope: manifest: …` on
  // stderr and U+202E reorders what the UI shows. Expected: control and bidi characters replaced,
  // as registry-errors.ts already does for registry error bodies.
  it('row 4: the "unsupported type" message strips terminal escapes and bidi overrides', async () => {
    world.registry.script([rawTag('1', ansiType, 'application/json')]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'unsupported-media-type', stage: 'manifest', reference });
  });

  it('row 4: through the API the UI gets error data, not a crash or a stack', async () => {
    world.registry.script([rawTag('1', JSON.stringify({ schemaVersion: 1, fsLayers: [] }), MediaType.dockerManifestV1Signed)]);
    const api = apiFor(world.core());
    const reference = world.ref(`${REPO}:1`);
    const result = await api.call('inspect', { reference });
    api.service.dispose();
    expect(result.ok).toBe(false);
    if (!result.ok) expectUserFacing(result.error, { code: 'unsupported-media-type', stage: 'manifest', reference });
  });

  it('row 4: a Helm chart stored as an OCI artifact (image manifest, Helm config) renders without a crash', async () => {
    const helmConfig = jsonContent({ name: 'mychart', version: '0.1.0', apiVersion: 'v2' }, 'application/vnd.cncf.helm.config.v1+json');
    const chart = jsonContent({ note: 'chart bytes' }, 'application/vnd.cncf.helm.chart.content.v1.tar+gzip');
    const manifest = imageManifest(helmConfig, [chart], { artifactType: 'application/vnd.cncf.helm.config.v1+json' });
    world.registry.script([...serveManifest(REPO, '0.1.0', manifest), serveBlob(REPO, helmConfig), serveBlob(REPO, chart)]);
    const { value: report, ms } = await successOf(() => world.core().report(world.ref(`${REPO}:0.1.0`)));
    expect(report.kind).toBe('found');
    if (report.kind === 'found') expect(report.images[0]?.configMediaType).toBe('application/vnd.cncf.helm.config.v1+json');
    expectWithinDeadline(ms, DEADLINE_MS * 3);
  });

  const artifactType = 'application/vnd.oci.artifact.manifest.v1+json';
  const sbom = jsonContent({ mediaType: artifactType, artifactType: 'application/spdx+json', blobs: [] }, artifactType);
  const mixedIndex = jsonContent(
    {
      schemaVersion: 2,
      mediaType: MediaType.ociIndex,
      manifests: [descriptor(good.manifest, { platform: { os: 'linux', architecture: 'amd64' } }), descriptor(sbom, { platform: { os: 'unknown', architecture: 'unknown' } })],
    },
    MediaType.ociIndex,
  );

  it('row 4: an index with an OCI 1.1-rc artifact entry skips it with a warning naming the entry, not a crash', async () => {
    world.registry.script([...serveManifest(REPO, '1', mixedIndex), ...serveImage(REPO, undefined, good), ...serveManifest(REPO, undefined, sbom)]);
    const warnings: string[] = [];
    const report = await world.core({ warn: (message) => warnings.push(message) }).report(world.ref(`${REPO}:1`));
    expect(report.kind).toBe('found');
    expect(warnings.join('\n')).toMatch(/skipped list entry sha256:[0-9a-f]{12}/);
  });

  // One entry of an unknown type (here the OCI 1.1-rc artifact manifest that ORAS and ACR wrote)
  // must not hide the images beside it: image-spec manifest.md:94 says unknown types MUST NOT be an
  // error.
  it('row 4: an unknown-type entry next to an image in an index does not sink the whole tag', async () => {
    world.registry.script([...serveManifest(REPO, '1', mixedIndex), ...serveImage(REPO, undefined, good), ...serveManifest(REPO, undefined, sbom)]);
    const report = await world.core().report(world.ref(`${REPO}:1`));
    expect(report.kind === 'found' && report.images.some((entry) => entry.platform.architecture === 'amd64')).toBe(true);
  });
  // Index → index nesting is row 8's (size-caps.test.ts).
});

// Keeps the fixture helpers honest: an honest image of this world renders.
it('the honest image of this file renders (control case)', async () => {
  world.registry.script(serveImage(REPO, '1', image('control')));
  const report = await world.core().report(world.ref(`${REPO}:1`));
  expect(report.kind).toBe('found');
});
