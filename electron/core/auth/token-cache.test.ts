import { describe, expect, it } from 'vitest';
import { TokenCache, tokenExpiry, tokenKey } from './token-cache';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('tokenExpiry', () => {
  it.each([
    ['missing expires_in defaults to 60 s', undefined, undefined, NOW + 60_000],
    ['expires_in 300', 300, undefined, NOW + 300_000],
    ['expires_in 0 is raised to 60 s', 0, undefined, NOW + 60_000],
    ['negative expires_in is raised to 60 s', -1, undefined, NOW + 60_000],
    ['absurd expires_in is capped at a day', 1e12, undefined, NOW + 86_400_000],
    ['issued_at in the past counts from then', 300, '2025-12-31T23:59:00Z', NOW - 60_000 + 300_000],
    ['issued_at in the future counts from receipt', 300, '2099-01-01T00:00:00Z', NOW + 300_000],
    ['an answer already expired on arrival counts from receipt', 300, '2025-01-01T00:00:00Z', NOW + 300_000],
    ['garbage issued_at counts from receipt', 300, 'yesterday', NOW + 300_000],
  ])('%s', (_label, expiresIn, issuedAt, expected) => {
    expect(tokenExpiry(expiresIn, issuedAt, NOW)).toBe(expected);
  });
});

describe('TokenCache', () => {
  it('fetches once for concurrent callers and reuses a live token', async () => {
    let now = NOW;
    const cache = new TokenCache(() => now);
    let fetches = 0;
    const fetch = async () => ({ token: `t${++fetches}`, expiresAt: now + 60_000 });
    const [a, b] = await Promise.all([cache.get('k', fetch), cache.get('k', fetch)]);
    expect([a.token, b.token, fetches]).toEqual(['t1', 't1', 1]);
    now += 30_000;
    expect((await cache.get('k', fetch)).token).toBe('t1');
    now += 26_000; // within 5 s of expiry: renewed early
    expect((await cache.get('k', fetch)).token).toBe('t2');
  });

  it('forgets an invalidated token and a failed fetch', async () => {
    const cache = new TokenCache(() => NOW);
    await expect(cache.get('k', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect((await cache.get('k', async () => ({ token: 'ok', expiresAt: NOW + 60_000 }))).token).toBe('ok');
    cache.invalidate('k');
    expect(cache.peek('k')).toBeUndefined();
  });

  it('keys by the set of scopes, not their order', () => {
    expect(tokenKey('r', 's', ['b', 'a'], '')).toBe(tokenKey('r', 's', ['a', 'b', 'a'], ''));
    expect(tokenKey('r', 's', ['a'], 'user')).not.toBe(tokenKey('r', 's', ['a'], ''));
  });
});
