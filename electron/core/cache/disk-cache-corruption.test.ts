import { lstat, mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { factsKey, tagKey } from './cache-inputs';
import { contentPath, factsPath, tagPath } from './cache-layout';
import { openDiskCache } from './disk-cache';
import { sampleContent } from './testing/sample-content';
import { tempDirs } from './testing/temp-dirs';

/** Whatever happened to a file on disk, a read gives the right bytes or a miss — and the bad file goes. */

const dirs = tempDirs();
afterEach(dirs.cleanup);

const INDEX = 'application/vnd.oci.image.index.v1+json';
const HUB = 'https://registry-1.docker.io/';

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** Index of the first byte after the header line. */
function bodyStart(file: Buffer): number {
  return file.indexOf(0x0a) + 1;
}

describe('a damaged content file', () => {
  it.each<[string, (file: Buffer) => Buffer]>([
    ['a flipped bit in the bytes', (file) => Buffer.from(file.map((byte, index) => (index === bodyStart(file) + 100 ? byte ^ 1 : byte)))],
    ['a flipped bit in the last byte', (file) => Buffer.from(file.map((byte, index) => (index === file.length - 1 ? byte ^ 0x80 : byte)))],
    ['a changed media type in the header', (file) => Buffer.from(file.toString('latin1').replace('index.v1', 'index.v2'), 'latin1')],
    ['a header without its check', (file) => Buffer.from(file.toString('latin1').replace(/,"check":"[0-9a-f]+"/, ''), 'latin1')],
    ['truncated bytes', (file) => file.subarray(0, file.length - 1)],
    ['the header only', (file) => file.subarray(0, bodyStart(file))],
    ['half a header', (file) => file.subarray(0, 20)],
    ['an empty file', () => Buffer.alloc(0)],
    ['a byte appended', (file) => Buffer.concat([file, Buffer.from('x')])],
    ['the raw bytes without a header', (file) => file.subarray(bodyStart(file))],
    ['another entry’s file', () => Buffer.from('{"v":1,"length":1,"check":"0000000000000000"}\nx')],
  ])('%s is detected, deleted and counted', async (_label, damage) => {
    const dir = await dirs.make();
    const cache = openDiskCache(dir);
    const { bytes, digest } = sampleContent(4096, 1);
    await cache.putBytes(digest, bytes, INDEX);
    const path = contentPath(dir, digest);
    await writeFile(path, damage(await readFile(path)));

    expect(await cache.getBytes(digest)).toBeUndefined();
    expect(cache.stats).toMatchObject({ corrupt: 1, misses: 1, hits: 0 });
    expect(await exists(path)).toBe(false);
    // The caller refetches and stores it again.
    await cache.putBytes(digest, bytes, INDEX);
    expect((await cache.getBytes(digest))?.bytes.equals(bytes)).toBe(true);
  });

  it('a file truncated on disk (a crash mid-copy) is a miss', async () => {
    const dir = await dirs.make();
    const cache = openDiskCache(dir);
    const { bytes, digest } = sampleContent(1024 * 1024, 2);
    await cache.putBytes(digest, bytes);
    await truncate(contentPath(dir, digest), 65_536);
    expect(await cache.getBytes(digest)).toBeUndefined();
    expect(cache.stats.corrupt).toBe(1);
  });

  it.each<[string, (path: string) => Promise<void>, boolean]>([
    ['a symlink (to /dev/zero) is not followed', (path) => symlink('/dev/zero', path), true],
    ['a folder is left alone', (path) => mkdir(path), false],
    ['a file larger than any entry is not read', (path) => writeFile(path, Buffer.alloc(17 * 1024 * 1024)), true],
  ])('%s', async (_label, plant, deleted) => {
    const dir = await dirs.make();
    const cache = openDiskCache(dir);
    const { digest } = sampleContent(10, 3);
    const path = contentPath(dir, digest);
    await mkdir(dirname(path), { recursive: true });
    await plant(path);
    expect(await cache.getBytes(digest)).toBeUndefined();
    expect(cache.stats.corrupt).toBe(1);
    expect(await exists(path)).toBe(!deleted);
  });
});

describe('a damaged record file', () => {
  const { digest } = sampleContent(10, 4);
  const facts = { file: (dir: string) => factsPath(dir, factsKey(HUB, digest)), read: (dir: string) => openDiskCache(dir).getBlobFacts(HUB, digest) };
  const tags = { file: (dir: string) => tagPath(dir, tagKey(HUB, 'library/busybox', 'latest')), read: (dir: string) => openDiskCache(dir).getTag(HUB, 'library/busybox', 'latest') };

  it.each([
    ['junk', 'not json at all {'],
    ['an empty file', ''],
    ['a JSON array', '[1,2,3]'],
    ['JSON null', 'null'],
    ['another version', JSON.stringify({ v: 2, key: factsKey(HUB, digest), contentLength: 1 })],
    ['another entry’s key', JSON.stringify({ v: 1, key: factsKey('https://ghcr.io/', digest), contentLength: 1 })],
    ['a length of the wrong type', JSON.stringify({ v: 1, key: factsKey(HUB, digest), contentLength: '12' })],
    ['a header that was never cleaned', JSON.stringify({ v: 1, key: factsKey(HUB, digest), lastModified: 'a\nb' })],
    ['a 5 KB file', JSON.stringify({ v: 1, key: factsKey(HUB, digest), pad: 'x'.repeat(5000) })],
  ])('facts holding %s are a miss, deleted', async (_label, content) => {
    const dir = await dirs.make();
    const path = facts.file(dir);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    expect(await facts.read(dir)).toBeUndefined();
    expect(await exists(path)).toBe(false);
  });

  it.each([
    ['junk', '\u0000\u0001garbage'],
    ['a malformed digest', JSON.stringify({ v: 1, key: tagKey(HUB, 'library/busybox', 'latest'), digest: 'sha256:zz', seenAt: '2026-01-01T00:00:00.000Z' })],
    ['no seenAt', JSON.stringify({ v: 1, key: tagKey(HUB, 'library/busybox', 'latest'), digest: sampleContent(1, 5).digest })],
    ['a bad media type', JSON.stringify({ v: 1, key: tagKey(HUB, 'library/busybox', 'latest'), digest: sampleContent(1, 5).digest, mediaType: '<b>', seenAt: '2026-01-01T00:00:00.000Z' })],
  ])('a tag holding %s is a miss, deleted', async (_label, content) => {
    const dir = await dirs.make();
    const path = tags.file(dir);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    expect(await tags.read(dir)).toBeUndefined();
    expect(await exists(path)).toBe(false);
  });

  it.each([
    ['a length', (text: string) => text.replace('"contentLength":12', '"contentLength":13')],
    ['a date', (text: string) => text.replace('1994', '1995')],
    ['the check itself', (text: string) => text.replace(/"check":"(.)/, (_match, first: string) => `"check":"${first === '0' ? '1' : '0'}`)],
  ])('facts whose %s changed (a flipped bit that still parses) are a miss', async (_label, edit) => {
    const dir = await dirs.make();
    const cache = openDiskCache(dir);
    await cache.putBlobFacts(HUB, digest, { contentLength: 12, lastModified: 'Tue, 15 Nov 1994 08:12:31 GMT' });
    expect(await cache.getBlobFacts(HUB, digest)).toEqual({ contentLength: 12, lastModified: 'Tue, 15 Nov 1994 08:12:31 GMT' });
    const path = facts.file(dir);
    await writeFile(path, edit(await readFile(path, 'utf8')));
    expect(await cache.getBlobFacts(HUB, digest)).toBeUndefined();
    expect(cache.stats.corrupt).toBe(1);
    expect(await exists(path)).toBe(false);
  });

  it('a tag whose digest changed by one hex digit is a miss', async () => {
    const dir = await dirs.make();
    const cache = openDiskCache(dir);
    const { digest: tagged } = sampleContent(1, 6);
    await cache.putTag(HUB, 'library/busybox', 'latest', { digest: tagged });
    const path = tags.file(dir);
    const last = tagged.at(-1) === '0' ? '1' : '0';
    await writeFile(path, (await readFile(path, 'utf8')).replace(tagged, `${tagged.slice(0, -1)}${last}`));
    expect(await cache.getTag(HUB, 'library/busybox', 'latest')).toBeUndefined();
    expect(cache.stats.corrupt).toBe(1);
  });
});
