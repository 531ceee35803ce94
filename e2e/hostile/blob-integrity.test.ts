import { describe, expect, it } from 'vitest';
import { MediaType } from '../../shared/image/media-types';
import { DEADLINE_MS, RETRY, useHostileWorld } from './harness/hostile-world';
import { descriptor, image, imageConfig, jsonContent, layer } from './harness/oci-content';
import { expectUserFacing, expectWithinDeadline, failureOf } from './harness/outcome';
import { blobPath, manifestPath, serveBlob, serveImage, serveManifest } from './harness/registry-script';
import { guardUnhandledRejections } from './harness/unhandled-rejections';

/**
 * reliability.md §5 row 25: short reads, lying lengths and sizes. regscope reads only manifests and
 * configs (layers are HEADed, never downloaded, and no `Range` request is ever sent, so "Range
 * ignored" cannot happen); for those two, a bad read must never become a cache entry, and a retry
 * must give the right bytes.
 */
guardUnhandledRejections();
const world = useHostileWorld();
const REPO = 'acme/app';
const honest = image('integrity');

describe('row 25: short reads and size mismatches', () => {
  it('row 25: a config cut short once is retried; the cache ends up with the right bytes only', async () => {
    const half = honest.config.bytes.subarray(0, Math.floor(honest.config.size / 2));
    world.registry.script([
      { name: 'short config', method: 'GET', path: blobPath(REPO, honest.config.digest), times: 1, reply: { kind: 'short', status: 200, declaredLength: honest.config.size, body: half } },
      ...serveImage(REPO, '1', honest),
    ]);
    const report = await world.core().report(world.ref(`${REPO}:1`));
    expect(report.kind).toBe('found');
    expect((await world.cache.getBytes(honest.config.digest))?.bytes.equals(honest.config.bytes)).toBe(true);
  });

  it('row 25: a config that is always cut short fails clearly and leaves no cache entry', async () => {
    const half = honest.config.bytes.subarray(0, 10);
    world.registry.script([{ name: 'always short', method: 'GET', path: blobPath(REPO, honest.config.digest), reply: { kind: 'short', status: 200, declaredLength: honest.config.size, body: half } }, ...serveImage(REPO, '1', honest)]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'unreachable', stage: 'config', reference });
    expect(world.registry.requestsTo(blobPath(REPO, honest.config.digest), 'GET').filter((request) => request.authorization).length).toBe(RETRY.maxRetries + 1);
    expect(await world.cache.getBytes(honest.config.digest)).toBeUndefined();
    expectWithinDeadline(failed.ms, DEADLINE_MS * 2);
  });

  it('row 25: a manifest cut short is not parsed or cached; the retry is', async () => {
    world.registry.script([
      { name: 'short manifest', method: 'GET', path: manifestPath(REPO, '1'), times: 1, reply: { kind: 'short', status: 200, headers: { 'content-type': MediaType.ociManifest, 'docker-content-digest': honest.manifest.digest }, declaredLength: honest.manifest.size, body: honest.manifest.bytes.subarray(0, 20) } },
      ...serveImage(REPO, '1', honest),
    ]);
    const report = await world.core().report(world.ref(`${REPO}:1`));
    expect(report.kind === 'found' && report.digest).toBe(honest.manifest.digest);
    expect((await world.cache.getBytes(honest.manifest.digest))?.bytes.equals(honest.manifest.bytes)).toBe(true);
  });

  it('row 25: a body longer than its Content-Length does not smuggle extra bytes into the parse', async () => {
    const padded = Buffer.concat([honest.config.bytes, Buffer.from('{"evil":true}')]);
    world.registry.script([{ name: 'long config', method: 'GET', path: blobPath(REPO, honest.config.digest), reply: { status: 200, headers: { 'content-length': String(honest.config.size) }, body: padded } }, ...serveImage(REPO, '1', honest)]);
    const report = await world.core().report(world.ref(`${REPO}:1`));
    expect(report.kind === 'found' && report.images[0]?.configDigest).toBe(honest.config.digest);
  });

  // FINDING (blobs.ts getConfigBytes, collect-tag.ts imageOf): the config descriptor's `size` is
  // never compared with the bytes received. A manifest that says the config has 3 bytes, served a
  // config that hashes right, is believed; image-spec descriptor.md asks to verify the size before
  // the digest, and row 25 asks to "verify size + digest". Same root cause as the row 7 finding.
  it('row 25: a config whose size disagrees with its descriptor is refused', async () => {
    const config = imageConfig({}, 'wrong-size');
    const layers = [layer('wrong-size')];
    const manifest = jsonContent({ schemaVersion: 2, mediaType: MediaType.ociManifest, config: descriptor(config, { size: 3 }), layers: layers.map((item) => descriptor(item)) }, MediaType.ociManifest);
    world.registry.script([...serveManifest(REPO, '1', manifest), serveBlob(REPO, config), ...layers.map((item) => serveBlob(REPO, item))]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expect(failed.data).toMatchObject({ stage: 'config', reference });
    expect(['digest-mismatch', 'invalid-manifest']).toContain(failed.data.code);
  });
});
