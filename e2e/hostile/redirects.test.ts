import { describe, expect, it } from 'vitest';
import { RegscopeError } from '../../shared/api/errors';
import { MediaType } from '../../shared/image/media-types';
import { checkOutboundUrl } from '../../electron/core/transport/outbound-policy';
import { DEADLINE_MS, useHostileWorld } from './harness/hostile-world';
import { content, descriptor, image, imageConfig, jsonContent } from './harness/oci-content';
import { expectUserFacing, expectWithinDeadline, failureOf, successOf } from './harness/outcome';
import { blobPath, LAST_MODIFIED, manifestPath, serveBlob, serveImage, serveManifest } from './harness/registry-script';
import { guardUnhandledRejections } from './harness/unhandled-rejections';

/**
 * reliability.md §5 rows 14–16: redirects (loops, hop limits, unsafe targets, userinfo,
 * protocol-relative), blob redirects to a presigned CDN URL, and foreign layer URLs.
 *
 * Public world: the registry is `registry.example`, the CDN `cdn.example` (both 127.0.0.1 inside this
 * process), so "public → loopback" is a real refusal here; the metadata fake on 127.0.0.1 records
 * anything that got through. The registry's Bearer gate is on, so every registry request carries an
 * `Authorization` that the CDN must never see. The https → http downgrade needs an https registry
 * with a trusted certificate, so that rule is checked on the policy function.
 */
guardUnhandledRejections();
const world = useHostileWorld('public');
const REPO = 'acme/app';
const honest = image('redirects');

/** The registry redirects GET/HEAD of `path` to `location()` with `status`. */
function redirect(path: string, location: () => string, status = 307) {
  return { name: `redirect ${path}`, method: ['GET', 'HEAD'], path, reply: () => ({ status, headers: { location: location() } }) };
}

describe('row 14: redirect loops and limits', () => {
  it('row 14: A → B → A is stopped as a redirect loop', async () => {
    world.registry.script([redirect(manifestPath(REPO, '1'), () => '/loop-b', 302), redirect('/loop-b', () => manifestPath(REPO, '1'), 302)]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'redirect-limit', stage: 'manifest', reference });
    expect(world.registry.requests.length).toBeLessThan(10);
  });

  it('row 14: more than 10 hops is stopped at the limit', async () => {
    world.registry.script([
      { name: 'endless hops', method: ['GET', 'HEAD'], path: /^\/(hop|v2\/acme\/app\/manifests\/1)/, reply: (request) => ({ status: 302, headers: { location: `/hop?n=${String(Number(request.query.get('n') ?? 0) + 1)}` } }) },
    ]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'redirect-limit', stage: 'manifest', reference });
    // 1 challenge + 11 hops of the authorised request; no retries of a hop limit.
    expect(world.registry.requests.length).toBeLessThanOrEqual(12);
    expectWithinDeadline(failed.ms, DEADLINE_MS);
  });

  it('row 14: a Location that is not a URL is a registry error', async () => {
    world.registry.script([redirect(manifestPath(REPO, '1'), () => 'http://[::1')]);
    const reference = world.ref(`${REPO}:1`);
    expectUserFacing((await failureOf(() => world.core().report(reference))).data, { code: 'registry-error', stage: 'manifest', reference });
  });
});

describe('row 14: redirects into the local network', () => {
  const meta = () => String(world.metadata.port);
  it.each([
    ['loopback (the metadata fake)', () => `http://127.0.0.1:${meta()}/latest/meta-data/`],
    ['localhost', () => `http://localhost:${meta()}/x`],
    ['IPv6 loopback', () => `http://[::1]:${meta()}/x`],
    ['loopback in decimal', () => `http://2130706433:${meta()}/x`],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'],
    ['a private address', () => 'http://192.168.1.1/x'],
    ['0.0.0.0', () => `http://0.0.0.0:${meta()}/x`],
    ['a javascript: URL', () => 'javascript:alert(1)'],
    ['a file: URL', () => 'file:///etc/passwd'],
  ])('row 14: a redirect from a public registry to %s is refused', async (_label, location) => {
    world.registry.script([redirect(manifestPath(REPO, '1'), location)]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'unsafe-url', stage: 'manifest', reference });
    expect(world.metadata.requests, 'the metadata endpoint was contacted').toEqual([]);
    expectWithinDeadline(failed.ms, DEADLINE_MS);
  });

  it('row 14: an https → http downgrade is refused (policy level: no trusted TLS in these fakes)', () => {
    let caught: unknown;
    try {
      checkOutboundUrl(new URL('http://cdn.example/blob'), new URL('https://registry.example/v2/'), { insecureHosts: [] }, 'blob', 'acme/app:1');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RegscopeError);
    expect((caught as RegscopeError).data).toMatchObject({ code: 'unsafe-url', stage: 'blob', reference: 'acme/app:1' });
    expect((caught as RegscopeError).data.message).toContain('downgrades');
  });
});

describe('row 14: Location forms that smuggle credentials or hosts', () => {
  it('row 14: a Location with user info is followed with the user info stripped and no Authorization', async () => {
    const layerDigest = honest.layers[0]?.digest ?? '';
    world.registry.script([redirect(blobPath(REPO, layerDigest), () => `http://evil:pass@cdn.example:${String(world.cdn.port)}/blob`), ...serveImage(REPO, '1', honest)]);
    world.cdn.script([{ name: 'cdn blob', method: ['GET', 'HEAD'], path: '/blob', reply: { status: 200, headers: { 'last-modified': LAST_MODIFIED, 'content-length': '9' } } }]);
    const report = await world.core().report(world.ref(`${REPO}:1`));
    expect(report.kind === 'found' && report.images[0]?.layers[0]?.lastModified).toBe(LAST_MODIFIED);
    expect(world.cdn.requests).toHaveLength(1);
    expect(world.cdn.requests[0]?.authorization).toBeUndefined();
  });

  it('row 14: a protocol-relative Location (//cdn/x) is resolved against the registry and followed without Authorization', async () => {
    const layerDigest = honest.layers[0]?.digest ?? '';
    world.registry.script([redirect(blobPath(REPO, layerDigest), () => `//cdn.example:${String(world.cdn.port)}/relative`), ...serveImage(REPO, '1', honest)]);
    world.cdn.script([{ name: 'cdn blob', method: 'HEAD', path: '/relative', reply: { status: 200, headers: { 'last-modified': LAST_MODIFIED } } }]);
    const report = await world.core().report(world.ref(`${REPO}:1`));
    expect(report.kind === 'found' && report.images[0]?.layers[0]?.lastModified).toBe(LAST_MODIFIED);
    expect(world.cdn.requests.map((request) => request.host)).toEqual([`cdn.example:${String(world.cdn.port)}`]);
  });

  it('row 14: a CDN that redirects back to the registry does not get the registry token back on the way', async () => {
    // registry → cdn → registry: the core drops the header for good once a hop leaves the origin,
    // so the bounced path is left open here; what matters is that the CDN never sees the token.
    const layerDigest = honest.layers[0]?.digest ?? '';
    world.registry.script([
      redirect(blobPath(REPO, layerDigest), () => `http://cdn.example:${String(world.cdn.port)}/bounce`),
      { name: 'bounced blob', method: 'HEAD', path: '/bounced', reply: { status: 200, headers: { 'last-modified': LAST_MODIFIED } } },
      ...serveImage(REPO, '1', honest),
    ]);
    const gate = world.registry.gate;
    world.registry.gate = (request) => (request.path === '/bounced' ? undefined : gate?.(request));
    world.cdn.script([redirect('/bounce', () => `${world.urlOf(world.registry)}/bounced`)]);
    const report = await world.core().report(world.ref(`${REPO}:1`));
    expect(report.kind === 'found' && report.images[0]?.layers[0]?.lastModified).toBe(LAST_MODIFIED);
    expect(world.cdn.requests).toHaveLength(1);
    expect(world.registry.requestsTo('/bounced')[0]?.authorization).toBeUndefined();
  });
});

describe('row 15: blob redirects to a presigned CDN URL', () => {
  const presigned = (path: string) => `http://cdn.example:${String(world.cdn.port)}${path}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20240101&X-Amz-Signature=deadbeefcafe`;

  it('row 15: the config GET and the layer HEAD follow the 307 to the CDN without Authorization', async () => {
    const layerDigest = honest.layers[0]?.digest ?? '';
    world.registry.script([
      redirect(blobPath(REPO, honest.config.digest), () => presigned('/config')),
      redirect(blobPath(REPO, layerDigest), () => presigned('/layer')),
      ...serveImage(REPO, '1', honest),
    ]);
    world.cdn.script([
      { name: 'presigned config', method: 'GET', path: '/config', reply: { status: 200, body: honest.config.bytes } },
      { name: 'presigned layer', method: 'HEAD', path: '/layer', reply: { status: 200, headers: { 'last-modified': LAST_MODIFIED } } },
    ]);
    const { value: report, ms } = await successOf(() => world.core().report(world.ref(`${REPO}:1`)));
    expect(report.kind === 'found' && report.images[0]?.layers[0]?.lastModified).toBe(LAST_MODIFIED);
    expect(world.cdn.requests.map((request) => `${request.method} ${request.path}`).sort()).toEqual(['GET /config', 'HEAD /layer']);
    // The registry requests did carry a token: the CDN not seeing one is the header being dropped.
    expect(world.registry.requests.filter((request) => request.authorization?.startsWith('Bearer ')).length).toBeGreaterThan(0);
    expectWithinDeadline(ms, DEADLINE_MS * 3);
  });

  it('row 15: a presigned URL that fails keeps its signature out of the error', async () => {
    world.registry.script([redirect(blobPath(REPO, honest.config.digest), () => presigned('/expired')), ...serveImage(REPO, '1', honest)]);
    world.cdn.script([{ name: 'expired signature', method: 'GET', path: '/expired', reply: { status: 403, headers: { 'content-type': 'application/xml' }, body: '<Error><Code>AccessDenied</Code></Error>' } }]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'forbidden', stage: 'config', reference });
    expect(failed.data.message).not.toContain('X-Amz');
    expect(failed.data.message).not.toContain('deadbeef');
  });
});

describe('row 16: foreign layer URLs', () => {
  /** An image whose only layer is a foreign (non-distributable) layer at `url()`. */
  function foreignImage(url: string) {
    const config = imageConfig({ os: 'windows' }, 'foreign');
    const foreign = content('foreign layer', MediaType.dockerForeignLayer);
    const manifest = jsonContent(
      { schemaVersion: 2, mediaType: MediaType.dockerManifest, config: descriptor(config, { mediaType: MediaType.dockerConfig }), layers: [descriptor(foreign, { urls: [url] })] },
      MediaType.dockerManifest,
    );
    return [...serveManifest(REPO, '1', manifest), serveBlob(REPO, config)];
  }

  it.each([
    ['the metadata fake on loopback', () => `http://127.0.0.1:${String(world.metadata.port)}/layer.tar.gz`],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['a private address', () => 'http://10.1.2.3/layer.tar.gz'],
    ['a file: URL', () => 'file:///etc/shadow'],
    ['not a URL at all', () => 'http://[::1'],
  ])('row 16: a foreign layer on %s is never contacted; the report completes without its date', async (_label, url) => {
    world.registry.script(foreignImage(url()));
    const { value: report, ms } = await successOf(() => world.core().report(world.ref(`${REPO}:1`)));
    const foreign = report.kind === 'found' ? report.images[0]?.layers[0] : undefined;
    expect(foreign?.mediaType).toBe(MediaType.dockerForeignLayer);
    expect(foreign?.lastModified).toBeUndefined();
    expect(world.metadata.requests, 'the metadata endpoint was contacted').toEqual([]);
    expect(world.warnings.length).toBeGreaterThan(0);
    expectWithinDeadline(ms, DEADLINE_MS * 3);
  });

  it('row 16: a foreign layer on a public host is HEADed without credentials', async () => {
    world.registry.script(foreignImage(`http://cdn.example:${String(world.cdn.port)}/windows/base.tar.gz`));
    world.cdn.script([{ name: 'foreign layer', method: 'HEAD', path: '/windows/base.tar.gz', reply: { status: 200, headers: { 'last-modified': LAST_MODIFIED } } }]);
    const report = await world.core().report(world.ref(`${REPO}:1`));
    expect(report.kind === 'found' && report.images[0]?.layers[0]?.lastModified).toBe(LAST_MODIFIED);
    expect(world.cdn.requests).toHaveLength(1);
    expect(world.cdn.requests[0]?.authorization).toBeUndefined();
  });

  it('row 16: an http foreign URL named by an https registry is refused (policy level)', () => {
    expect(() => checkOutboundUrl(new URL('http://cdn.example/layer'), new URL('https://registry.example/'), { insecureHosts: [] }, 'blob', 'x')).toThrow(RegscopeError);
  });
});
