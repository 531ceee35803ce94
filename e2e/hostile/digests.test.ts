import { describe, expect, it } from 'vitest';
import { MediaType } from '../../shared/image/media-types';
import { DEADLINE_MS, useHostileWorld } from './harness/hostile-world';
import { image, imageIndex } from './harness/oci-content';
import { expectUserFacing, expectWithinDeadline, failureOf } from './harness/outcome';
import { blobPath, manifestPath, manifestReply, serveBlob, serveImage, serveManifest } from './harness/registry-script';
import { guardUnhandledRejections } from './harness/unhandled-rejections';

/**
 * reliability.md §5 rows 5–6: content that does not hash to what was asked for, and
 * `Docker-Content-Digest` headers that lie or are malformed. Through the real core with its memory
 * cache, which must never keep bytes under a digest they do not have.
 */
guardUnhandledRejections();
const world = useHostileWorld();
const REPO = 'acme/app';
const wanted = image('wanted');
const other = image('other');

describe('row 5: by-digest fetches that return other bytes', () => {
  it('row 5: a manifest by digest that hashes to something else is a hard error naming both digests', async () => {
    world.registry.script([
      { name: 'lie once', method: 'GET', path: manifestPath(REPO, wanted.manifest.digest), times: 1, reply: manifestReply(other.manifest, { 'docker-content-digest': wanted.manifest.digest }) },
      ...serveImage(REPO, undefined, wanted),
    ]);
    const core = world.core();
    const reference = world.ref(`${REPO}@${wanted.manifest.digest}`);
    const failed = await failureOf(() => core.report(reference));
    expectUserFacing(failed.data, { code: 'digest-mismatch', stage: 'manifest', reference });
    expect(failed.data.message).toContain(wanted.manifest.digest);
    expect(failed.data.message).toContain(other.manifest.digest);
    expectWithinDeadline(failed.ms, DEADLINE_MS);
    // Nothing kept under either digest, and the next (honest) answer is what the report shows.
    expect(await world.cache.getBytes(wanted.manifest.digest)).toBeUndefined();
    expect(await world.cache.getBytes(other.manifest.digest)).toBeUndefined();
    const report = await core.report(reference);
    expect(report.kind === 'found' && report.images[0]?.configDigest).toBe(wanted.config.digest);
  });

  it('row 5: an index entry whose manifest hashes to something else fails the tag with both digests', async () => {
    const index = imageIndex([{ manifest: wanted.manifest, platform: { os: 'linux', architecture: 'amd64' } }]);
    world.registry.script([
      ...serveManifest(REPO, '1', index),
      { name: 'child lies', method: 'GET', path: manifestPath(REPO, wanted.manifest.digest), reply: manifestReply(other.manifest) },
      ...serveImage(REPO, undefined, other),
    ]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'digest-mismatch', stage: 'manifest', reference });
    expect(failed.data.message).toContain(other.manifest.digest);
    expect(failed.data.message).toContain(wanted.manifest.digest);
  });

  it('row 5: a config blob with other bytes is refused at the config stage and not cached', async () => {
    world.registry.script([
      { name: 'config lies', method: 'GET', path: blobPath(REPO, wanted.config.digest), times: 1, reply: { status: 200, body: other.config.bytes } },
      ...serveImage(REPO, '1', wanted),
    ]);
    const core = world.core();
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => core.report(reference));
    expectUserFacing(failed.data, { code: 'digest-mismatch', stage: 'config', reference });
    expect(failed.data.message).toContain(wanted.config.digest);
    expect(await world.cache.getBytes(wanted.config.digest)).toBeUndefined();
    // The failed config is not remembered either: the next report asks again and gets the truth.
    const report = await core.report(reference);
    expect(report.kind === 'found' && report.images[0]?.config.history?.length).toBe(1);
  });
});

describe('row 6: Docker-Content-Digest that lies or is malformed', () => {
  it('row 6: a well-formed header that disagrees with the bytes is an error showing both values', async () => {
    world.registry.script([
      { name: 'tag with a lying header', method: ['GET', 'HEAD'], path: manifestPath(REPO, '1'), reply: manifestReply(wanted.manifest, { 'docker-content-digest': other.manifest.digest }) },
      ...serveImage(REPO, undefined, wanted),
    ]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'digest-mismatch', stage: 'manifest', reference });
    expect(failed.data.message).toContain(other.manifest.digest);
    expect(failed.data.message).toContain(wanted.manifest.digest);
    expect(await world.cache.getTag(`${world.registry.url}/`, REPO, '1')).toBeUndefined();
  });

  it.each([
    ['non-hex', `sha256:${'z'.repeat(64)}`],
    ['md5', 'md5:d41d8cd98f00b204e9800998ecf8427e'],
    ['upper-case hex', `sha256:${'A'.repeat(64)}`],
    ['10 KB long', `sha256:${'a'.repeat(10 * 1024)}`],
    ['empty', ''],
    ['two values', `${wanted.manifest.digest}, ${other.manifest.digest}`],
  ])('row 6: a malformed header (%s) is ignored and the computed digest is the identity', async (_label, header) => {
    world.registry.script([
      { name: 'tag with a malformed header', method: ['GET', 'HEAD'], path: manifestPath(REPO, '1'), reply: manifestReply(wanted.manifest, { 'docker-content-digest': header }) },
      ...serveImage(REPO, undefined, wanted),
    ]);
    const report = await world.core().report(world.ref(`${REPO}:1`));
    expect(report.kind === 'found' && report.digest).toBe(wanted.manifest.digest);
    expect(report.kind === 'found' && report.mediaType).toBe(MediaType.ociManifest);
  });

  it('row 6: a HEAD that names another digest than the cached one makes the core fetch and verify again', async () => {
    world.registry.script(serveImage(REPO, '1', wanted));
    const core = world.core();
    const reference = world.ref(`${REPO}:1`);
    await core.report(reference);
    // The tag "moves" by HEAD only; the GET still serves the old bytes: the header must not be trusted.
    world.registry.prepend([
      { name: 'HEAD claims other', method: 'HEAD', path: manifestPath(REPO, '1'), reply: manifestReply(wanted.manifest, { 'docker-content-digest': other.manifest.digest }) },
      { name: 'GET claims other', method: 'GET', path: manifestPath(REPO, '1'), reply: manifestReply(wanted.manifest, { 'docker-content-digest': other.manifest.digest }) },
    ]);
    const failed = await failureOf(() => core.report(reference));
    expectUserFacing(failed.data, { code: 'digest-mismatch', stage: 'manifest', reference });
    // The remembered tag still points at what was verified, not at the header's claim.
    expect((await world.cache.getTag(`${world.registry.url}/`, REPO, '1'))?.digest).toBe(wanted.manifest.digest);
  });
});

it('serveBlob keeps the config honest (control case)', async () => {
  world.registry.script([...serveManifest(REPO, '1', wanted.manifest), serveBlob(REPO, wanted.config), serveBlob(REPO, wanted.layers[0] ?? wanted.config)]);
  expect((await world.core().report(world.ref(`${REPO}:1`))).kind).toBe('found');
});
