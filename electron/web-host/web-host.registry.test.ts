import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRegistries } from '../../e2e/registry/provided-context';
import { createApiService } from '../core/api/api-service';
import { memoryCredentialStore } from '../core/api/app-credential-store';
import { RegscopeCore } from '../core/regscope-core';
import { startWebHost, type WebHost } from './web-server';

/**
 * The web host with the real API service and the real test registry behind it: the same calls the
 * renderer makes, plus the requests an attacker's page would make.
 */
const env = testRegistries();
const catalogue = env.catalogue!;
let host: WebHost;
let core: RegscopeCore;
let service: ReturnType<typeof createApiService>;
const rendererDir = mkdtempSync(join(tmpdir(), 'regscope-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>regscope</title>');

beforeAll(async () => {
  const saved = memoryCredentialStore();
  core = new RegscopeCore({ credentials: saved });
  service = createApiService({ core, credentials: saved, host: 'web', version: 'test' });
  host = await startWebHost({ service, rendererDir });
});
afterAll(async () => {
  service.dispose();
  await host.close();
  await core.close();
});

/** A raw request, so Host and Origin can be set to anything a browser or attacker would send. */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(path, host.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (method: string, args: unknown, headers: Record<string, string> = {}) =>
  raw(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-regscope-token': host.token, ...headers }, body: JSON.stringify(args) }).then((r) => ({ ...r, json: JSON.parse(r.body) as { ok: boolean; value?: never; error?: { code: string; message: string } } }));

describe('the API over HTTP', () => {
  it('inspects a tag from the real registry', async () => {
    const { json } = await api('inspect', { reference: `${env.anon.host}/library/python:3.11` });
    expect(json.ok).toBe(true);
    expect((json.value as unknown as { digest: string }).digest).toBe(catalogue.python.digest);
  });

  it('lists tags as a job and exports a whole repository with progress', async () => {
    const start = await api('startJob', { kind: 'tags', repository: `${env.anon.host}/acme/many-tags` });
    const jobId = (start.json.value as unknown as { jobId: string }).jobId;
    let status: { state: string; tags?: string[] } = { state: 'running' };
    for (let i = 0; i < 100 && status.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await api('job', { jobId })).json.value as unknown as typeof status;
    }
    expect(status.state).toBe('done');
    expect(status.tags).toHaveLength(catalogue.manyTags.tags.length);

    const exportJob = await api('startJob', { kind: 'export-repository', repository: `${env.anon.host}/library/python`, format: 'repo-info', style: 'seed' });
    const exportId = (exportJob.json.value as unknown as { jobId: string }).jobId;
    let done: { state: string; done: number; total?: number; export?: { text: string; fileName: string } } = { state: 'running', done: 0 };
    for (let i = 0; i < 200 && done.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      done = (await api('job', { jobId: exportId })).json.value as unknown as typeof done;
    }
    expect(done.state).toBe('done');
    expect(done.done).toBe(done.total);
    expect(done.export?.fileName).toBe('tag-details.md');
    expect(done.export?.text.startsWith("<!-- THIS FILE IS GENERATED VIA './update-remote.sh' -->")).toBe(true);
  });

  it('cancelling an export keeps what was finished', async () => {
    const exportJob = await api('startJob', { kind: 'export-repository', repository: `${env.anon.host}/acme/many-tags`, format: 'json', style: 'seed' });
    const jobId = (exportJob.json.value as unknown as { jobId: string }).jobId;
    await new Promise((r) => setTimeout(r, 150));
    const cancelled = (await api('cancelJob', { jobId })).json.value as unknown as { state: string };
    expect(['cancelled', 'done']).toContain(cancelled.state);
    await new Promise((r) => setTimeout(r, 300));
    const after = (await api('job', { jobId })).json.value as unknown as { state: string; done: number };
    expect(after.state).toBe(cancelled.state);
  });

  it('signs in (checked against the registry), then the same registry works; names only come back', async () => {
    const ref = `${env.basic.host}/library/python:3.11`;
    expect((await api('inspect', { reference: ref })).json.error?.code).toBe('auth-required');
    const bad = await api('signIn', { registry: env.basic.host, username: 'testuser', password: 'wrong' });
    expect(bad.json.error?.code).toBe('auth-failed');
    const good = await api('signIn', { registry: env.basic.host, username: 'testuser', password: env.credentials.password });
    expect(good.json).toEqual({ ok: true, value: { registry: env.basic.host, username: 'testuser', source: 'regscope' } });
    expect((await api('inspect', { reference: ref })).json.ok).toBe(true);
    const registries = await api('registries', {});
    expect(registries.body).toContain('testuser');
    expect(registries.body).not.toContain(env.credentials.password);
    await api('signOut', { registry: env.basic.host });
    expect((await api('inspect', { reference: ref })).json.error?.code).toBe('auth-required');
  });

  it("printToPdf says to use the browser's print dialog", async () => {
    const { json } = await api('printToPdf', { fileName: 'python' });
    expect(json.error).toMatchObject({ code: 'invalid-argument', stage: 'export' });
    expect(json.error?.message).toContain('Save as PDF');
  });

  it.each([
    ['an unknown method', 'shell', {}, 'unknown method'],
    ['a wrong argument', 'inspect', { reference: 7 }, 'invalid arguments'],
  ])('%s is an invalid-argument error as data', async (_label, method, args, text) => {
    const { status, json } = await api(method, args);
    expect(status).toBe(200);
    expect(json.error?.code).toBe('invalid-argument');
    expect(json.error?.message).toContain(text);
  });
});

describe('who may call it', () => {
  it('refuses an API call without the token', async () => {
    const res = await raw('/api/appInfo', { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
  });

  it('refuses a DNS-rebinding request (right token, foreign Host)', async () => {
    const res = await raw('/api/appInfo', { method: 'POST', headers: { host: 'attacker.example:80', 'x-regscope-token': host.token }, body: '{}' });
    expect(res.status).toBe(400);
  });

  it('refuses a cross-origin call and sends no CORS headers', async () => {
    const res = await raw('/api/appInfo', { method: 'POST', headers: { origin: 'https://evil.example', 'x-regscope-token': host.token }, body: '{}' });
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('trades the URL token for an HttpOnly cookie that then authorises the API', async () => {
    const open = await raw(`/?token=${host.token}`);
    expect(open.status).toBe(302);
    const cookie = String(open.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const call = await raw('/api/appInfo', { method: 'POST', headers: { cookie: cookie.split(';')[0] ?? '' }, body: '{}' });
    expect(JSON.parse(call.body)).toEqual({ ok: true, value: { version: 'test', host: 'web' } });
  });

  it('a wrong token in the URL is refused', async () => {
    expect((await raw('/?token=guess')).status).toBe(401);
  });

  it('serves the UI with a strict CSP and never a file outside the renderer folder', async () => {
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    const escape = await raw('/../../../../etc/passwd');
    expect(escape.body).not.toContain('root:');
    const encoded = await raw('/%2e%2e/%2e%2e/%2e%2e/etc/passwd');
    expect(encoded.body).not.toContain('root:');
  });
});
