import { describe, expect, it } from 'vitest';
import { memoryCache } from './memory-cache';
import { sampleContent } from './testing/sample-content';

describe('memoryCache', () => {
  it('evicts the least recently used entries down to 90 % of its bound', async () => {
    const cache = memoryCache({ maxBytes: 10_000 });
    const entries = Array.from({ length: 10 }, (_, index) => sampleContent(1000, index));
    for (const { bytes, digest } of entries) await cache.putBytes(digest, bytes);
    // Entry 0 is used again: it becomes the newest.
    expect(await cache.getBytes(entries[0]?.digest ?? '')).toBeDefined();
    const extra = sampleContent(1000, 99);
    await cache.putBytes(extra.digest, extra.bytes); // 11 000 bytes: down to 9 000
    const present = await Promise.all(entries.map(async ({ digest }) => (await cache.getBytes(digest)) !== undefined));
    expect(present).toEqual([true, false, false, true, true, true, true, true, true, true]);
    expect(cache.stats.evicted).toBe(2);
  });

  it('replacing an entry does not count it twice', async () => {
    const cache = memoryCache({ maxBytes: 10_000 });
    const { digest } = sampleContent(10, 1);
    for (let round = 0; round < 100; round += 1) await cache.putTag('r', 'repo', 'tag', { digest });
    await cache.putBytes(sampleContent(900, 2).digest, sampleContent(900, 2).bytes);
    expect(cache.stats.evicted).toBe(0);
  });
});
