import type { BlobFacts } from '../registry/blobs';

/**
 * The persistent cache's contract, shared by the disk and the memory implementation.
 *
 * Everything stored is either content-addressed (bytes under their digest, so they can be checked on
 * every read) or a small validated record (layer facts, tag → digest). Reads never throw: a missing,
 * corrupt or unreadable entry is `undefined` and the caller refetches. Writes reject only on caller
 * bugs (a malformed digest, bytes that do not hash to it); storage problems are reported once
 * through `warn` and otherwise ignored, so a broken cache never fails a report.
 */

/** Bytes stored under their digest, and the media type they were served with. */
export interface CachedBytes {
  readonly bytes: Buffer;
  readonly mediaType?: string;
}

/** What a registry said a tag pointed at, and when that was last seen. */
export interface CachedTag {
  readonly digest: string;
  readonly mediaType?: string;
  /** ISO 8601 time of the `putTag` that stored it. */
  readonly seenAt: string;
}

/** What `putTag` takes: `seenAt` is stamped by the cache. */
export interface TagValue {
  readonly digest: string;
  readonly mediaType?: string;
}

/** Counters for tests and benchmarks. A corrupt entry counts as `corrupt` and as a `miss`. */
export interface CacheStats {
  hits: number;
  misses: number;
  corrupt: number;
  evicted: number;
}

export interface ContentCache {
  /**
   * Bytes stored under `digest` (manifests, configs), re-verified (sha256/sha512) on every read. A
   * corrupt or truncated entry is deleted and `undefined` returned; so is a malformed digest.
   */
  getBytes(digest: string): Promise<CachedBytes | undefined>;
  /**
   * Stores `bytes` under `digest`. Rejects with a `RangeError` when the digest is malformed or the
   * bytes do not hash to it; an unusable media type is dropped, not stored.
   */
  putBytes(digest: string, bytes: Buffer, mediaType?: string): Promise<void>;
  /** Facts about a layer blob (size, `Last-Modified`) by registry and digest. */
  getBlobFacts(registry: string, digest: string): Promise<BlobFacts | undefined>;
  /** Stores layer facts; malformed fields are dropped, and facts with no field left are not stored. */
  putBlobFacts(registry: string, digest: string, facts: BlobFacts): Promise<void>;
  /** The digest a tag pointed at when last seen; the caller revalidates it with one HEAD. */
  getTag(registry: string, repository: string, tag: string): Promise<CachedTag | undefined>;
  /** Remembers what a tag points at now. Rejects with a `RangeError` for a malformed digest. */
  putTag(registry: string, repository: string, tag: string, value: TagValue): Promise<void>;
  /** Resolves once background work (size scan, eviction) has finished: for tests and a tidy exit. */
  idle(): Promise<void>;
  readonly stats: Readonly<CacheStats>;
}

export interface CacheOptions {
  /** Bound on the stored bytes; eviction brings the cache back under 90 % of it. */
  readonly maxBytes?: number;
  /** Hears, once per cache, that the cache is not usable and regscope carries on without it. */
  readonly warn?: (message: string) => void;
}

/** 512 MiB: about 100 000 typical manifests and configs. */
export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

/**
 * Largest entry stored. The fetchers cap manifests and configs at 4 MiB; the slack lets those caps
 * grow without making old entries unreadable.
 */
export const MAX_ENTRY_BYTES = 16 * 1024 * 1024;

/** Eviction stops once the cache is this fraction of `maxBytes`, so it does not run on every put. */
export const EVICTION_TARGET = 0.9;

/** The configured bound, checked: a caller passing nonsense is a bug, not a cache problem. */
export function checkedMaxBytes(maxBytes: number | undefined): number {
  if (maxBytes === undefined) return DEFAULT_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) throw new RangeError(`cache maxBytes must be a positive integer, not ${String(maxBytes)}`);
  return maxBytes;
}

/** The largest entry a cache of `maxBytes` stores: one entry must not flush a tenth of the cache. */
export function largestEntryFor(maxBytes: number): number {
  return Math.min(MAX_ENTRY_BYTES, Math.floor(maxBytes / 10));
}

export function emptyStats(): CacheStats {
  return { hits: 0, misses: 0, corrupt: 0, evicted: 0 };
}
