import { describe, expect, it } from 'vitest';
import { apiFor } from './harness/api-harness';
import { checkRealm } from '../../shared/registry-protocol/realm-guard';
import { RegscopeError } from '../../shared/api/errors';
import { CREDENTIAL, DEADLINE_MS, useHostileWorld } from './harness/hostile-world';
import { image } from './harness/oci-content';
import { expectUserFacing, expectWithinDeadline, failureOf } from './harness/outcome';
import { serveImage } from './harness/registry-script';
import { challenge, REALM_PATH, scopeOf } from './harness/token-gate';
import { guardUnhandledRejections } from './harness/unhandled-rejections';

/**
 * reliability.md §5 rows 12–13: malformed or dangerous `WWW-Authenticate` challenges, and registries
 * that answer 401 forever.
 *
 * This file runs in the *public* world: the registry is `registry.example` (plain http because it is
 * named `--insecure`), so the core must refuse realms on loopback, private or metadata addresses.
 * The metadata fake listens on 127.0.0.1: a realm naming it that the core followed would show up in
 * its request log. An http realm for an https registry needs an https registry, which these fakes
 * cannot be without a trusted certificate; that case is checked on `checkRealm` directly.
 */
guardUnhandledRejections();
const world = useHostileWorld('public');
const REPO = 'acme/app';
const honest = image('challenges');

/** The registry answers every request with 401 and this `WWW-Authenticate` (or none). */
function challengeWith(header: string | undefined): void {
  const headers: Record<string, string> = header === undefined ? {} : { 'www-authenticate': header };
  world.registry.gate = () => ({ status: 401, headers, body: '' });
}

describe('row 12: malformed challenges', () => {
  it.each([
    ['an unclosed quote', () => `Bearer realm="${world.realm}`],
    ['a missing comma', () => `Bearer realm="${world.realm}" service="x"`],
    ['a dangling escape', () => `Bearer realm="${world.realm}\\`],
    ['Negotiate only', () => 'Negotiate'],
    ['NTLM and Negotiate', () => 'NTLM, Negotiate abc=='],
    ['a Bearer challenge without a realm', () => 'Bearer service="hostile.example"'],
    ['an empty realm', () => 'Bearer realm=""'],
    ['a realm that is not a URL', () => 'Bearer realm="http://[::1"'],
  ])('row 12: %s is an auth error, and nothing is sent anywhere else', async (_label, header) => {
    challengeWith(header());
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expect(['auth-failed', 'unsafe-url']).toContain(failed.data.code);
    expectUserFacing(failed.data, { code: failed.data.code, stage: 'auth', reference });
    expect(world.token.requests).toEqual([]);
    expect(world.metadata.requests).toEqual([]);
    expectWithinDeadline(failed.ms, DEADLINE_MS);
  });

  it('row 12: a 401 without any challenge says sign-in is required', async () => {
    challengeWith(undefined);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'auth-required', stage: 'auth', reference });
  });
});

describe('row 12: realms pointing where credentials must never go', () => {
  const metadataPort = () => String(world.metadata.port);
  it.each([
    ['a file: URL', () => 'file:///etc/passwd'],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'],
    ['a loopback address (the metadata fake)', () => `http://127.0.0.1:${metadataPort()}${REALM_PATH}`],
    ['localhost', () => `http://localhost:${metadataPort()}${REALM_PATH}`],
    ['IPv6 loopback', () => `http://[::1]:${metadataPort()}${REALM_PATH}`],
    ['loopback in decimal', () => `http://2130706433:${metadataPort()}${REALM_PATH}`],
    ['loopback in hex', () => `http://0x7f.1:${metadataPort()}${REALM_PATH}`],
    ['IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${metadataPort()}${REALM_PATH}`],
    ['a private address', () => 'http://10.0.0.1/token'],
    ['user info in the realm', () => `http://user:pass@auth.example:${String(world.token.port)}${REALM_PATH}`],
    ['a data: URL', () => 'data:text/plain,token'],
  ])('row 12: a realm on %s is refused before anything is sent to it', async (_label, realm) => {
    world.registry.gate = (request) => challenge(realm(), scopeOf(request.path));
    world.registry.script(serveImage(REPO, '1', honest));
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'unsafe-url', stage: 'auth', reference });
    expect(world.metadata.requests, 'the metadata endpoint was contacted').toEqual([]);
    expect(world.token.requests).toEqual([]);
    expectWithinDeadline(failed.ms, DEADLINE_MS);
  });

  it('row 12: the same refusal holds for a tag listing, and its error names the repository', async () => {
    world.registry.gate = (request) => challenge(`http://127.0.0.1:${String(world.metadata.port)}${REALM_PATH}`, scopeOf(request.path));
    const repository = world.ref(REPO);
    const failed = await failureOf(() => world.core().tags(repository));
    expect(failed.data).toMatchObject({ code: 'unsafe-url', stage: 'auth' });
    expect(world.metadata.requests).toEqual([]);
  });

  // FINDING (regscope-core.ts `tags`, registry-session.ts `learn`): checkRealm throws without a
  // reference and `core.tags` (unlike `core.report`) does not add one, so the tag browser's error
  // does not say which repository it was for. Expected: `reference` = the repository.
  it('row 12: an unsafe realm during a tag listing names the repository', async () => {
    world.registry.gate = (request) => challenge(`http://127.0.0.1:${String(world.metadata.port)}${REALM_PATH}`, scopeOf(request.path));
    const repository = world.ref(REPO);
    const failed = await failureOf(() => world.core().tags(repository));
    expectUserFacing(failed.data, { code: 'unsafe-url', stage: 'auth', reference: repository });
  });

  it('row 12: an http realm for an https registry is refused (checked on checkRealm: no trusted TLS here)', () => {
    let caught: unknown;
    try {
      checkRealm('http://auth.example/token', 'https://registry.example/');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RegscopeError);
    expect((caught as RegscopeError).data).toMatchObject({ code: 'unsafe-url', stage: 'auth' });
    expect((caught as RegscopeError).data.message).toContain('plain http');
  });

  it('row 12: the honest public realm works (control case: the refusals above are not blanket)', async () => {
    world.registry.script(serveImage(REPO, '1', honest));
    const report = await world.core().report(world.ref(`${REPO}:1`));
    expect(report.kind).toBe('found');
    expect(world.token.requests.every((request) => request.host.startsWith('auth.example'))).toBe(true);
  });
});

describe('row 13: 401 loops', () => {
  it('row 13: the same challenge after a fresh token ends in an auth error after one retry', async () => {
    world.registry.gate = (request) => challenge(world.realm, scopeOf(request.path));
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'auth-failed', stage: 'auth', reference });
    expect(world.token.requestsTo(REALM_PATH).length).toBeLessThanOrEqual(1);
    expect(world.registry.requests.length).toBeLessThanOrEqual(2);
  });

  it('row 13: a registry that asks for one more scope every time is given up on after two exchanges', async () => {
    let round = 0;
    world.registry.gate = () => {
      round += 1;
      return challenge(world.realm, `repository:${REPO}-${String(round)}:pull`, ',error="insufficient_scope"');
    };
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'auth-failed', stage: 'auth', reference });
    expect(world.token.requestsTo(REALM_PATH).length).toBeLessThanOrEqual(2);
    expect(world.registry.requests.length).toBeLessThanOrEqual(3);
  });

  it('row 13: anonymous and refused is "sign-in required", and the token server is asked once', async () => {
    world.registry.gate = (request) => challenge(world.realm, scopeOf(request.path));
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core({ credentials: { get: async () => undefined } }).report(reference));
    expectUserFacing(failed.data, { code: 'auth-required', stage: 'auth', reference });
    expect(world.token.requestsTo(REALM_PATH).length).toBeLessThanOrEqual(1);
    expect(world.token.requests.every((request) => request.authorization === undefined)).toBe(true);
  });

  it('row 13: a sign-in the registry keeps refusing fails and leaves the stored credentials unchanged', async () => {
    world.registry.gate = (request) => challenge(world.realm, scopeOf(request.path));
    const api = apiFor(world.core());
    await api.credentials.save('other.example', 'bob', 'kept');
    const result = await api.call('signIn', { registry: world.registryHost, username: CREDENTIAL.username, password: CREDENTIAL.password });
    const saved = await api.credentials.list();
    api.service.dispose();
    expect(result.ok).toBe(false);
    if (!result.ok) expectUserFacing(result.error, { code: 'auth-failed', stage: 'auth', reference: world.registryHost });
    expect(saved).toEqual([{ registry: 'other.example', username: 'bob', source: 'regscope' }]);
    expect(world.token.requestsTo(REALM_PATH).length).toBeLessThanOrEqual(1);
  });

  it('row 13: a batch of 20 references against a 401 loop stays bounded per reference', async () => {
    world.registry.gate = (request) => challenge(world.realm, scopeOf(request.path));
    const references = Array.from({ length: 20 }, (_, i) => world.ref(`${REPO}:t${String(i)}`));
    const outcomes = await world.core().reports(references);
    expect(outcomes.every((outcome) => !outcome.ok && outcome.error.code === 'auth-failed')).toBe(true);
    // One token exchange per reference at most, two registry requests per reference at most.
    expect(world.token.requestsTo(REALM_PATH).length).toBeLessThanOrEqual(20);
    expect(world.registry.requests.length).toBeLessThanOrEqual(40);
  });
});
