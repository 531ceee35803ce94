import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MediaType } from '../../shared/image/media-types';
import { renderRepoInfoTag } from '../../shared/report/repo-info/render-tag';
import { buildImage, uploadedLayer } from '../fixtures/image-builder';
import { buildLayer } from '../fixtures/layer-builder';
import { PushClient } from '../fixtures/push-client';
import { pushImage } from '../fixtures/push-image';
import { defaultSeedsDir } from '../fixtures/seed-replicas';
import { parseChallenge } from '../fixtures/www-authenticate';
import { collectListReport } from './collect-repo-info';
import { testRegistries } from './provided-context';
import { basicAuthorization, getManifest } from './registry-fetch';

const r = testRegistries();
const catalogue = r.catalogue ?? expect.unreachable('the registry project starts with fixtures');
const DOCKER_ONLY_ACCEPT = [MediaType.dockerManifestList, MediaType.dockerManifest].join(', ');

/** A tiny image of its own, so push tests never touch shared fixtures. */
function tinyImage(seed: string) {
  const layer = buildLayer({ seed, files: [{ path: 'x.bin', size: 64 }], mtime: 0 });
  return buildImage({ format: 'docker', platform: { architecture: 'amd64', os: 'linux' }, containerConfig: { Cmd: ['/x'] }, history: [], layers: [uploadedLayer(layer)] });
}

async function anonymousToken(scope: string, realm = r.tokenServer.realm): Promise<string> {
  const res = await fetch(`${realm}?service=${r.tokenServer.service}&scope=${scope}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

describe('setup', () => {
  it('reports how long the global setup took', () => {
    // The aim is under 15 s (about 5–7 s on this 2-core machine); the bound only catches a runaway,
    // so a busy machine does not fail every registry test run.
    console.log(`registry global setup: ${r.setupMs} ms`);
    expect(r.setupMs).toBeLessThan(60_000);
  });
});

describe('anon registry', () => {
  it('serves the python list with the full Accept list', async () => {
    const list = await getManifest(r.anon.url, 'library/python', '3.11');
    expect(list.status).toBe(200);
    expect(list.contentType).toBe(MediaType.dockerManifestList);
    expect(list.digest).toBe(catalogue.python.digest);
    const manifests = list.json['manifests'] as { digest: string; platform: { architecture: string; variant?: string } }[];
    expect(manifests.map((m) => `${m.platform.architecture}${m.platform.variant ?? ''}`)).toEqual(['amd64', 'armv6', 'arm64v8', '386', 'ppc64le', 's390x']);
    expect(manifests.map((m) => m.digest)).toEqual(catalogue.python.images.map((i) => i.manifestDigest));
    expect((await getManifest(r.anon.url, 'library/python', 'latest')).digest).toBe(catalogue.python.digest);
    expect((await getManifest(r.anon.url, 'library/python', '3.11-slim')).digest).toBe(catalogue.pythonSlim.digest);
  });

  it('has the python fixture shapes: shared base layer, 8 layers and 15 history entries, arm64 one more', async () => {
    const [amd64, , , i386] = catalogue.python.images;
    expect(amd64?.layers[0]?.digest).toBe(i386?.layers[0]?.digest);
    expect(amd64?.layers.slice(1).map((l) => l.digest)).not.toContain(i386?.layers[1]?.digest);
    expect(catalogue.python.images.map((i) => i.layers.length)).toEqual([8, 8, 9, 8, 8, 8]);
    expect(catalogue.python.images.map((i) => i.historyLength)).toEqual([15, 15, 16, 15, 15, 15]);
    for (const layer of amd64?.layers ?? []) expect(layer.size).toBeGreaterThanOrEqual(200);
    for (const layer of amd64?.layers ?? []) expect(layer.size).toBeLessThanOrEqual(50_000);
    const config = (await (await fetch(`${r.anon.url}/v2/library/python/blobs/${amd64?.configDigest}`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({ architecture: 'amd64', os: 'linux', docker_version: '20.10.23', config: { Cmd: ['python3'] } });
    const history = config['history'] as { empty_layer?: boolean; created_by: string }[];
    expect(history.filter((h) => h.empty_layer).every((h) => h.created_by.startsWith('/bin/sh -c #(nop)  '))).toBe(true);
  });

  it('rewrites a list for a client without list types (why the full Accept list matters)', async () => {
    const single = await getManifest(r.anon.url, 'library/python', '3.11', { accept: MediaType.dockerManifest });
    expect(single.contentType).toBe(MediaType.dockerManifest);
    expect(single.digest).toBe(catalogue.python.images[0]?.manifestDigest);
  });

  it('serves the OCI index only with the OCI Accept type', async () => {
    const refused = await getManifest(r.anon.url, 'acme/buildx-app', 'v1', { accept: DOCKER_ONLY_ACCEPT });
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.json)).toContain('MANIFEST_UNKNOWN');
    const index = await getManifest(r.anon.url, 'acme/buildx-app', 'v1', { accept: MediaType.ociIndex });
    expect(index.status).toBe(200);
    expect(index.contentType).toBe(MediaType.ociIndex);
    expect(index.digest).toBe(catalogue.buildx.digest);
    const entries = index.json['manifests'] as { platform: { os: string }; annotations?: Record<string, string> }[];
    expect(entries.map((e) => e.platform.os)).toEqual(['linux', 'linux', 'unknown', 'unknown']);
    expect(entries[2]?.annotations?.['vnd.docker.reference.type']).toBe('attestation-manifest');
    expect(entries[2]?.annotations?.['vnd.docker.reference.digest']).toBe(catalogue.buildx.images[0]?.manifestDigest);
    const config = (await (await fetch(`${r.anon.url}/v2/acme/buildx-app/blobs/${catalogue.buildx.images[0]?.configDigest}`)).json()) as Record<string, unknown>;
    expect(config['docker_version']).toBeUndefined();
    expect(JSON.stringify(config['history'])).toContain('RUN /bin/sh -c npm ci --omit=dev # buildkit');
  });

  it('lists every tag of acme/many-tags', async () => {
    const res = await fetch(`${r.anon.url}/v2/acme/many-tags/tags/list`);
    const body = (await res.json()) as { tags: string[] };
    expect(catalogue.manyTags.tags.length).toBeGreaterThanOrEqual(120);
    expect([...body.tags].sort()).toEqual([...catalogue.manyTags.tags].sort());
    expect(body.tags).toEqual(expect.arrayContaining(['1.0.0', 'latest', 'edge', '1.10', '1.9', 'RC1']));
  });

  it('holds the Windows image with a foreign base layer that only nginx serves', async () => {
    const win = catalogue.windows.images[0];
    expect(win?.platform).toEqual({ architecture: 'amd64', os: 'windows', 'os.version': '10.0.17763.5820' });
    const foreign = win?.layers[0];
    expect(foreign).toMatchObject({ mediaType: MediaType.dockerForeignLayer, size: 1538012345 });
    expect((await fetch(`${r.anon.url}/v2/windows/servercore-app/blobs/${foreign?.digest}`, { method: 'HEAD' })).status).toBe(404);
    const served = await fetch(foreign?.foreignUrl ?? '', { method: 'HEAD' });
    expect(served.status).toBe(200);
    expect(served.headers.get('last-modified')).toBe('Thu, 09 May 2024 17:42:08 GMT');
    const multi = await getManifest(r.anon.url, 'windows/servercore-app', 'multi');
    expect((multi.json['manifests'] as { platform: { os: string } }[]).map((m) => m.platform.os)).toEqual(['linux', 'windows']);
  });

  it('holds the history-shapes image as a lone manifest', async () => {
    const single = await getManifest(r.anon.url, 'acme/history-shapes', 'all');
    expect(single.contentType).toBe(MediaType.dockerManifest);
    const config = (await (await fetch(`${r.anon.url}/v2/acme/history-shapes/blobs/${catalogue.historyShapes.image.configDigest}`)).json()) as {
      config: Record<string, unknown>;
      history: Record<string, unknown>[];
    };
    expect(config.config['Cmd']).toEqual([]);
    expect(config.config['Entrypoint']).toEqual(['/bin/sh', '-c']);
    expect(config.history.some((h) => !('created_by' in h))).toBe(true);
    expect(config.history.some((h) => !('created' in h))).toBe(true);
    expect(config.history.map((h) => h['created'])).toEqual(expect.arrayContaining(['0001-01-01T00:00:00Z', '2024-01-10T12:07:00+02:00']));
  });
});

describe('basic registry', () => {
  it('answers 401 without or with wrong credentials and 200 with the right ones', async () => {
    const none = await fetch(`${r.basic.url}/v2/`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Basic realm="basic-realm"');
    expect((await fetch(`${r.basic.url}/v2/`, { headers: { authorization: basicAuthorization('testuser', 'nope') } })).status).toBe(401);
    const auth = basicAuthorization(r.credentials.username, r.credentials.password);
    expect((await fetch(`${r.basic.url}/v2/`, { headers: { authorization: auth } })).status).toBe(200);
    const list = await getManifest(r.basic.url, 'library/python', '3.11', { authorization: auth });
    expect(list.digest).toBe(catalogue.python.digest);
  });

  it('takes a push from the fixture client with credentials', async () => {
    const image = tinyImage('basic-push');
    await pushImage(new PushClient({ baseUrl: r.basic.url, credentials: r.credentials }), 'auth-test/basic-push', image, ['v1']);
    expect((await getManifest(r.anon.url, 'auth-test/basic-push', 'v1')).digest).toBe(image.manifest.digest);
  });
});

describe('token registry', () => {
  it('runs the flow 401 → token → 200', async () => {
    const challenged = await getManifest(r.token.url, 'library/python', '3.11');
    expect(challenged.status).toBe(401);
    const res = await fetch(`${r.token.url}/v2/library/python/manifests/3.11`);
    const challenge = parseChallenge(res.headers.get('www-authenticate'));
    expect(challenge).toEqual({ scheme: 'bearer', params: { realm: r.tokenServer.realm, service: 'test-registry', scope: 'repository:library/python:pull' } });
    const token = await anonymousToken('repository:library/python:pull');
    const ok = await getManifest(r.token.url, 'library/python', '3.11', { authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    expect(ok.digest).toBe(catalogue.python.digest);
  });

  it('refuses a tampered token', async () => {
    const token = await anonymousToken('repository:library/python:pull');
    const [header, payload, signature = ''] = token.split('.');
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    const res = await fetch(`${r.token.url}/v2/library/python/manifests/3.11`, { headers: { authorization: `Bearer ${header}.${payload}.${flipped}`, accept: MediaType.dockerManifestList } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('accepts tokens with a libtrust kid header as well', async () => {
    const token = await anonymousToken('repository:library/python:pull', r.tokenServer.kidRealm);
    expect((await getManifest(r.token.url, 'library/python', '3.11', { authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it('gives anonymous callers pull only, and everything to the test user', async () => {
    const anonymous = await anonymousToken('repository:auth-test/token-push:pull,push');
    const refused = await fetch(`${r.token.url}/v2/auth-test/token-push/blobs/uploads/`, { method: 'POST', headers: { authorization: `Bearer ${anonymous}` } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    const image = tinyImage('token-push');
    await pushImage(new PushClient({ baseUrl: r.token.url, credentials: r.credentials }), 'auth-test/token-push', image, ['v1']);
    expect((await getManifest(r.anon.url, 'auth-test/token-push', 'v1')).digest).toBe(image.manifest.digest);
    const badCredentials = await fetch(`${r.tokenServer.realm}?service=test-registry`, { headers: { authorization: basicAuthorization('testuser', 'wrong') } });
    expect(badCredentials.status).toBe(401);
  });

  it('serves the catalog only with a registry:catalog:* token', async () => {
    const pullOnly = await anonymousToken('repository:library/python:pull');
    const refused = await fetch(`${r.token.url}/v2/_catalog`, { headers: { authorization: `Bearer ${pullOnly}` } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('scope="registry:catalog:*",error="insufficient_scope"');
    const res = await fetch(`${r.tokenServer.realm}?service=test-registry&scope=registry:catalog:*`, { headers: { authorization: basicAuthorization('testuser', 'testpass') } });
    const token = ((await res.json()) as { token: string }).token;
    const catalog = await fetch(`${r.token.url}/v2/_catalog`, { headers: { authorization: `Bearer ${token}` } });
    expect(catalog.status).toBe(200);
    expect(((await catalog.json()) as { repositories: string[] }).repositories).toContain('library/python');
  });

  it('issues OAuth2 tokens (password, then refresh_token) that the registry accepts', async () => {
    const post = async (form: Record<string, string>): Promise<{ access_token: string; refresh_token?: string }> => {
      const res = await fetch(r.tokenServer.realm, { method: 'POST', body: new URLSearchParams({ client_id: 'regscope-test', service: 'test-registry', scope: 'repository:library/python:pull', ...form }) });
      expect(res.status).toBe(200);
      return (await res.json()) as { access_token: string; refresh_token?: string };
    };
    const first = await post({ grant_type: 'password', username: 'testuser', password: 'testpass', access_type: 'offline' });
    expect(first.refresh_token).toBeDefined();
    const second = await post({ grant_type: 'refresh_token', refresh_token: first.refresh_token ?? '' });
    for (const token of [first.access_token, second.access_token]) {
      expect((await getManifest(r.token.url, 'library/python', '3.11', { authorization: `Bearer ${token}` })).status).toBe(200);
    }
  });

  it('counts its requests, so tests can assert token caching', async () => {
    const before = (await (await fetch(r.tokenServer.statsUrl)).json()) as { total: number };
    await anonymousToken('repository:stats/probe:pull');
    const after = (await (await fetch(`${r.tokenServer.statsUrl}?since=${before.total}`)).json()) as { requests: { scopes: string[] }[] };
    expect(after.requests.filter((q) => q.scopes.includes('repository:stats/probe:pull'))).toHaveLength(1);
  });
});

describe('redirect registry + nginx', () => {
  const alpine = catalogue.seedReplicas.find((s) => s.seedReference === 'python:3.8-rc-alpine');

  it('answers a blob HEAD with 307, and nginx then sends the seed Last-Modified', async () => {
    const layer = alpine?.images[0]?.layers[0];
    expect(layer?.size).toBe(2754728);
    const redirect = await fetch(`${r.redirect.url}/v2/library/python/blobs/${layer?.digest}`, { method: 'HEAD', redirect: 'manual' });
    expect(redirect.status).toBe(307);
    const location = redirect.headers.get('location') ?? '';
    expect(location.startsWith(`${r.nginxUrl}/docker/registry/v2/blobs/sha256/`)).toBe(true);
    const final = await fetch(location, { method: 'HEAD' });
    expect(final.status).toBe(200);
    expect(final.headers.get('last-modified')).toBe('Wed, 30 Jan 2019 22:21:08 GMT');
    expect(final.headers.get('content-length')).toBe('2754728');
  });

  it('gives fixture layers a fixed Last-Modified too', async () => {
    const layer = catalogue.python.images[0]?.layers[1];
    const res = await fetch(`${r.redirect.url}/v2/library/python/blobs/${layer?.digest}`, { method: 'HEAD' });
    expect(res.headers.get('last-modified')).toBe('Tue, 21 Feb 2023 18:36:00 GMT');
  });
});

describe('seed replicas', () => {
  it('rebuilds python:3.8-rc-alpine as a 6-entry list whose layers have the seed sizes', async () => {
    const alpine = catalogue.seedReplicas.find((s) => s.seedReference === 'python:3.8-rc-alpine');
    const list = await getManifest(r.anon.url, 'library/python', '3.8-rc-alpine');
    expect(list.digest).toBe(alpine?.digest);
    expect(list.json['manifests']).toHaveLength(6);
    const head = await fetch(`${r.anon.url}/v2/library/python/blobs/${alpine?.images[0]?.layers[2]?.digest}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('28086945');
    expect(alpine?.digestMap['sha256:69f60198890da7c3a7ea14fb6b66a93e3a38d9c292708f1e21ceb0b502019d4b']).toBe(alpine?.digest);
  });

  for (const seedFile of ['000_a0541aaf136dac44.txt', '002_9acc49f7136cd0b3.txt']) {
    it(`reproduces ${seedFile} byte for byte once digests are mapped`, async () => {
      const replica = catalogue.seedReplicas.find((s) => s.seedFile === seedFile) ?? expect.unreachable(`no replica of ${seedFile}`);
      const seed = readFileSync(join(defaultSeedsDir(), seedFile), 'utf8');
      let expected = seed;
      for (const [from, to] of Object.entries(replica.digestMap)) expected = expected.split(from).join(to);
      // Not vacuous: every non-foreign digest changed, and the dates come from nginx.
      const changed = Object.entries(replica.digestMap).filter(([from, to]) => from !== to);
      expect(changed.length).toBeGreaterThan(Object.keys(replica.digestMap).length / 2);
      for (const [from] of changed) expect(expected).not.toContain(from);
      const tag = replica.tags[0] ?? '';
      const report = await collectListReport(r.redirect.url, replica.repository, tag, replica.seedReference, 'python');
      expect(report.images.flatMap((i) => i.layers).every((l) => l.lastModified !== undefined)).toBe(true);
      expect(renderRepoInfoTag(report, { style: 'seed' })).toBe(expected);
    });
  }
});
