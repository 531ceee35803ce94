import { verify, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from './jwt';
import { createTokenKeys, type TokenKeys } from './token-keys';
import { startTokenServer, type TokenServer } from './token-server';

const credentials = { username: 'testuser', password: 'testpass' };
const basic = (user: string, pass: string): string => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

describe('token server', () => {
  let dir = '';
  let keys: TokenKeys;
  let server: TokenServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'regscope-token-server-test-'));
    keys = await createTokenKeys(dir);
    server = await startTokenServer({ keys, issuer: 'test-issuer', credentials });
  });
  afterAll(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const getToken = async (query: string, authorization?: string): Promise<Response> =>
    fetch(`${server.realm}?${query}`, authorization ? { headers: { authorization } } : {});

  it('signs RS256 tokens that verify against the certificate, with the claims of environment.md §2(c)', async () => {
    const res = await getToken('service=test-registry&scope=repository:library/python:pull,push');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; access_token: string; expires_in: number; issued_at: string };
    expect(body.access_token).toBe(body.token);
    expect(body.expires_in).toBe(300);
    const [h, p, s] = body.token.split('.') as [string, string, string];
    const publicKey = new X509Certificate(readFileSync(keys.certPath)).publicKey;
    expect(verify('sha256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url'))).toBe(true);
    const { header, payload } = decodeJwt(body.token);
    expect(header).toEqual({ alg: 'RS256', typ: 'JWT', x5c: [keys.x5c] });
    expect(payload).toMatchObject({ iss: 'test-issuer', sub: '', aud: 'test-registry', access: [{ type: 'repository', name: 'library/python', actions: ['pull'] }] });
    expect(Number(payload['exp']) - Number(payload['iat'])).toBe(300);
  });

  it('grants every requested action to the test user, and uses kid on /kid/token', async () => {
    const res = await fetch(`${server.kidRealm}?service=s&scope=repository:a/b:pull,push&scope=registry:catalog:*`, { headers: { authorization: basic('testuser', 'testpass') } });
    const { header, payload } = decodeJwt(((await res.json()) as { token: string }).token);
    expect(header).toEqual({ alg: 'RS256', typ: 'JWT', kid: keys.kid });
    expect(payload['sub']).toBe('testuser');
    expect(payload['access']).toEqual([
      { type: 'repository', name: 'a/b', actions: ['pull', 'push'] },
      { type: 'registry', name: 'catalog', actions: ['*'] },
    ]);
  });

  it('refuses bad credentials with 401', async () => {
    expect((await getToken('service=s', basic('testuser', 'wrong'))).status).toBe(401);
    expect((await getToken('service=s', basic('nobody', 'testpass'))).status).toBe(401);
  });

  it('speaks OAuth2: password grant with a refresh token, then the refresh_token grant', async () => {
    const post = (form: Record<string, string>): Promise<Response> =>
      fetch(server.realm, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
    const first = await post({ grant_type: 'password', client_id: 'regscope', access_type: 'offline', service: 's', scope: 'repository:a/b:pull repository:c/d:push', username: 'testuser', password: 'testpass' });
    expect(first.status).toBe(200);
    const body = (await first.json()) as { access_token: string; refresh_token?: string; scope: string };
    expect(body.refresh_token).toMatch(/^[0-9a-f]{48}$/);
    expect(body.scope).toBe('repository:a/b:pull repository:c/d:push');
    const refreshed = await post({ grant_type: 'refresh_token', client_id: 'regscope', service: 's', scope: 'repository:a/b:pull', refresh_token: body.refresh_token ?? '' });
    expect(refreshed.status).toBe(200);
    expect(decodeJwt(((await refreshed.json()) as { access_token: string }).access_token).payload['sub']).toBe('testuser');
    expect((await post({ grant_type: 'refresh_token', client_id: 'regscope', service: 's', refresh_token: 'bogus' })).status).toBe(401);
    expect((await post({ grant_type: 'password', client_id: 'regscope', service: 's', username: 'testuser', password: 'nope' })).status).toBe(401);
    expect((await post({ grant_type: 'password', service: 's', username: 'testuser', password: 'testpass' })).status).toBe(400);
    const noOffline = (await (await post({ grant_type: 'password', client_id: 'x', service: 's', username: 'testuser', password: 'testpass' })).json()) as Record<string, unknown>;
    expect(noOffline['refresh_token']).toBeUndefined();
  });

  it('counts requests and serves them at /_stats', async () => {
    const before = server.records().length;
    await getToken('service=s&scope=repository:count/me:pull');
    const stats = (await (await fetch(`${server.url}/_stats?since=${before}`)).json()) as { total: number; requests: { scopes: string[]; grant: string; status: number }[] };
    expect(stats.total).toBe(before + 1);
    expect(stats.requests).toEqual([expect.objectContaining({ grant: 'get', status: 200, scopes: ['repository:count/me:pull'] })]);
  });
});
