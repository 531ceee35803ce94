import { afterAll, describe, expect, it } from 'vitest';
import type { FoundTagReport, TagReport } from '../../shared/image/image-report';
import { testRegistries } from '../../e2e/registry/provided-context';
import { explicitCredential } from './credentials/credential';
import { RegscopeCore, type CoreOptions } from './regscope-core';
import { errorDataOf } from './testing/error-data-of';

/**
 * The registry core against the real test registry (distribution 2.8): anonymous, htpasswd, token
 * auth and the redirect middleware behind nginx.
 */
const env = testRegistries();
const catalogue = env.catalogue!;
const cores: RegscopeCore[] = [];

function core(options: CoreOptions & { log?: Array<{ method: string; url: string; status: number }> } = {}): RegscopeCore {
  const created = new RegscopeCore({ onRequest: (entry) => options.log?.push(entry), ...options });
  cores.push(created);
  return created;
}
afterAll(async () => Promise.all(cores.map((c) => c.close())));

function found(report: TagReport): FoundTagReport {
  if (report.kind !== 'found') throw new Error(`expected a found report, got ${report.kind}`);
  return report;
}


describe('a multi-arch tag on the anonymous registry', () => {
  it('reads every platform in list order with its layers, config and digest', async () => {
    const report = found(await core().report(`${env.anon.host}/library/python:3.11`));
    expect(report.digest).toBe(catalogue.python.digest);
    expect(report.isIndex).toBe(true);
    expect(report.images.map((image) => image.digest)).toEqual(catalogue.python.images.map((image) => image.manifestDigest));
    for (const [index, image] of report.images.entries()) {
      const expected = catalogue.python.images[index]!;
      expect(image.configDigest).toBe(expected.configDigest);
      expect(image.layers.map((layer) => [layer.digest, layer.size])).toEqual(expected.layers.map((layer) => [layer.digest, layer.size]));
      expect(image.config.history).toHaveLength(expected.historyLength);
    }
  });

  it('never makes the same request twice in one run, even for a layer two platforms share', async () => {
    const log: Array<{ method: string; url: string; status: number }> = [];
    await core({ log }).report(`${env.anon.host}/library/python:3.11`);
    const keys = log.map((entry) => `${entry.method} ${entry.url}`);
    expect(new Set(keys).size).toBe(keys.length);
    const layerCount = new Set(catalogue.python.images.flatMap((image) => image.layers.map((layer) => layer.digest))).size;
    const totalLayers = catalogue.python.images.reduce((sum, image) => sum + image.layers.length, 0);
    expect(layerCount).toBeLessThan(totalLayers); // the fixture really shares a layer
    expect(log.filter((entry) => entry.method === 'HEAD')).toHaveLength(layerCount);
  });

  it('resolves Docker Hub names through --mirror, keeping the Docker Hub name in the report', async () => {
    const report = found(await core({ mirror: env.anon.url }).report('python:3.11'));
    expect(report.display).toBe('python:3.11');
    expect(report.pullName).toBe('python');
    expect(report.digest).toBe(catalogue.python.digest);
  });

  it('a missing tag is a "missing" report, not an error', async () => {
    const report = await core().report(`${env.anon.host}/library/python:does-not-exist`);
    expect(report.kind).toBe('missing');
  });

  it('an unreachable registry names the stage, the host and the reference', async () => {
    const data = await errorDataOf(core({ retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } }).report('127.0.0.1:1/acme/app:1'));
    expect(data).toMatchObject({ code: 'unreachable', stage: 'manifest', reference: '127.0.0.1:1/acme/app:1' });
    expect(data.message).toContain('127.0.0.1:1');
  });
});

describe('OCI index with attestations', () => {
  it('marks attestation manifests and links them to the image they describe', async () => {
    const report = found(await core().report(`${env.anon.host}/acme/buildx-app:v1`));
    expect(report.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    const attestations = report.images.filter((image) => image.kind === 'attestation');
    const images = report.images.filter((image) => image.kind === 'image');
    expect(attestations).toHaveLength(2);
    expect(images).toHaveLength(2);
    for (const attestation of attestations) {
      expect(images.map((image) => image.digest)).toContain(attestation.attests);
      expect(attestation.layers.every((layer) => layer.mediaType === 'application/vnd.in-toto+json')).toBe(true);
    }
  });
});

describe('Windows with a foreign layer', () => {
  it('takes the foreign layer date from urls[0] on nginx, never from the registry', async () => {
    const report = found(await core().report(`${env.anon.host}/windows/servercore-app:ltsc2019`));
    const image = report.images[0]!;
    expect(image.platform).toMatchObject({ os: 'windows', architecture: 'amd64', osVersion: '10.0.17763.5820' });
    const foreign = image.layers[0]!;
    expect(foreign.mediaType).toBe('application/vnd.docker.image.rootfs.foreign.diff.tar.gzip');
    expect(foreign.size).toBe(1538012345);
    expect(foreign.lastModified).toMatch(/GMT$/);
  });
});

describe('redirects', () => {
  it('follows the 307 to nginx and reads Last-Modified from the final answer', async () => {
    const log: Array<{ method: string; url: string; status: number }> = [];
    const report = found(await core({ log }).report(`${env.redirect.host}/library/python:3.11`));
    expect(log.some((entry) => entry.method === 'HEAD' && entry.status === 307 && entry.url.startsWith(env.redirect.url))).toBe(true);
    expect(log.some((entry) => entry.method === 'HEAD' && entry.status === 200 && entry.url.startsWith(env.nginxUrl))).toBe(true);
    expect(report.images.every((image) => image.layers.every((layer) => /GMT$/.test(layer.lastModified ?? '')))).toBe(true);
  });
});

describe('auth', () => {
  const { username, password } = env.credentials;

  it('basic: works with credentials', async () => {
    const report = found(await core({ credentials: explicitCredential(env.basic.host, { username, password, source: 'test' }) }).report(`${env.basic.host}/library/python:3.11`));
    expect(report.digest).toBe(catalogue.python.digest);
  });

  it('basic: without credentials says sign-in is required', async () => {
    expect(await errorDataOf(core().report(`${env.basic.host}/library/python:3.11`))).toMatchObject({ code: 'auth-required', stage: 'auth', reference: `${env.basic.host}/library/python:3.11` });
  });

  it('basic: wrong credentials are refused, naming the user', async () => {
    const data = await errorDataOf(core({ credentials: explicitCredential(env.basic.host, { username, password: 'wrong', source: 'test' }) }).report(`${env.basic.host}/library/python:3.11`));
    expect(data).toMatchObject({ code: 'auth-failed', stage: 'auth' });
    expect(data.message).toContain(username);
    expect(data.message).not.toContain('wrong');
  });

  it('token: anonymous pull works and one token serves the whole report', async () => {
    const stats = async () => (await (await fetch(env.tokenServer.statsUrl)).json()) as { total: number };
    const before = (await stats()).total;
    const report = found(await core().report(`${env.token.host}/library/python:3.11`));
    expect(report.images).toHaveLength(6);
    expect((await stats()).total - before).toBe(1);
  });

  it('token: with credentials, and wrong credentials fail at the token server', async () => {
    const good = found(await core({ credentials: explicitCredential(env.token.host, { username, password, source: 'test' }) }).report(`${env.token.host}/acme/buildx-app:v1`));
    expect(good.images).toHaveLength(4);
    const data = await errorDataOf(core({ credentials: explicitCredential(env.token.host, { username, password: 'nope', source: 'test' }) }).report(`${env.token.host}/acme/buildx-app:v1`));
    expect(data).toMatchObject({ code: 'auth-failed', stage: 'auth' });
  });

  it('checkLogin accepts good and refuses bad credentials', async () => {
    await expect(core().checkLogin(env.basic.host, { username, password, source: 'test' })).resolves.toBeUndefined();
    expect(await errorDataOf(core().checkLogin(env.basic.host, { username, password: 'bad', source: 'test' }))).toMatchObject({ code: 'auth-failed' });
    await expect(core().checkLogin(env.token.host, { username, password, source: 'test' })).resolves.toBeUndefined();
    expect(await errorDataOf(core().checkLogin(env.token.host, { username, password: 'bad', source: 'test' }))).toMatchObject({ code: 'auth-failed' });
  });
});

describe('tags and summaries', () => {
  it('lists every tag of a repository', async () => {
    const listing = await core().tags(`${env.anon.host}/acme/many-tags`);
    expect([...listing.tags].sort()).toEqual([...catalogue.manyTags.tags].sort());
    expect(listing.invalidTags).toEqual([]);
  });

  it('summarises a tag with one HEAD and by-digest GETs that a second call does not repeat', async () => {
    const log: Array<{ method: string; url: string; status: number }> = [];
    const c = core({ log });
    const first = await c.summary(`${env.anon.host}/library/python:3.11`);
    expect(first.digest).toBe(catalogue.python.digest);
    expect(first.entries).toHaveLength(6);
    const gets = log.filter((entry) => entry.method === 'GET').length;
    await c.summary(`${env.anon.host}/library/python:latest`);
    expect(log.filter((entry) => entry.method === 'GET').length).toBe(gets);
  });

  it('batches share requests across tags that share images', async () => {
    const log: Array<{ method: string; url: string; status: number }> = [];
    const outcomes = await core({ log }).reports([`${env.anon.host}/library/python:3.11`, `${env.anon.host}/library/python:latest`]);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    const configGets = log.filter((entry) => entry.method === 'GET' && entry.url.includes('/blobs/'));
    expect(configGets).toHaveLength(6);
  });
});

describe('the persistent cache', () => {
  it('a warm report of an unchanged tag costs one manifest HEAD and no GET, with the same result', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openDiskCache } = await import('./cache/disk-cache');
    const dir = mkdtempSync(join(tmpdir(), 'regscope-cache-'));
    const reference = `${env.redirect.host}/windows/servercore-app:multi`;
    const coldLog: Array<{ method: string; url: string; status: number }> = [];
    const cold = await core({ log: coldLog, cache: openDiskCache(dir) }).report(reference);
    expect(coldLog.filter((entry) => entry.method === 'GET').length).toBeGreaterThan(0);

    const warmLog: Array<{ method: string; url: string; status: number }> = [];
    const warmCore = core({ log: warmLog, cache: openDiskCache(dir) });
    const warm = await warmCore.report(reference);
    expect(warm).toEqual(cold);
    expect(warmLog.map((entry) => entry.method)).toEqual(['HEAD']);
    expect(warmLog[0]?.url).toContain('/manifests/multi');
  });

  it('a moved tag is noticed by the HEAD and fetched again', async () => {
    const { memoryCache } = await import('./cache/memory-cache');
    const cache = memoryCache();
    await cache.putTag(`${env.anon.url}/`, 'library/python', '3.11', { digest: catalogue.pythonSlim.digest });
    const log: Array<{ method: string; url: string; status: number }> = [];
    const report = found(await core({ log, cache }).report(`${env.anon.host}/library/python:3.11`));
    expect(report.digest).toBe(catalogue.python.digest);
    expect(log[0]?.method).toBe('HEAD');
    expect(log.some((entry) => entry.method === 'GET' && entry.url.endsWith('/manifests/3.11'))).toBe(true);
  });
});
