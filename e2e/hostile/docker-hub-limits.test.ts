import { describe, expect, it } from 'vitest';
import { memoryCache } from '../../electron/core/cache/memory-cache';
import { apiFor } from './harness/api-harness';
import { DEADLINE_MS, useHostileWorld } from './harness/hostile-world';
import { image, imageIndex, type Image } from './harness/oci-content';
import { expectUserFacing, expectWithinDeadline, failureOf } from './harness/outcome';
import { registryError } from './harness/replies';
import { manifestPath, manifestReply, serveBlob, serveImage } from './harness/registry-script';
import type { ScriptEntry } from './harness/scripted-server';
import { guardUnhandledRejections } from './harness/unhandled-rejections';

/**
 * reliability.md §5 row 24: Docker Hub's pull limit reached while browsing a multi-arch index.
 * The scripted registry speaks Hub's dialect: `ratelimit-limit` / `ratelimit-remaining` /
 * `docker-ratelimit-source` on manifest answers, manifest GETs count against the budget, HEADs do
 * not, and an exhausted budget is `429 TOOMANYREQUESTS`.
 */
guardUnhandledRejections();
const world = useHostileWorld();
const REPO = 'library/python';
const amd64 = image('hub-amd64');
const arm64 = image('hub-arm64', { architecture: 'arm64' });
const index = imageIndex([
  { manifest: amd64.manifest, platform: { os: 'linux', architecture: 'amd64' } },
  { manifest: arm64.manifest, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
]);

/** Hub's budget headers with `remaining` pulls left. */
function budget(remaining: number): Record<string, string> {
  return { 'ratelimit-limit': '100;w=21600', 'ratelimit-remaining': `${String(remaining)};w=21600`, 'docker-ratelimit-source': '203.0.113.7' };
}

/** The multi-arch tag `3`, with budget headers on every manifest answer. */
function hubScript(remaining: number): ScriptEntry[] {
  const manifests = [index, amd64.manifest, arm64.manifest].flatMap((of) => [
    { name: `manifest ${of.digest.slice(7, 15)}`, method: ['GET', 'HEAD'], path: manifestPath(REPO, of.digest), reply: manifestReply(of, budget(remaining)) },
  ]);
  const blobs = [amd64, arm64].flatMap((item: Image) => [serveBlob(REPO, item.config), ...item.layers.map((layer) => serveBlob(REPO, layer))]);
  return [{ name: 'tag 3', method: ['GET', 'HEAD'], path: manifestPath(REPO, '3'), reply: manifestReply(index, budget(remaining)) }, ...manifests, ...blobs];
}

/** The budget is gone: manifest GETs are 429 (with Hub's body), HEADs still answer. */
function exhausted(): ScriptEntry {
  return {
    name: 'pull limit reached',
    method: 'GET',
    path: new RegExp(`^/v2/${REPO}/manifests/`),
    reply: registryError(429, 'TOOMANYREQUESTS', 'You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit', budget(0)),
  };
}

const manifestGets = () => world.registry.requests.filter((request) => request.method === 'GET' && request.path.includes('/manifests/') && request.authorization).length;

describe('row 24: Docker Hub pull limit', () => {
  it('row 24: the budget headers are shown through the core and the API', async () => {
    world.registry.script(hubScript(76));
    const core = world.core();
    await core.report(world.ref(`${REPO}:3`));
    expect(core.rateLimit(world.registryHost)).toMatchObject({ limit: 100, remaining: 76, windowSeconds: 21600, source: '203.0.113.7' });
    const api = apiFor(core);
    const result = await api.call('rateLimit', { registry: world.registryHost });
    api.service.dispose();
    expect(result).toMatchObject({ ok: true, value: { limit: 100, remaining: 76, windowSeconds: 21600 } });
  });

  it('row 24: with the limit reached, a tag seen before is served from cached by-digest data after one HEAD', async () => {
    const cache = memoryCache();
    world.registry.script(hubScript(2));
    await world.core({ cache }).report(world.ref(`${REPO}:3`));
    // The budget runs out; a new core (the app restarted) with the same cache opens the tag again.
    world.registry.script([exhausted(), ...hubScript(0)]);
    const before = manifestGets();
    const core = world.core({ cache });
    const report = await core.report(world.ref(`${REPO}:3`));
    expect(report.kind === 'found' && report.images.map((entry) => entry.platform.architecture)).toEqual(['amd64', 'arm64']);
    expect(manifestGets() - before, 'no pull was spent').toBe(0);
    expect(core.rateLimit(world.registryHost)?.remaining).toBe(0);
  });

  it('row 24: the row summary uses HEAD for the digest (no pull) and cached manifests for the platforms', async () => {
    const cache = memoryCache();
    world.registry.script(hubScript(5));
    const core = world.core({ cache });
    await core.report(world.ref(`${REPO}:3`));
    world.registry.script([exhausted(), ...hubScript(0)]);
    const before = manifestGets();
    const api = apiFor(core);
    const summary = await api.call('tagSummary', { reference: world.ref(`${REPO}:3`) });
    api.service.dispose();
    expect(summary).toMatchObject({ ok: true, value: { digest: index.digest, platforms: ['linux/amd64', 'linux/arm64/v8'] } });
    expect(manifestGets() - before).toBe(0);
  });

  it('row 24: an uncached tag with the limit reached is a rate-limit error that says so, not a retry storm', async () => {
    world.registry.script([exhausted(), ...hubScript(0)]);
    const core = world.core();
    const reference = world.ref(`${REPO}:3`);
    const failed = await failureOf(() => core.report(reference));
    expectUserFacing(failed.data, { code: 'rate-limited', stage: 'manifest', reference });
    expect(failed.data.message).toContain('rate limiting');
    expect(manifestGets()).toBeLessThanOrEqual(3);
    expect(core.rateLimit(world.registryHost)).toMatchObject({ limit: 100, remaining: 0 });
    expectWithinDeadline(failed.ms, DEADLINE_MS);
  });

  it('row 24: an index with many platforms fetches each child once; a child that hits the limit fails the tag clearly', async () => {
    world.registry.script([{ name: 'arm64 over the limit', method: 'GET', path: manifestPath(REPO, arm64.manifest.digest), reply: registryError(429, 'TOOMANYREQUESTS', 'limit', budget(0)) }, ...hubScript(1), ...serveImage(REPO, undefined, amd64)]);
    const reference = world.ref(`${REPO}:3`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'rate-limited', stage: 'manifest', reference });
    expect(world.registry.requestsTo(manifestPath(REPO, amd64.manifest.digest), 'GET').filter((request) => request.authorization).length).toBe(1);
  });
});
