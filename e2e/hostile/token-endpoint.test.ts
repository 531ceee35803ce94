import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEADLINE_MS, useHostileWorld } from './harness/hostile-world';
import { image } from './harness/oci-content';
import { expectUserFacing, expectWithinDeadline, failureOf } from './harness/outcome';
import { json, type Reply } from './harness/replies';
import { serveImage } from './harness/registry-script';
import { REALM_PATH } from './harness/token-gate';
import { guardUnhandledRejections } from './harness/unhandled-rejections';

/**
 * reliability.md §5 rows 10–11: token endpoints that answer with a login page, no token, a gigabyte,
 * or absurd lifetimes. The registry's Bearer gate is on, so every report goes through the realm.
 */
guardUnhandledRejections();
const world = useHostileWorld();
const REPO = 'acme/app';
const honest = image('token');
afterEach(() => {
  vi.useRealTimers();
});

/** The token server answers `reply` `times` times, then issues real tokens again. */
function tokenAnswers(reply: Reply, times?: number): void {
  world.token.prepend([{ name: 'hostile token answer', method: 'GET', path: REALM_PATH, ...(times ? { times } : {}), reply }]);
}

const tokenGets = () => world.token.requestsTo(REALM_PATH, 'GET').length;

describe('row 10: token endpoints that are not token endpoints', () => {
  const portal = `<html><head><title>Sign in to Guest Wi-Fi</title></head><body>${'\u0007'.repeat(5)}${'X'.repeat(5000)}</body></html>`;

  it('row 10: a captive-portal HTML page says "text/html (not JSON)" with at most 50 sanitized characters', async () => {
    tokenAnswers({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: portal }, 1);
    world.registry.script(serveImage(REPO, '1', honest));
    const core = world.core();
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => core.report(reference));
    expectUserFacing(failed.data, { code: 'auth-failed', stage: 'auth', reference });
    expect(failed.data.message).toContain('text/html (not JSON)');
    const quoted = /"([^"]*)"/.exec(failed.data.message)?.[1] ?? '';
    expect(quoted.length).toBeLessThanOrEqual(50);
    expect(portal.startsWith(quoted.replace(/\?/g, ''))).toBe(true);
    expectWithinDeadline(failed.ms, DEADLINE_MS * 2);
    // The bad answer is not cached as a token: with the portal gone, the same core signs in.
    const report = await core.report(reference);
    expect(report.kind).toBe('found');
  });

  it.each([
    ['{}', json(200, {})],
    ['an empty token', json(200, { token: '', access_token: '' })],
    ['a number as token', json(200, { token: 5 })],
    ['null', json(200, null)],
    ['a JSON array', json(200, ['tok'])],
    ['an empty body', { status: 200, headers: { 'content-type': 'application/json' }, body: '' }],
  ])('row 10: a 200 with %s is "no token", not a crash', async (_label, reply) => {
    tokenAnswers(reply);
    world.registry.script(serveImage(REPO, '1', honest));
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'auth-failed', stage: 'auth', reference });
    // One exchange per attempt; a broken token server is not hammered.
    expect(tokenGets()).toBeLessThanOrEqual(2);
  });
});

describe('row 11: token answers of absurd size and lifetime', () => {
  it('row 11: a token body declaring 1 GB is refused before reading', async () => {
    tokenAnswers({ kind: 'short', status: 200, headers: { 'content-type': 'application/json' }, declaredLength: 1024 ** 3, body: '{"token":"' });
    world.registry.script(serveImage(REPO, '1', honest));
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'too-large', stage: 'auth', reference });
    expectWithinDeadline(failed.ms, DEADLINE_MS);
  });

  it('row 11: an endless token body is cut off at 64 KiB', async () => {
    tokenAnswers({ kind: 'endless', status: 200, headers: { 'content-type': 'application/json' }, chunk: '{"token":"'.padEnd(4096, 'a') });
    world.registry.script(serveImage(REPO, '1', honest));
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'too-large', stage: 'auth', reference });
    expectWithinDeadline(failed.ms, DEADLINE_MS);
  });

  it.each([
    ['expires_in 0', { expires_in: 0 }],
    ['expires_in -1', { expires_in: -1 }],
    ['expires_in as text', { expires_in: 'soon' }],
    ['issued_at in 2099', { expires_in: 0, issued_at: '2099-01-01T00:00:00Z' }],
  ])('row 11: %s is clamped to a usable lifetime: one token serves two reports', async (_label, fields) => {
    expect(await tokensForTwoReports(fields)).toBe(1);
  });

  // FINDING (token-cache.ts tokenExpiry): an `issued_at` in the past (a token server whose clock is
  // decades behind) makes every token expire on arrival, so the core exchanges a new token for
  // every wave of requests (3 tokens for 2 reports here, one per request in general). regclient
  // treats an "already expired" answer like a future one: issued_at = now (auth.go:808–840), which
  // is what row 11's "clamp expiry (≥ 60 s)" asks for.
  it('row 11: a token whose issued_at is decades in the past still lives 60 s', async () => {
    expect(await tokensForTwoReports({ expires_in: 300, issued_at: '1970-01-01T00:00:00Z' })).toBe(1);
  });

  /** How many tokens two reports of the same tag need when the token server adds `fields`. */
  async function tokensForTwoReports(fields: Readonly<Record<string, unknown>>): Promise<number> {
    let issued = 0;
    world.token.script([
      {
        name: 'token with odd lifetime',
        method: 'GET',
        path: REALM_PATH,
        reply: () => {
          issued += 1;
          return json(200, { token: world.ledger.issue(), ...fields });
        },
      },
    ]);
    world.registry.script(serveImage(REPO, '1', honest));
    const core = world.core();
    await core.report(world.ref(`${REPO}:1`));
    await core.report(world.ref(`${REPO}:1`));
    return issued;
  }

  it('row 11: an expires_in of 10^12 s is capped: after a day the token is fetched again', async () => {
    world.token.script([{ name: 'eternal token', method: 'GET', path: REALM_PATH, reply: () => json(200, { token: world.ledger.issue(), expires_in: 1e12 }) }]);
    world.registry.script(serveImage(REPO, '1', honest));
    // Only Date is faked (undici's timers do not read it), before the core exists: its token cache
    // keeps a reference to `Date.now`.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const core = world.core();
    await core.report(world.ref(`${REPO}:1`));
    expect(tokenGets()).toBe(1);
    vi.setSystemTime(Date.now() + 25 * 3600 * 1000);
    await core.report(world.ref(`${REPO}:1`));
    expect(tokenGets()).toBe(2);
  });
});
