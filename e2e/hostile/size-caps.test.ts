import { describe, expect, it } from 'vitest';
import { MAX_INDEX_ENTRIES, MAX_LAYERS } from '../../shared/image/manifest-schemas';
import { MediaType } from '../../shared/image/media-types';
import { DEADLINE_MS, useHostileWorld } from './harness/hostile-world';
import { content, descriptor, image, imageConfig, imageManifest, jsonContent, layer } from './harness/oci-content';
import { expectUserFacing, expectWithinDeadline, failureOf, successOf } from './harness/outcome';
import { blobPath, manifestPath, serveBlob, serveImage, serveManifest } from './harness/registry-script';
import { guardUnhandledRejections } from './harness/unhandled-rejections';

/**
 * reliability.md §5 rows 7–9: documents too big to hold ("10 GB manifest", endless bodies), too
 * many entries, nesting, and configs with absurd histories. Through the real core; every case must
 * end within its deadline instead of reading gigabytes.
 */
guardUnhandledRejections();
const world = useHostileWorld();
const REPO = 'acme/app';
const TEN_GB = 10 * 1024 ** 3;

describe('row 7: the "10 GB manifest"', () => {
  it('row 7: a manifest declaring 10 GB in Content-Length is refused before reading', async () => {
    world.registry.script([{ name: '10 GB manifest', method: 'GET', path: manifestPath(REPO, '1'), reply: { kind: 'short', status: 200, headers: { 'content-type': MediaType.ociManifest }, declaredLength: TEN_GB, body: '{' } }]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'too-large', stage: 'manifest', reference });
    expectWithinDeadline(failed.ms, DEADLINE_MS);
  });

  it('row 7: an endless chunked manifest body is cut off at the cap', async () => {
    world.registry.script([{ name: 'endless manifest', method: 'GET', path: manifestPath(REPO, '1'), reply: { kind: 'endless', status: 200, headers: { 'content-type': MediaType.ociManifest }, chunk: ' '.repeat(64 * 1024) } }]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'too-large', stage: 'manifest', reference });
    expectWithinDeadline(failed.ms, DEADLINE_MS);
  });

  it('row 7: a config blob declaring 10 GB is refused before reading', async () => {
    const honest = image('big-config');
    world.registry.script([
      { name: '10 GB config', method: 'GET', path: blobPath(REPO, honest.config.digest), reply: { kind: 'short', status: 200, declaredLength: TEN_GB, body: '{' } },
      ...serveImage(REPO, '1', honest),
    ]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'too-large', stage: 'config', reference });
    expectWithinDeadline(failed.ms, DEADLINE_MS * 2);
  });

  // FINDING (blobs.ts getConfigBytes / registry-access.ts `config`): the config descriptor's `size`
  // is never compared with the cap (or with the bytes) — the GET is sent whatever it claims, and a
  // registry that then answers with a small body matching the digest is believed. Row 7 asks to
  // "refuse before reading" when the descriptor size is over the cap; image-spec asks to verify
  // size before digest.
  it('row 7: a config descriptor claiming 10 GB is refused without fetching it', async () => {
    const config = imageConfig({}, 'claims-10-gb');
    const layers = [layer('claims-10-gb')];
    const manifest = jsonContent({ schemaVersion: 2, mediaType: MediaType.ociManifest, config: descriptor(config, { size: TEN_GB }), layers: layers.map((item) => descriptor(item)) }, MediaType.ociManifest);
    world.registry.script([...serveManifest(REPO, '1', manifest), serveBlob(REPO, config), ...layers.map((item) => serveBlob(REPO, item))]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'too-large', stage: 'config', reference });
    expect(world.registry.requestsTo(blobPath(REPO, config.digest), 'GET')).toEqual([]);
  });
});

/** A compact index of `count` entries (one platform each, the same digest: only the count matters), as raw text. */
function hugeIndex(count: number): string {
  const entry = `{"mediaType":"${MediaType.ociManifest}","digest":"sha256:${'1'.repeat(64)}","size":1,"platform":{"os":"linux","architecture":"amd64"}}`;
  return `{"schemaVersion":2,"mediaType":"${MediaType.ociIndex}","manifests":[${new Array<string>(count).fill(entry).join(',')}]}`;
}

/** A compact image manifest of `count` layers, as raw text. */
function hugeManifest(count: number): string {
  const config = imageConfig();
  const entry = `{"mediaType":"${MediaType.ociLayer}","digest":"sha256:${'2'.repeat(64)}","size":1}`;
  return `{"schemaVersion":2,"mediaType":"${MediaType.ociManifest}","config":${JSON.stringify(descriptor(config))},"layers":[${new Array<string>(count).fill(entry).join(',')}]}`;
}

describe('row 8: too many entries, nesting, repeated digests', () => {
  it.each([
    ['an index of 100k entries (over the byte cap)', () => hugeIndex(100_000), MediaType.ociIndex, 'too-large'],
    [`an index of ${String(MAX_INDEX_ENTRIES + 1)} entries (under the byte cap)`, () => hugeIndex(MAX_INDEX_ENTRIES + 1), MediaType.ociIndex, 'invalid-manifest'],
    ['a manifest of 100k layers (over the byte cap)', () => hugeManifest(100_000), MediaType.ociManifest, 'too-large'],
    [`a manifest of ${String(MAX_LAYERS + 1)} layers (under the byte cap)`, () => hugeManifest(MAX_LAYERS + 1), MediaType.ociManifest, 'invalid-manifest'],
  ] as const)('row 8: %s is refused, nothing is fetched for its entries', async (_label, body, contentType, code) => {
    const text = body();
    world.registry.script([{ name: 'huge document', method: 'GET', path: manifestPath(REPO, '1'), reply: { status: 200, headers: { 'content-type': contentType }, body: text } }]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code, stage: 'manifest', reference });
    expectWithinDeadline(failed.ms, DEADLINE_MS);
    expect(world.registry.requests.filter((request) => request.path !== manifestPath(REPO, '1'))).toEqual([]);
  });

  it('row 8: an index listing the same digest 200 times fetches that manifest once', async () => {
    const one = image('repeated');
    const index = jsonContent({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: Array.from({ length: 200 }, () => descriptor(one.manifest, { platform: { os: 'linux', architecture: 'amd64' } })) }, MediaType.ociIndex);
    world.registry.script([...serveManifest(REPO, '1', index), ...serveImage(REPO, undefined, one)]);
    const { value: report, ms } = await successOf(() => world.core().report(world.ref(`${REPO}:1`)));
    expect(report.kind === 'found' && report.images.length).toBe(200);
    expect(world.registry.requestsTo(manifestPath(REPO, one.manifest.digest), 'GET')).toHaveLength(1);
    expect(world.registry.requestsTo(blobPath(REPO, one.config.digest), 'GET')).toHaveLength(1);
    expectWithinDeadline(ms, DEADLINE_MS * 3);
  });

  it('row 8: index → index nesting stops at depth one: the nested index is skipped with a warning (no cycle can be walked)', async () => {
    const leaf = image('leaf');
    const inner = jsonContent({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: [descriptor(leaf.manifest, { platform: { os: 'linux', architecture: 'amd64' } })] }, MediaType.ociIndex);
    const outer = jsonContent({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: [descriptor(inner, { platform: { os: 'linux', architecture: 'arm64' } })] }, MediaType.ociIndex);
    world.registry.script([...serveManifest(REPO, '1', outer), ...serveManifest(REPO, undefined, inner), ...serveImage(REPO, undefined, leaf)]);
    const reference = world.ref(`${REPO}:1`);
    const warnings: string[] = [];
    const report = await world.core({ warn: (message) => warnings.push(message) }).report(reference);
    expect(report.kind === 'found' && report.images).toEqual([]);
    expect(warnings.join('\n')).toContain('nested index');
    // The leaf two levels down was never asked for.
    expect(world.registry.requestsTo(manifestPath(REPO, leaf.manifest.digest))).toEqual([]);
  });
});

describe('row 9: configs claiming GBs or absurd histories', () => {
  it('row 9: an endless config body is cut off at the 4 MiB cap', async () => {
    const honest = image('endless-config');
    world.registry.script([
      { name: 'endless config', method: 'GET', path: blobPath(REPO, honest.config.digest), reply: { kind: 'endless', status: 200, chunk: ' '.repeat(64 * 1024) } },
      ...serveImage(REPO, '1', honest),
    ]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'too-large', stage: 'config', reference });
    expectWithinDeadline(failed.ms, DEADLINE_MS * 2);
  });

  it('row 9: a history of 1M entries (3 MB, under the byte cap) is refused by the entry cap with a clear message', async () => {
    // The core refuses rather than truncates (MAX_HISTORY_ENTRIES): the user gets a sentence, not a hang.
    const config = content(`{"architecture":"amd64","os":"linux","history":[${Array.from({ length: 1_000_000 }, () => '{}').join(',')}]}`, MediaType.ociConfig);
    const layers = [layer('history')];
    world.registry.script([...serveManifest(REPO, '1', imageManifest(config, layers)), serveBlob(REPO, config), ...layers.map((item) => serveBlob(REPO, item))]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'invalid-manifest', stage: 'config', reference });
    expect(failed.data.message).toContain('history');
    expectWithinDeadline(failed.ms, DEADLINE_MS * 2);
  });

  it('row 9: a 1 MB created_by is kept whole and the report still completes in time', async () => {
    const createdBy = `/bin/sh -c echo ${'A'.repeat(1024 * 1024)}`;
    const big = image('big-history', { history: [{ created: '2024-01-01T00:00:00Z', created_by: createdBy }] });
    world.registry.script(serveImage(REPO, '1', big));
    const { value: report, ms } = await successOf(() => world.core().report(world.ref(`${REPO}:1`)));
    expect(report.kind === 'found' && report.images[0]?.config.history?.[0]?.created_by).toBe(createdBy);
    expectWithinDeadline(ms, DEADLINE_MS * 3);
  });
});
