import { resolve } from 'node:path';
import type { BlobFacts } from '../registry/blobs';
import { CacheHealth } from './cache-health';
import { checkContent, checkDigest, cleanFacts, cleanMediaType, factsKey, isCacheDigest, tagKey } from './cache-inputs';
import { LAYOUT_VERSION, contentPath, factsPath, tagPath, versionPath } from './cache-layout';
import { MAX_HEADER_BYTES, decodeContent, decodeFacts, decodeTag, encodeContent, encodeFacts, encodeTag } from './cache-records';
import { MAX_ENTRY_BYTES, checkedMaxBytes, emptyStats, largestEntryFor, type CacheOptions, type CachedBytes, type CachedTag, type ContentCache, type TagValue } from './content-cache';
import { errorCode, nodeFileSystem, readEntry, removeIfSame, writeAtomic, type CacheFileSystem, type ReadOutcome } from './file-ops';
import { SizeLedger } from './size-ledger';

/**
 * The persistent cache: a folder of content-addressed files shared safely by every regscope process
 * of a user (CLI runs, the app, the web host). Layout and rules: README.md next to this file.
 */

export interface DiskCacheOptions extends CacheOptions {
  /** Tests only: a file system that fails on purpose. */
  readonly fileSystem?: CacheFileSystem;
}

/** Facts and tag records are ~200 bytes; a bigger file is not one of ours. */
const MAX_RECORD_BYTES = 4096;
const MAX_CONTENT_FILE_BYTES = MAX_ENTRY_BYTES + MAX_HEADER_BYTES;

/**
 * Opens (creating when needed) the cache in `dir`. Never throws for the folder's sake: an unusable
 * folder makes a cache that misses and warns once. Throws `RangeError` for a nonsensical `maxBytes`.
 */
export function openDiskCache(dir: string, options: DiskCacheOptions = {}): ContentCache {
  return new DiskCache(resolve(dir), options);
}

class DiskCache implements ContentCache {
  readonly stats = emptyStats();
  private readonly fs: CacheFileSystem;
  private readonly health: CacheHealth;
  private readonly ledger: SizeLedger;
  private readonly largestEntry: number;
  /** Folder created and its layout version checked; never rejects. */
  private readonly ready: Promise<void>;

  constructor(
    private readonly dir: string,
    options: DiskCacheOptions,
  ) {
    const maxBytes = checkedMaxBytes(options.maxBytes);
    this.largestEntry = largestEntryFor(maxBytes);
    this.fs = options.fileSystem ?? nodeFileSystem;
    this.health = new CacheHealth(dir, options.warn);
    this.ledger = new SizeLedger(this.fs, dir, maxBytes, {
      evicted: (count) => (this.stats.evicted += count),
      failed: (error) => this.health.backgroundFailed(error),
    });
    this.ready = this.open();
  }

  async getBytes(digest: string): Promise<CachedBytes | undefined> {
    if (!isCacheDigest(digest)) return this.miss();
    return this.lookup(contentPath(this.dir, digest), MAX_CONTENT_FILE_BYTES, (data) => decodeContent(digest, data));
  }

  async putBytes(digest: string, bytes: Buffer, mediaType?: string): Promise<void> {
    checkContent(digest, bytes);
    if (bytes.byteLength > this.largestEntry) return;
    const path = contentPath(this.dir, digest);
    const data = encodeContent(bytes, cleanMediaType(mediaType));
    await this.ready;
    if (!this.health.writable || (await this.alreadyStored(path, data.byteLength))) return;
    await this.write(path, data, () => this.alreadyStored(path, data.byteLength));
  }

  async getBlobFacts(registry: string, digest: string): Promise<BlobFacts | undefined> {
    if (!isCacheDigest(digest)) return this.miss();
    const key = factsKey(registry, digest);
    return this.lookup(factsPath(this.dir, key), MAX_RECORD_BYTES, (data) => decodeFacts(key, data));
  }

  async putBlobFacts(registry: string, digest: string, facts: BlobFacts): Promise<void> {
    checkDigest(digest);
    const clean = cleanFacts(facts);
    // An empty answer (a 404, a server without the headers) may be different next time.
    if (Object.keys(clean).length === 0) return;
    const key = factsKey(registry, digest);
    await this.ready;
    if (this.health.writable) await this.write(factsPath(this.dir, key), encodeFacts(key, clean));
  }

  async getTag(registry: string, repository: string, tag: string): Promise<CachedTag | undefined> {
    const key = tagKey(registry, repository, tag);
    return this.lookup(tagPath(this.dir, key), MAX_RECORD_BYTES, (data) => decodeTag(key, data));
  }

  async putTag(registry: string, repository: string, tag: string, value: TagValue): Promise<void> {
    checkDigest(value.digest);
    const key = tagKey(registry, repository, tag);
    const mediaType = cleanMediaType(value.mediaType);
    const entry: CachedTag = { digest: value.digest, ...(mediaType ? { mediaType } : {}), seenAt: new Date().toISOString() };
    await this.ready;
    if (this.health.writable) await this.write(tagPath(this.dir, key), encodeTag(key, entry));
  }

  async idle(): Promise<void> {
    await this.ready;
    await this.ledger.idle();
  }

  /** Creates the folder and checks (or writes) its layout version. */
  private async open(): Promise<void> {
    try {
      await this.fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    } catch (error) {
      this.health.disable(`cannot use the folder (${errorCode(error) ?? 'error'})`);
      return;
    }
    let version: ReadOutcome;
    try {
      version = await readEntry(this.fs, versionPath(this.dir), 64);
    } catch (error) {
      this.health.disable(`cannot read VERSION (${errorCode(error) ?? 'error'})`);
      return;
    }
    if (version.kind === 'foreign') {
      this.health.disable('VERSION is not a small file');
    } else if (version.kind === 'found') {
      const found = version.data.toString('utf8').trim();
      // Another layout (a newer regscope's): leave it alone rather than misread or delete it.
      if (found !== LAYOUT_VERSION) this.health.disable(`layout version ${JSON.stringify(found.slice(0, 20))}, this regscope reads ${LAYOUT_VERSION}`);
    } else {
      try {
        await writeAtomic(this.fs, versionPath(this.dir), `${LAYOUT_VERSION}\n`);
      } catch (error) {
        // A read-only folder can still serve what is in it.
        this.health.writeFailed(error);
      }
    }
  }

  private miss(): undefined {
    this.stats.misses += 1;
    return undefined;
  }

  /** Reads and decodes one entry; anything not decodable is deleted and is a miss. */
  private async lookup<T>(path: string, maxBytes: number, decode: (data: Buffer) => T | undefined): Promise<T | undefined> {
    await this.ready;
    if (!this.health.readable) return this.miss();
    let outcome: ReadOutcome;
    try {
      outcome = await readEntry(this.fs, path, maxBytes);
    } catch (error) {
      this.health.readFailed(error);
      return this.miss();
    }
    if (outcome.kind === 'missing') return this.miss();
    const value = outcome.kind === 'found' ? decode(outcome.data) : undefined;
    if (value === undefined) {
      this.stats.corrupt += 1;
      await removeIfSame(this.fs, path, outcome.identity);
      return this.miss();
    }
    this.stats.hits += 1;
    return value;
  }

  /** True when a content file of the expected size is already there; refreshes its place in the LRU order. */
  private async alreadyStored(path: string, size: number): Promise<boolean> {
    try {
      const stat = await this.fs.lstat(path);
      if (!stat.isFile() || stat.size !== size) return false;
      const now = Date.now() / 1000;
      await this.fs.utimes(path, now, now).catch(() => undefined);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Writes one entry atomically. `stillFine` says whether a failure can be ignored: a content file
   * another process stored at the same moment (Windows refuses a rename over an open file).
   */
  private async write(path: string, data: Buffer, stillFine?: () => Promise<boolean>): Promise<void> {
    try {
      await writeAtomic(this.fs, path, data);
      this.ledger.added(data.byteLength);
    } catch (error) {
      if (stillFine && (await stillFine())) return;
      this.health.writeFailed(error);
    }
  }
}
