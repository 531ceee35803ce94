import { describe, expect, it, vi } from 'vitest';
import { createHttpApi } from './http-api';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('createHttpApi', () => {
  it('POSTs the arguments as JSON to /api/<method> with same-origin credentials', async () => {
    const fetch = vi.fn(async () => jsonResponse({ ok: true, value: { version: '1.2.3', host: 'web' } }));
    const api = createHttpApi({ fetch });
    const result = await api.inspect({ reference: 'python:3.12' });
    expect(result).toEqual({ ok: true, value: { version: '1.2.3', host: 'web' } });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/inspect');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(JSON.parse(init.body as string)).toEqual({ reference: 'python:3.12' });
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
  });

  it('passes error data through, keeping only known fields', async () => {
    const error = { code: 'rate-limited', stage: 'manifest', message: 'too many pulls', reference: 'python:3.12', status: 429, retryAt: '2024-01-01T00:00:00Z', stack: 'leak' };
    const api = createHttpApi({ fetch: async () => jsonResponse({ ok: false, error }) });
    const result = await api.tagSummary({ reference: 'python:3.12' });
    expect(result).toEqual({ ok: false, error: { code: 'rate-limited', stage: 'manifest', message: 'too many pulls', reference: 'python:3.12', status: 429, retryAt: '2024-01-01T00:00:00Z' } });
  });

  it('reads the envelope of a guard refusal (401 with a JSON body)', async () => {
    const api = createHttpApi({ fetch: async () => jsonResponse({ ok: false, error: { code: 'auth-required', stage: 'request', message: 'missing or wrong access token' } }, 401) });
    const result = await api.registries({});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('auth-required');
  });

  it('turns a network failure into unreachable at stage request', async () => {
    const api = createHttpApi({ fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    const result = await api.appInfo({});
    expect(result).toEqual({ ok: false, error: { code: 'unreachable', stage: 'request', message: 'the regscope server cannot be reached: Failed to fetch' } });
  });

  it('explains a body that is not JSON by its status', async () => {
    const api = createHttpApi({ fetch: async () => new Response('GET only', { status: 405 }) });
    const result = await api.appInfo({});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.status).toBe(405);
    }
    const denied = await createHttpApi({ fetch: async () => new Response('no', { status: 403 }) }).appInfo({});
    if (!denied.ok) expect(denied.error.code).toBe('auth-required');
  });

  it('refuses an envelope it does not understand', async () => {
    for (const body of [{ ok: 'yes' }, { ok: false, error: { code: 'made-up', stage: 'request', message: 'x' } }, [1, 2], null]) {
      const result = await createHttpApi({ fetch: async () => jsonResponse(body) }).appInfo({});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('internal');
    }
  });

  it('exposes every method of the contract', () => {
    const api = createHttpApi({ fetch: async () => jsonResponse({ ok: true, value: null }) });
    expect(Object.keys(api).sort()).toEqual(['appInfo', 'cancelJob', 'exportReport', 'inspect', 'job', 'printToPdf', 'rateLimit', 'registries', 'signIn', 'signOut', 'startJob', 'tagSummary']);
  });
});
