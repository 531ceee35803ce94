import { describe, expect, it } from 'vitest';
import { isValidTag } from '../../shared/reference/parse-reference';
import { apiFor } from './harness/api-harness';
import { DEADLINE_MS, useHostileWorld } from './harness/hostile-world';
import { image } from './harness/oci-content';
import { expectUserFacing, expectWithinDeadline, failureOf, successOf } from './harness/outcome';
import { json } from './harness/replies';
import { serveImage } from './harness/registry-script';
import type { RecordedRequest } from './harness/scripted-server';
import { guardUnhandledRejections } from './harness/unhandled-rejections';

/**
 * reliability.md §5 rows 17–19: huge tag lists, hostile `Link` paging and hostile tag names, through
 * the real core with the Bearer gate on, and through the API's tag and export jobs (what the tag
 * browser sees). listTags' own unit tests (electron/core/registry/tags.test.ts) cover the basic loop
 * guards; these add auth, other hosts, caps and the UI path.
 */
guardUnhandledRejections();
const world = useHostileWorld();
const REPO = 'acme/app';
const TAGS_PATH = `/v2/${REPO}/tags/list`;

/** The registry answers tag-list requests with `page(request)`. */
function tagPages(page: (request: RecordedRequest) => { tags: unknown; link?: string }): void {
  world.registry.append([
    {
      name: 'tag list',
      method: 'GET',
      path: TAGS_PATH,
      reply: (request) => {
        const { tags, link } = page(request);
        return json(200, { name: REPO, tags }, link ? { link } : {});
      },
    },
  ]);
}

const nextLink = (query: string, origin = '') => `<${origin}${TAGS_PATH}?${query}>; rel="next"`;

describe('row 17: huge tag lists', () => {
  it('row 17: 100k tags in one 1 MB page are all listed, asked for with n=1000', async () => {
    const tags = Array.from({ length: 100_000 }, (_, i) => `v${String(i)}`);
    tagPages(() => ({ tags }));
    const { value: listing, ms } = await successOf(() => world.core().tags(world.ref(REPO)));
    expect(listing.tags).toHaveLength(100_000);
    expect(listing.tags[99_999]).toBe('v99999');
    expect(world.registry.requestsTo(TAGS_PATH)[0]?.query.get('n')).toBe('1000');
    expectWithinDeadline(ms, DEADLINE_MS * 2);
  });

  it('row 17: a page over the 16 MiB cap is refused, naming the repository', async () => {
    world.registry.append([{ name: 'endless tag page', method: 'GET', path: TAGS_PATH, reply: { kind: 'endless', status: 200, headers: { 'content-type': 'application/json' }, chunk: '"x",'.repeat(16 * 1024) } }]);
    const repository = world.ref(REPO);
    const failed = await failureOf(() => world.core().tags(repository));
    expectUserFacing(failed.data, { code: 'too-large', stage: 'tags', reference: repository });
    expectWithinDeadline(failed.ms, DEADLINE_MS);
  });

  it('row 17: through the API, the tag job of 100k tags finishes with every tag', async () => {
    const tags = Array.from({ length: 100_000 }, (_, i) => `t${String(i)}`);
    tagPages(() => ({ tags }));
    const api = apiFor(world.core());
    const status = await api.runJob({ kind: 'tags', repository: world.ref(REPO) }, DEADLINE_MS * 3);
    api.service.dispose();
    expect(status.state).toBe('done');
    expect(status.tags).toHaveLength(100_000);
  });
});

describe('row 18: hostile paging', () => {
  it('row 18: a never-ending n=1 paging (a new tag on every page) stops at the page cap', async () => {
    tagPages((request) => {
      const last = Number(request.query.get('last') ?? '0');
      return { tags: [`p${String(last + 1)}`], link: nextLink(`n=1&last=${String(last + 1)}`) };
    });
    const { value: listing, ms } = await successOf(() => world.core().tags(world.ref(REPO)));
    // MAX_PAGES in tags.ts is 1000: bounded requests, bounded time, what was read is kept.
    expect(world.registry.requestsTo(TAGS_PATH).length).toBeLessThanOrEqual(1001 + 1);
    expect(listing.tags.length).toBeGreaterThan(0);
    expect(listing.tags.length).toBeLessThanOrEqual(1000);
    expectWithinDeadline(ms, DEADLINE_MS * 5);
  }, 30_000);

  it('row 18: a Link back to an earlier `last` under another URL (different n) ends paging', async () => {
    tagPages((request) => {
      const last = request.query.get('last');
      if (last === null) return { tags: ['a', 'b'], link: nextLink('n=2&last=b') };
      if (last === 'b') return { tags: ['c', 'd'], link: nextLink('last=b&n=50') };
      return { tags: ['c', 'd'], link: nextLink('n=3&last=b') };
    });
    const listing = await world.core().tags(world.ref(REPO));
    expect(listing.tags).toEqual(['a', 'b', 'c', 'd']);
    expect(world.registry.requestsTo(TAGS_PATH).length).toBeLessThanOrEqual(3 + 1);
  });

  it.each([
    ['the CDN (another origin)', () => `${world.urlOf(world.cdn)}${TAGS_PATH}?n=2&last=a`],
    ['the metadata fake', () => `${world.urlOf(world.metadata)}/latest/meta-data/?last=a`],
    ['a javascript: URL', () => 'javascript:alert(1)'],
    ['a file: URL', () => 'file:///etc/passwd'],
  ])('row 18: a Link to %s is not followed and gets no token', async (_label, target) => {
    tagPages(() => ({ tags: ['a'], link: `<${target()}>; rel="next"` }));
    const listing = await world.core().tags(world.ref(REPO));
    expect(listing.tags).toEqual(['a']);
    expect(world.cdn.requests).toEqual([]);
    expect(world.metadata.requests).toEqual([]);
  });

  it('row 18: pages in case-insensitive order (not ASCII order) are all kept, in the order sent', async () => {
    tagPages((request) => (request.query.get('last') === null ? { tags: ['Alpha', 'beta'], link: nextLink('n=2&last=beta') } : { tags: ['Gamma', 'delta'] }));
    const listing = await world.core().tags(world.ref(REPO));
    expect(listing.tags).toEqual(['Alpha', 'beta', 'Gamma', 'delta']);
  });
});

describe('row 19: hostile tag names', () => {
  const hostile: readonly unknown[] = [
    null,
    '',
    'sha256:' + 'a'.repeat(64),
    '../../x',
    '..%2F..%2Fv2%2Fother%2Fmanifests%2Flatest',
    '<img src=x onerror=alert(1)>',
    'x'.repeat(10 * 1024),
    'evil\u202Egpj.exe',
    'zero\u200Bwidth',
    'ansi\u001b[31mred',
    'tag with spaces',
    42,
    { nested: true },
  ];

  it('row 19: invalid entries go to "invalid tags" (each at most 300 characters); valid ones are kept', async () => {
    tagPages(() => ({ tags: ['1.0', ...hostile, 'latest'] }));
    const listing = await world.core().tags(world.ref(REPO));
    expect(listing.tags).toEqual(['1.0', 'latest']);
    expect(listing.invalidTags).toHaveLength(hostile.length);
    expect(listing.invalidTags.every((entry) => entry.length <= 300)).toBe(true);
    // Non-strings are shown as their JSON text (42 → "42"), never turned into tags.
    expect(listing.invalidTags).toEqual(expect.arrayContaining(['null', '42', '{"nested":true}', '<img src=x onerror=alert(1)>', '../../x']));
    expect(listing.tags.every((tag) => isValidTag(tag))).toBe(true);
  });

  it('row 19: the export job of the repository never builds a URL from an invalid tag', async () => {
    const honest = image('tags');
    tagPages(() => ({ tags: ['1.0', ...hostile] }));
    world.registry.append(serveImage(REPO, '1.0', honest));
    const api = apiFor(world.core());
    const status = await api.runJob({ kind: 'export-repository', repository: world.ref(REPO), format: 'json', style: 'current' }, DEADLINE_MS * 3);
    api.service.dispose();
    expect(status.state).toBe('done');
    expect(status.total).toBe(1);
    const manifestRequests = world.registry.requests.filter((request) => request.path.includes('/manifests/'));
    expect(manifestRequests.map((request) => request.path.split('/manifests/')[1])).toEqual(expect.arrayContaining(['1.0']));
    expect(manifestRequests.every((request) => /\/manifests\/(1\.0|sha256:[0-9a-f]{64})$/.test(request.path))).toBe(true);
  });

  it('row 19: the tag job hands the UI the invalid entries separately, as data', async () => {
    tagPages(() => ({ tags: ['ok', ...hostile] }));
    const api = apiFor(world.core());
    const status = await api.runJob({ kind: 'tags', repository: world.ref(REPO) }, DEADLINE_MS * 3);
    api.service.dispose();
    expect(status.tags).toEqual(['ok']);
    expect(status.invalidTags).toContain('evil\u202Egpj.exe');
  });

  it('row 19: a tag typed by the user is validated before any request (tag names cannot be hostile after parsing)', async () => {
    const failed = await failureOf(() => world.core().report(`${world.ref(REPO)}:../../x`));
    expect(failed.data).toMatchObject({ code: 'invalid-reference', stage: 'reference' });
    expect(world.registry.requests).toEqual([]);
  });
});
