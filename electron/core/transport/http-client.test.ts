import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './http-client';
import { errorDataOf } from '../testing/error-data-of';

/**
 * The transport against a scripted loopback server: the things a real registry cannot be made to do
 * (redirect loops, lying lengths, 429 storms, stalls).
 */
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes = new Map<string, Handler>();
const seen: Array<{ url: string; authorization?: string }> = [];
let base = '';
let other = '';

function listen(): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    seen.push({ url: `${req.headers.host}${req.url}`, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    const handler = routes.get(req.url?.split('?')[0] ?? '');
    if (handler) handler(req, res);
    else res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() })));
}

let servers: Array<{ close: () => void }> = [];
beforeAll(async () => {
  const a = await listen();
  const b = await listen();
  servers = [a, b];
  base = a.url;
  // Same host, another port: another origin, as a CDN would be.
  other = b.url;
});
afterAll(() => servers.forEach((s) => s.close()));

const client = () => new HttpClient({ outbound: { insecureHosts: [] }, retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 200 }, requestDeadlineMs: 3000, bodyTimeoutMs: 1000 });
const get = (c: HttpClient, path: string, extra: Partial<Parameters<HttpClient['send']>[0]> = {}) =>
  c.send({ url: new URL(path, base), method: 'GET', maxBodyBytes: 1024, stage: 'blob', reference: 'acme/app:1', headers: { authorization: 'Bearer secret-token' }, ...extra });


describe('redirects', () => {
  it('follows a 307 to another origin without the Authorization header', async () => {
    routes.set('/blob', (_req, res) => res.writeHead(307, { location: `${other}/cdn/blob` }).end());
    routes.set('/cdn/blob', (_req, res) => res.writeHead(200, { 'last-modified': 'Wed, 30 Jan 2019 22:21:08 GMT' }).end('ok'));
    seen.length = 0;
    const response = await get(client(), '/blob');
    expect(response.status).toBe(200);
    expect(response.redirects).toBe(1);
    expect(seen[0]?.authorization).toBe('Bearer secret-token');
    expect(seen[1]?.url).toContain('/cdn/blob');
    expect(seen[1]?.authorization).toBeUndefined();
  });

  it('stops a redirect loop with a clear error', async () => {
    routes.set('/loop-a', (_req, res) => res.writeHead(302, { location: '/loop-b' }).end());
    routes.set('/loop-b', (_req, res) => res.writeHead(302, { location: '/loop-a' }).end());
    expect(await errorDataOf(get(client(), '/loop-a'))).toMatchObject({ code: 'redirect-limit', stage: 'blob', reference: 'acme/app:1' });
  });

  it('stops after ten hops', async () => {
    routes.set('/hop', (req, res) => {
      const n = Number(new URL(req.url ?? '', base).searchParams.get('n') ?? 0);
      res.writeHead(302, { location: `/hop?n=${n + 1}` }).end();
    });
    expect(await errorDataOf(get(client(), '/hop?n=0'))).toMatchObject({ code: 'redirect-limit' });
  });

  it.each([
    ['file:///etc/passwd', 'unsafe-url'],
    ['ftp://127.0.0.1/x', 'unsafe-url'],
  ])('refuses a redirect to %s', async (location, code) => {
    routes.set('/bad-redirect', (_req, res) => res.writeHead(302, { location }).end());
    expect(await errorDataOf(get(client(), '/bad-redirect'))).toMatchObject({ code });
  });
});

describe('bodies', () => {
  it('refuses a declared Content-Length over the cap before reading', async () => {
    routes.set('/huge', (_req, res) => {
      res.writeHead(200, { 'content-length': String(10 * 1024 ** 3) });
      res.write('x');
    });
    expect(await errorDataOf(get(client(), '/huge'))).toMatchObject({ code: 'too-large', stage: 'blob' });
  });

  it('cuts off an endless chunked body at the cap', async () => {
    routes.set('/endless', (_req, res) => {
      res.writeHead(200);
      const timer = setInterval(() => res.write('x'.repeat(256)), 1);
      res.on('close', () => clearInterval(timer));
    });
    expect(await errorDataOf(get(client(), '/endless'))).toMatchObject({ code: 'too-large' });
  });

  it('a body that stalls ends with a timeout, not a hang', async () => {
    routes.set('/stall', (_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial');
    });
    expect(await errorDataOf(get(client(), '/stall'))).toMatchObject({ code: 'timeout', stage: 'blob' });
  });
});

describe('retries', () => {
  it('retries 503 and succeeds', async () => {
    let calls = 0;
    routes.set('/flaky', (_req, res) => (++calls < 3 ? res.writeHead(503).end() : res.writeHead(200).end('ok')));
    const response = await get(client(), '/flaky');
    expect([response.status, calls]).toEqual([200, 3]);
  });

  it('honours a short Retry-After on 429', async () => {
    let calls = 0;
    routes.set('/limited', (_req, res) => (++calls === 1 ? res.writeHead(429, { 'retry-after': '0' }).end() : res.writeHead(200).end('ok')));
    expect((await get(client(), '/limited')).status).toBe(200);
  });

  it('gives up at once when Retry-After is beyond the cap, returning the 429', async () => {
    let calls = 0;
    routes.set('/day', (_req, res) => {
      calls++;
      res.writeHead(429, { 'retry-after': '86400' }).end();
    });
    expect([(await get(client(), '/day')).status, calls]).toEqual([429, 1]);
  });

  it('a cancelled request says cancelled', async () => {
    routes.set('/slow', () => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await errorDataOf(get(client(), '/slow', { signal: controller.signal }))).toMatchObject({ code: 'cancelled' });
  });

  it('a refused connection names the host', async () => {
    const c = client();
    const data = await errorDataOf(c.send({ url: new URL('http://127.0.0.1:1/v2/'), method: 'GET', maxBodyBytes: 10, stage: 'ping', reference: 'x' }));
    expect(data).toMatchObject({ code: 'unreachable', stage: 'ping' });
    expect(data.message).toContain('127.0.0.1:1');
  });
});
