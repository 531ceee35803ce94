import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentCache } from './content-cache';
import { openDiskCache } from './disk-cache';
import { memoryCache } from './memory-cache';
import { sampleContent } from './testing/sample-content';
import { tempDirs } from './testing/temp-dirs';

/** The behaviour both caches share, run against each. */

const dirs = tempDirs();
afterEach(dirs.cleanup);

const implementations: ReadonlyArray<[string, () => Promise<ContentCache>]> = [
  ['disk', async () => openDiskCache(await dirs.make())],
  ['memory', async () => memoryCache()],
];

const INDEX = 'application/vnd.oci.image.index.v1+json';
const HUB = 'https://registry-1.docker.io/';

describe.each(implementations)('%s cache', (name, open) => {
  it.each([
    ['a 4 KiB manifest with its media type', sampleContent(4096, 1), INDEX, INDEX],
    ['a 1 MiB config without one', sampleContent(1024 * 1024, 2), undefined, undefined],
    ['a sha512-addressed blob', sampleContent(300, 3, 'sha512'), 'application/vnd.oci.image.config.v1+json', 'application/vnd.oci.image.config.v1+json'],
    ['empty content', sampleContent(0, 4), undefined, undefined],
    ['a media type with parameters, stored bare', sampleContent(100, 5), `${INDEX}; charset=utf-8`, INDEX],
    ['an unusable media type, dropped', sampleContent(100, 6), 'text/html<script>', undefined],
  ])('round-trips %s', async (_label, { bytes, digest }, mediaType, storedType) => {
    const cache = await open();
    expect(await cache.getBytes(digest)).toBeUndefined();
    await cache.putBytes(digest, bytes, mediaType);
    const found = await cache.getBytes(digest);
    expect(found?.bytes.equals(bytes)).toBe(true);
    expect(found?.mediaType).toBe(storedType);
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1, corrupt: 0 });
  });

  it('hands out bytes a caller cannot use to corrupt the entry', async () => {
    const cache = await open();
    const { bytes, digest } = sampleContent(64, 7);
    await cache.putBytes(digest, bytes);
    bytes[0] = (bytes[0] ?? 0) ^ 0xff; // the caller reuses its buffer
    const first = await cache.getBytes(digest);
    first?.bytes.fill(0);
    expect((await cache.getBytes(digest))?.bytes.equals(sampleContent(64, 7).bytes)).toBe(true);
  });

  it.each([
    ['a short hex', 'sha256:abc'],
    ['an unsupported algorithm', 'md5:d41d8cd98f00b204e9800998ecf8427e'],
    ['upper-case hex', `sha256:${'A'.repeat(64)}`],
    ['a path escape', `sha256:${'a'.repeat(64)}/../../../etc/passwd`],
    ['a valid digest with a suffix', `sha256:${'a'.repeat(64)}:../../x`],
    ['a trailing newline', `sha256:${'a'.repeat(64)}\n`],
    ['a relative path', '../../etc/passwd'],
    ['nothing', ''],
  ])('treats %s as a miss on read and a caller bug on write', async (_label, digest) => {
    const cache = await open();
    expect(await cache.getBytes(digest)).toBeUndefined();
    expect(await cache.getBlobFacts(HUB, digest)).toBeUndefined();
    await expect(cache.putBytes(digest, Buffer.from('x'))).rejects.toThrow(RangeError);
    await expect(cache.putBlobFacts(HUB, digest, { contentLength: 1 })).rejects.toThrow(RangeError);
    await expect(cache.putTag(HUB, 'library/busybox', 'latest', { digest })).rejects.toThrow(RangeError);
  });

  it('a malformed spelling of a stored digest neither finds nor harms the entry', async () => {
    const cache = await open();
    const { bytes, digest } = sampleContent(64, 15);
    await cache.putBytes(digest, bytes);
    expect(await cache.getBytes(`${digest}:../../x`)).toBeUndefined();
    expect(await cache.getBytes(digest.toUpperCase())).toBeUndefined();
    expect((await cache.getBytes(digest))?.bytes.equals(bytes)).toBe(true);
    expect(cache.stats.corrupt).toBe(0);
  });

  it('refuses bytes that do not hash to their digest', async () => {
    const cache = await open();
    const { digest } = sampleContent(64, 8);
    await expect(cache.putBytes(digest, Buffer.from('something else'))).rejects.toThrow(/hash to sha256:/);
    expect(await cache.getBytes(digest)).toBeUndefined();
  });

  it('remembers a tag per registry, repository and tag, without collisions', async () => {
    const cache = await open();
    const one = sampleContent(10, 9).digest;
    const two = sampleContent(10, 10).digest;
    const three = sampleContent(10, 11).digest;
    await cache.putTag(HUB, 'library/busybox', 'latest', { digest: one, mediaType: INDEX });
    await cache.putTag('https://ghcr.io/', 'library/busybox', 'latest', { digest: two });
    // Same characters, split differently: must be a different entry.
    await cache.putTag('https://a/', 'b/c', 'd', { digest: three });
    expect(await cache.getTag('https://a/b/', 'c', 'd')).toBeUndefined();
    expect(await cache.getTag(HUB, 'library/busybox', 'latest')).toMatchObject({ digest: one, mediaType: INDEX });
    expect(await cache.getTag('https://ghcr.io/', 'library/busybox', 'latest')).toMatchObject({ digest: two });
    expect((await cache.getTag('https://ghcr.io/', 'library/busybox', 'latest'))?.mediaType).toBeUndefined();
    expect(await cache.getTag(HUB, 'library/busybox', '1.36')).toBeUndefined();
    // A moved tag: the newest answer wins.
    await cache.putTag(HUB, 'library/busybox', 'latest', { digest: three });
    const moved = await cache.getTag(HUB, 'library/busybox', 'latest');
    expect(moved?.digest).toBe(three);
    expect(Date.now() - Date.parse(moved?.seenAt ?? '')).toBeLessThan(60_000);
  });

  it.each([
    ['both facts', { lastModified: 'Tue, 15 Nov 1994 08:12:31 GMT', contentLength: 2_818_413 }, { lastModified: 'Tue, 15 Nov 1994 08:12:31 GMT', contentLength: 2_818_413 }],
    ['a length only', { contentLength: 0 }, { contentLength: 0 }],
    ['a header with a line break, dropped', { lastModified: 'x\r\nSet-Cookie: a', contentLength: 5 }, { contentLength: 5 }],
    ['a 10 KB header, dropped', { lastModified: 'a'.repeat(10_000), contentLength: 5 }, { contentLength: 5 }],
    ['lengths that are not sizes, dropped', { lastModified: 'Mon', contentLength: -1 }, { lastModified: 'Mon' }],
    ['a length past 2^53, dropped', { lastModified: 'Mon', contentLength: 2 ** 60 }, { lastModified: 'Mon' }],
  ])('round-trips layer facts: %s', async (_label, facts, stored) => {
    const cache = await open();
    const { digest } = sampleContent(10, 12);
    await cache.putBlobFacts(HUB, digest, facts);
    expect(await cache.getBlobFacts(HUB, digest)).toEqual(stored);
    expect(await cache.getBlobFacts('https://ghcr.io/', digest)).toBeUndefined();
  });

  it('does not remember empty facts (a 404 may be different next time)', async () => {
    const cache = await open();
    const { digest } = sampleContent(10, 13);
    await cache.putBlobFacts(HUB, digest, {});
    await cache.putBlobFacts(HUB, digest, { contentLength: Number.NaN });
    expect(await cache.getBlobFacts(HUB, digest)).toBeUndefined();
  });

  it('does not store an entry bigger than a tenth of its bound', async () => {
    const dir = await dirs.make();
    const small = name === 'disk' ? openDiskCache(dir, { maxBytes: 100_000 }) : memoryCache({ maxBytes: 100_000 });
    const { bytes, digest } = sampleContent(10_001, 14);
    await small.putBytes(digest, bytes);
    expect(await small.getBytes(digest)).toBeUndefined();
  });
});

describe('options', () => {
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('maxBytes %s is a caller bug', (maxBytes) => {
    expect(() => openDiskCache(join(tmpdir(), 'regscope-never-created'), { maxBytes })).toThrow(RangeError);
    expect(() => memoryCache({ maxBytes })).toThrow(RangeError);
  });
});
