import { lstat, mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentPath } from './cache-layout';
import { openDiskCache } from './disk-cache';
import { scanCache } from './eviction';
import { nodeFileSystem } from './file-ops';
import { sampleContent } from './testing/sample-content';
import { tempDirs } from './testing/temp-dirs';
import { usagePath } from './usage-hint';

/** The bound holds, the least recently used entries go first, and nothing but entries is ever deleted. */

const dirs = tempDirs();
afterEach(dirs.cleanup);

const MAX = 100 * 1024;
const ENTRY = 4096;
const HOUR_AGO = Date.now() / 1000 - 3600;

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

async function storedBytes(dir: string): Promise<number> {
  return (await scanCache(nodeFileSystem, dir)).reduce((total, file) => total + file.size, 0);
}

/** `count` entries stored by an unbounded cache (another process), last used a minute apart an hour ago. */
async function filledCache(dir: string, count: number): Promise<string[]> {
  const writer = openDiskCache(dir);
  const entries = Array.from({ length: count }, (_, index) => sampleContent(ENTRY, index));
  for (const { bytes, digest } of entries) await writer.putBytes(digest, bytes);
  for (const [index, { digest }] of entries.entries()) await utimes(contentPath(dir, digest), HOUR_AGO + index * 60, HOUR_AGO + index * 60);
  await writer.idle();
  // As if its scan were over an hour old: the next process must scan rather than trust it.
  await rm(usagePath(dir), { force: true });
  return entries.map(({ digest }) => digest);
}

describe('eviction', () => {
  it('brings a cache over its bound down to 90 %, least recently used first', async () => {
    const dir = await dirs.make();
    const digests = await filledCache(dir, 30); // ~124 KB
    const foreign = ['notes.txt', 'blobs/sha256/ab/README', 'facts/zz/x.json', `tags/ab/${'a'.repeat(64)}.json.bak`, 'blobs/sha256/00/.hidden'].map((name) => join(dir, name));
    for (const path of foreign) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, 'not the cache’s');
      await utimes(path, HOUR_AGO - 86_400, HOUR_AGO - 86_400);
    }

    const cache = openDiskCache(dir, { maxBytes: MAX });
    // Reading the oldest entry makes it the most recently used.
    expect(await cache.getBytes(digests[0] ?? '')).toBeDefined();
    const fresh = sampleContent(ENTRY, 1000);
    await cache.putBytes(fresh.digest, fresh.bytes); // the first write starts the scan
    await cache.idle();

    expect(await storedBytes(dir)).toBeLessThanOrEqual(MAX * 0.9);
    const kept = await Promise.all(digests.map((digest) => exists(contentPath(dir, digest))));
    const evicted = kept.filter((present) => !present).length;
    expect(evicted).toBeGreaterThan(0);
    expect(cache.stats.evicted).toBe(evicted);
    // Entry 0 (just read) and the newest survive; entries 1..n go in age order, no gaps.
    expect(kept[0]).toBe(true);
    expect(kept.slice(1, 1 + evicted)).toEqual(Array(evicted).fill(false));
    expect(kept.slice(1 + evicted)).toEqual(Array(kept.length - 1 - evicted).fill(true));
    expect(await exists(contentPath(dir, fresh.digest))).toBe(true);
    for (const path of foreign) expect(await exists(path)).toBe(true);
  });

  it('keeps a cache within its bound while it is being filled', async () => {
    const dir = await dirs.make();
    const cache = openDiskCache(dir, { maxBytes: MAX });
    const entries = Array.from({ length: 80 }, (_, index) => sampleContent(ENTRY, index));
    for (const { bytes, digest } of entries) await cache.putBytes(digest, bytes);
    await cache.idle();
    expect(await storedBytes(dir)).toBeLessThanOrEqual(MAX);
    expect(cache.stats.evicted).toBeGreaterThanOrEqual(80 - Math.floor(MAX / ENTRY));
    const last = entries.at(-1);
    expect((await cache.getBytes(last?.digest ?? ''))?.bytes.equals(last?.bytes ?? Buffer.alloc(0))).toBe(true);
  });

  it('clears temporary files left by a crash, not those of a write in progress', async () => {
    const dir = await dirs.make();
    const digests = await filledCache(dir, 30);
    const hex = (digests[0] ?? '').slice(7);
    const stale = join(dirname(contentPath(dir, digests[0] ?? '')), `.${hex}.4242.0123456789ab.tmp`);
    const live = join(dirname(contentPath(dir, digests[0] ?? '')), `.${hex}.4243.0123456789ab.tmp`);
    await writeFile(stale, 'half a write');
    await writeFile(live, 'half a write');
    await utimes(stale, HOUR_AGO - 60, HOUR_AGO - 60);
    const cache = openDiskCache(dir, { maxBytes: MAX });
    const fresh = sampleContent(ENTRY, 1000);
    await cache.putBytes(fresh.digest, fresh.bytes);
    await cache.idle();
    expect([await exists(stale), await exists(live)]).toEqual([false, true]);
  });

  it('never shows a concurrent reader a partial entry', async () => {
    const dir = await dirs.make();
    const digests = await filledCache(dir, 30);
    const cache = openDiskCache(dir, { maxBytes: MAX });
    const fresh = sampleContent(ENTRY, 1000);
    let evicting = true;
    const eviction = cache
      .putBytes(fresh.digest, fresh.bytes)
      .then(() => cache.idle())
      .finally(() => (evicting = false));
    let wrong = 0;
    do {
      const found = await Promise.all(digests.map((digest) => cache.getBytes(digest)));
      for (const [index, entry] of found.entries()) if (entry && !entry.bytes.equals(sampleContent(ENTRY, index).bytes)) wrong += 1;
    } while (evicting);
    await eviction;
    expect({ wrong, corrupt: cache.stats.corrupt }).toEqual({ wrong: 0, corrupt: 0 });
    expect(cache.stats.evicted).toBeGreaterThan(0);
  });

  it('leaves a cache under its bound alone', async () => {
    const dir = await dirs.make();
    await filledCache(dir, 10);
    const cache = openDiskCache(dir, { maxBytes: MAX });
    const fresh = sampleContent(ENTRY, 1000);
    await cache.putBytes(fresh.digest, fresh.bytes);
    await cache.idle();
    expect(cache.stats.evicted).toBe(0);
    expect((await readdir(join(dir, 'blobs', 'sha256'), { recursive: true })).filter((name) => /[0-9a-f]{64}$/.test(name))).toHaveLength(11);
  });
});
