import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegscopeError } from '../../../shared/api/errors';
import { RegistrySession } from '../auth/registry-session';
import { TokenCache } from '../auth/token-cache';
import { HttpClient } from '../transport/http-client';
import { listTags } from './tags';

/**
 * Tag paging against a scripted server: distribution 2.8 ignores `n` and never pages tags, so what
 * Docker Hub, ECR and hostile registries do with `Link` can only be shown by a script.
 */
type Page = { tags: unknown; link?: string; status?: number; body?: string };
let pages = new Map<string, Page>();
let requests: string[] = [];
let base = '';
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', base);
  requests.push(`${url.pathname}${url.search}`);
  const page = pages.get(url.searchParams.get('last') ?? '');
  if (!page) return void res.writeHead(404).end();
  res.writeHead(page.status ?? 200, { 'content-type': 'application/json', ...(page.link ? { link: page.link } : {}) });
  res.end(page.body ?? JSON.stringify({ name: 'acme/app', tags: page.tags }));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

function session() {
  const http = new HttpClient({ outbound: { insecureHosts: [] }, retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } });
  return new RegistrySession(http, new URL(`${base}/`), '127.0.0.1', { get: async () => undefined }, new TokenCache());
}

function link(last: string, host = base) {
  return `<${host}/v2/acme/app/tags/list?n=2&last=${last}>; rel="next"`;
}

describe('listTags', () => {
  it('follows Link pages in order and reports progress', async () => {
    pages = new Map([
      ['', { tags: ['1.0', '1.1'], link: link('1.1') }],
      ['1.1', { tags: ['1.2', 'latest'], link: '</v2/acme/app/tags/list?n=2&last=latest>; rel="next"' }],
      ['latest', { tags: ['zeta'] }],
    ]);
    requests = [];
    const progress: number[] = [];
    const listing = await listTags(session(), { repository: 'acme/app', display: 'acme/app', onPage: (sofar) => progress.push(sofar.length) });
    expect(listing.tags).toEqual(['1.0', '1.1', '1.2', 'latest', 'zeta']);
    expect(progress).toEqual([2, 4, 5]);
    expect(requests[0]).toBe('/v2/acme/app/tags/list?n=1000');
  });

  it.each([
    ['a Link back to a page already read', link('')],
    ['a page that adds nothing new', link('same')],
  ])('stops on %s', async (_label, loopLink) => {
    pages = new Map([
      ['', { tags: ['a', 'b'], link: link('b') }],
      ['b', { tags: ['c'], link: loopLink }],
      ['same', { tags: ['c'], link: link('same') }],
    ]);
    requests = [];
    const listing = await listTags(session(), { repository: 'acme/app', display: 'acme/app' });
    expect(listing.tags).toEqual(['a', 'b', 'c']);
    expect(requests.length).toBeLessThanOrEqual(3);
  });

  it('never follows a Link to another host', async () => {
    pages = new Map([['', { tags: ['a'], link: link('a', 'http://169.254.169.254') }]]);
    requests = [];
    expect((await listTags(session(), { repository: 'acme/app', display: 'acme/app' })).tags).toEqual(['a']);
    expect(requests).toHaveLength(1);
  });

  it('treats `"tags": null` as an empty repository', async () => {
    pages = new Map([['', { tags: null }]]);
    expect(await listTags(session(), { repository: 'acme/app', display: 'acme/app' })).toEqual({ repository: 'acme/app', tags: [], invalidTags: [] });
  });

  it('keeps invalid entries apart and never requests them', async () => {
    pages = new Map([['', { tags: ['ok', '../../x', '<img src=x onerror=alert(1)>', 42, null, '', 'a'.repeat(200), 'ok'] }]]);
    const listing = await listTags(session(), { repository: 'acme/app', display: 'acme/app' });
    expect(listing.tags).toEqual(['ok']);
    expect(listing.invalidTags).toEqual(['../../x', '<img src=x onerror=alert(1)>', '42', 'null', '', 'a'.repeat(200)]);
  });

  it.each([
    ['a non-JSON page', { tags: [], body: '<html>captive portal</html>' }, 'not JSON'],
    ['a body without tags', { tags: [], body: '{"tags": {"a": 1}}' }, 'without a "tags" array'],
    ['a 500', { tags: [], status: 500 }, 'answered 500'],
  ])('a clear error for %s', async (_label, page, text) => {
    pages = new Map([['', page as Page]]);
    await expect(listTags(session(), { repository: 'acme/app', display: 'acme/app' })).rejects.toSatisfy((error: unknown) => error instanceof RegscopeError && error.data.stage === 'tags' && error.data.reference === 'acme/app' && error.data.message.includes(text));
  });
});
