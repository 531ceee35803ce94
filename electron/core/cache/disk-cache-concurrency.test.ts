import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDiskCache } from './disk-cache';
import { removeCacheBundle, runCacheChild } from './testing/child-cache';
import { sampleContent } from './testing/sample-content';
import { tempDirs } from './testing/temp-dirs';

/**
 * Two processes sharing one cache folder with no lock: racing writers of the same digests and tag,
 * each also deleting entries under the other (as its eviction would), while this process reads.
 * No reader may ever see a torn or foreign file.
 */

const dirs = tempDirs();
afterEach(dirs.cleanup);
afterAll(removeCacheBundle);

const ENTRIES = 24;
const ENTRY_BYTES = 128 * 1024;
const HUB = 'https://registry-1.docker.io/';

interface ChildReport {
  readonly bad: number;
  readonly hits: number;
  readonly stats: { hits: number; misses: number; corrupt: number; evicted: number };
  readonly warnings: string[];
}

// Runs in each child: `payloads` holds the entries' bytes, named by index; `digests` their digests.
const CHILD = `
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
const { CACHE_DIR, PAYLOADS, DIGESTS, START_AT, ROUNDS, ME } = process.env;
const digests = JSON.parse(DIGESTS);
const payloads = await Promise.all(digests.map((_, i) => readFile(join(PAYLOADS, String(i)))));
const warnings = [];
const cache = openDiskCache(CACHE_DIR, { warn: (message) => warnings.push(message) });
while (Date.now() < Number(START_AT)) await new Promise((resolve) => setTimeout(resolve, 1));
let bad = 0;
let hits = 0;
const check = (found, i) => {
  if (!found) return;
  hits += 1;
  if (!found.bytes.equals(payloads[i]) || found.mediaType !== 'application/vnd.oci.image.config.v1+json') bad += 1;
};
// Everyone writes everything at once: the same digests race to their final names.
await Promise.all(digests.map((digest, i) => cache.putBytes(digest, payloads[i], 'application/vnd.oci.image.config.v1+json')));
for (let round = 0; round < Number(ROUNDS); round += 1) {
  const i = round % digests.length;
  const hex = digests[i].slice(7);
  if (round % 3 === 0) await unlink(join(CACHE_DIR, 'blobs', 'sha256', hex.slice(0, 2), hex)).catch(() => undefined);
  await cache.putBytes(digests[i], payloads[i], 'application/vnd.oci.image.config.v1+json');
  await cache.putTag('${HUB}', 'library/app', 'latest', { digest: digests[(i + Number(ME)) % digests.length] });
  check(await cache.getBytes(digests[(i + 1) % digests.length]), (i + 1) % digests.length);
  const tag = await cache.getTag('${HUB}', 'library/app', 'latest');
  if (tag && !digests.includes(tag.digest)) bad += 1;
}
// Leave every entry in place for the final check.
await Promise.all(digests.map((digest, i) => cache.putBytes(digest, payloads[i], 'application/vnd.oci.image.config.v1+json')));
await cache.idle();
print({ bad, hits, stats: cache.stats, warnings });
`;

describe('two processes sharing a cache', () => {
  it('leave valid entries, no temporary files, and never show a reader a torn file', { timeout: 60_000 }, async () => {
    const dir = await dirs.make();
    const cacheDir = join(dir, 'cache');
    const payloads = join(dir, 'payloads');
    await mkdir(payloads);
    const entries = Array.from({ length: ENTRIES }, (_, index) => sampleContent(ENTRY_BYTES, index));
    await Promise.all(entries.map(({ bytes }, index) => writeFile(join(payloads, String(index)), bytes)));
    const digests = entries.map(({ digest }) => digest);
    const env = { CACHE_DIR: cacheDir, PAYLOADS: payloads, DIGESTS: JSON.stringify(digests), START_AT: String(Date.now() + 1000), ROUNDS: '100' };

    const children = Promise.all([runCacheChild<ChildReport>(CHILD, { env: { ...env, ME: '0' } }), runCacheChild<ChildReport>(CHILD, { env: { ...env, ME: '1' } })]);
    // Meanwhile this process reads everything, over and over, until both are done.
    const reader = openDiskCache(cacheDir);
    let done = false;
    let parentBad = 0;
    let parentHits = 0;
    void children.finally(() => (done = true)).catch(() => undefined);
    while (!done) {
      for (const [index, { bytes }] of entries.entries()) {
        const found = await reader.getBytes(digests[index] ?? '');
        if (!found) continue;
        parentHits += 1;
        if (!found.bytes.equals(bytes)) parentBad += 1;
      }
    }
    const reports = await children;

    for (const report of reports) {
      expect(report).toMatchObject({ bad: 0, warnings: [] });
      expect(report.stats.corrupt).toBe(0);
      expect(report.hits).toBeGreaterThan(0);
    }
    expect({ parentBad, corrupt: reader.stats.corrupt }).toEqual({ parentBad: 0, corrupt: 0 });
    expect(parentHits).toBeGreaterThan(0);

    const after = openDiskCache(cacheDir);
    for (const [index, { bytes }] of entries.entries()) expect((await after.getBytes(digests[index] ?? ''))?.bytes.equals(bytes)).toBe(true);
    expect(digests).toContain((await after.getTag(HUB, 'library/app', 'latest'))?.digest);
    expect(after.stats.corrupt).toBe(0);
    const leftovers = (await readdir(cacheDir, { recursive: true })).filter((name) => name.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });
});
