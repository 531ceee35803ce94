import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEADLINE_MS, useHostileWorld } from './harness/hostile-world';
import { image } from './harness/oci-content';
import { expectUserFacing, expectWithinDeadline, failureOf } from './harness/outcome';
import { blobPath, serveImage } from './harness/registry-script';
import { SelfSignedServer } from './harness/tls-server';
import { guardUnhandledRejections } from './harness/unhandled-rejections';

/**
 * reliability.md §5 row 28: a self-signed (so also unknown-issuer / wrong-host) certificate on a
 * registry that is not local. Public world: `registry.example` resolves to 127.0.0.1 in this process
 * only, is not named `--insecure`, so the core uses https and must fail closed with an error that
 * says what to do, before any request (and so any credential) crosses the connection.
 *
 * Expired and wrong-host certificates signed by a trusted CA cannot be made here (no trusted CA
 * key); a self-signed certificate fails the same verification step first.
 */
guardUnhandledRejections();
const world = useHostileWorld('public');
const tls = new SelfSignedServer();
beforeAll(() => tls.start());
afterAll(() => tls.close());
const REPO = 'acme/app';

describe('row 28: bad TLS on a non-local registry', () => {
  it('row 28: a self-signed registry fails closed with an actionable TLS error and receives no request', async () => {
    const reference = `registry.example:${String(tls.port)}/${REPO}:1`;
    const failed = await failureOf(() => world.core({ insecureHosts: [] }).report(reference));
    expectUserFacing(failed.data, { code: 'tls', stage: 'manifest', reference });
    expect(failed.data.message).toContain('--insecure');
    expect(tls.requests).toEqual([]);
    expectWithinDeadline(failed.ms, DEADLINE_MS);
  });

  it('row 28: a certificate for another name (served as wrong.example) fails closed too', async () => {
    const reference = `wrong.example:${String(tls.port)}/${REPO}:1`;
    const failed = await failureOf(() => world.core({ insecureHosts: [] }).report(reference));
    expectUserFacing(failed.data, { code: 'tls', stage: 'manifest', reference });
    expect(tls.requests).toEqual([]);
  });

  it('row 28: a registry that redirects a blob to a self-signed CDN fails closed at the blob stage', async () => {
    const honest = image('tls');
    const layerDigest = honest.layers[0]?.digest ?? '';
    world.registry.script([
      { name: 'to self-signed CDN', method: 'HEAD', path: blobPath(REPO, layerDigest), reply: { status: 307, headers: { location: `https://cdn.example:${String(tls.port)}/layer` } } },
      ...serveImage(REPO, '1', honest),
    ]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'tls', stage: 'blob', reference });
    expect(tls.requests).toEqual([]);
  });

  it('row 28: there is no switch that turns verification off: --insecure means plain http, not "trust any certificate"', async () => {
    const host = `registry.example:${String(tls.port)}`;
    const reference = `${host}/${REPO}:1`;
    const failed = await failureOf(() => world.core({ insecureHosts: [host] }).report(reference));
    // Plain http spoken to a TLS port: a failed exchange, never a verified-looking success.
    expect(failed.data.stage).toBe('manifest');
    expect(tls.requests).toEqual([]);
  });
});
