import type { BlobFacts } from '../registry/blobs';
import { checkContent, checkDigest, cleanFacts, cleanMediaType, factsKey, isCacheDigest, tagKey } from './cache-inputs';
import { EVICTION_TARGET, checkedMaxBytes, emptyStats, largestEntryFor, type CacheOptions, type CachedBytes, type CachedTag, type ContentCache, type TagValue } from './content-cache';

/**
 * The cache without a disk, behaving like the disk cache (same checks, same bound, same counters):
 * for tests and `--no-cache` runs that still want one fetch per digest.
 *
 * Bytes are copied in and out, so a caller changing a returned Buffer cannot corrupt the entry —
 * which is why reads need no re-verification here.
 */

/** A memory cache holds far less than the disk's 512 MiB by default. */
export const DEFAULT_MEMORY_MAX_BYTES = 64 * 1024 * 1024;

/** What a facts or tag record costs, roughly its size on disk. */
const RECORD_COST = 256;

interface Values {
  bytes: CachedBytes;
  facts: BlobFacts;
  tag: CachedTag;
}
type Entry = { [K in keyof Values]: { readonly kind: K; readonly size: number; readonly value: Values[K] } }[keyof Values];

/** A cache in this process's memory, bounded by `maxBytes` (default 64 MiB); `warn` is never called. */
export function memoryCache(options: CacheOptions = {}): ContentCache {
  const maxBytes = checkedMaxBytes(options.maxBytes ?? DEFAULT_MEMORY_MAX_BYTES);
  const largestEntry = largestEntryFor(maxBytes);
  const stats = emptyStats();
  // Map order is the LRU order: a hit moves its entry to the end.
  const entries = new Map<string, Entry>();
  let total = 0;

  function miss(): undefined {
    stats.misses += 1;
    return undefined;
  }

  function take<K extends keyof Values>(key: string, kind: K): Values[K] | undefined {
    const entry = entries.get(key);
    if (!entry || entry.kind !== kind) return miss();
    entries.delete(key);
    entries.set(key, entry);
    stats.hits += 1;
    // The kind was just checked; TypeScript cannot narrow a generic union by it.
    return entry.value as Values[K];
  }

  function keep(key: string, entry: Entry): void {
    const previous = entries.get(key);
    if (previous) {
      total -= previous.size;
      entries.delete(key);
    }
    entries.set(key, entry);
    total += entry.size;
    if (total <= maxBytes) return;
    const target = Math.floor(maxBytes * EVICTION_TARGET);
    for (const [oldest, { size }] of entries) {
      if (total <= target) break;
      entries.delete(oldest);
      total -= size;
      stats.evicted += 1;
    }
  }

  return {
    stats,
    async getBytes(digest) {
      if (!isCacheDigest(digest)) return miss();
      const found = take(`bytes ${digest}`, 'bytes');
      return found && { ...found, bytes: Buffer.from(found.bytes) };
    },
    async putBytes(digest, bytes, mediaType) {
      checkContent(digest, bytes);
      if (bytes.byteLength > largestEntry) return;
      const type = cleanMediaType(mediaType);
      keep(`bytes ${digest}`, { kind: 'bytes', size: bytes.byteLength, value: { bytes: Buffer.from(bytes), ...(type ? { mediaType: type } : {}) } });
    },
    async getBlobFacts(registry, digest) {
      if (!isCacheDigest(digest)) return miss();
      const found = take(`facts ${factsKey(registry, digest)}`, 'facts');
      return found && { ...found };
    },
    async putBlobFacts(registry, digest, facts) {
      checkDigest(digest);
      const clean = cleanFacts(facts);
      if (Object.keys(clean).length > 0) keep(`facts ${factsKey(registry, digest)}`, { kind: 'facts', size: RECORD_COST, value: clean });
    },
    async getTag(registry, repository, tag) {
      const found = take(`tag ${tagKey(registry, repository, tag)}`, 'tag');
      return found && { ...found };
    },
    async putTag(registry, repository, tag, value: TagValue) {
      checkDigest(value.digest);
      const mediaType = cleanMediaType(value.mediaType);
      keep(`tag ${tagKey(registry, repository, tag)}`, { kind: 'tag', size: RECORD_COST, value: { digest: value.digest, ...(mediaType ? { mediaType } : {}), seenAt: new Date().toISOString() } });
    },
    async idle() {},
  };
}
