import { constants } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { dirname } from 'node:path';
import { tempPathFor } from './cache-layout';

/**
 * The file operations the cache is built from, safe with several processes sharing one folder and
 * no lock: files are never changed in place, only created under a temporary name and renamed over
 * the entry (atomic within a folder), so a reader sees a whole old file, a whole new one, or none.
 */

/** The subset of `node:fs/promises` the cache uses; tests substitute one that fails on purpose. */
export type CacheFileSystem = Pick<typeof fsPromises, 'open' | 'rename' | 'unlink' | 'mkdir' | 'readdir' | 'lstat' | 'utimes'>;

export const nodeFileSystem: CacheFileSystem = fsPromises;

/** Which file was read, so a later delete can make sure it removes that file and not a newer one. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}

export type ReadOutcome =
  | { readonly kind: 'found'; readonly data: Buffer; readonly identity: FileIdentity }
  | { readonly kind: 'missing' }
  /** Something is there that is not a cache file: a folder, a symlink, a file too big to be ours. */
  | { readonly kind: 'foreign'; readonly identity?: FileIdentity };

/** The error code of a Node system error. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

// No symlinks (a link to /dev/zero must not be read), and no blocking on a FIFO someone left there.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** A read refreshes the entry's mtime (its place in the eviction order) at most this often. */
export const TOUCH_AFTER_MS = 60_000;

/**
 * Reads a whole cache file of at most `maxBytes`. A file vanishing (another process evicted it) is
 * `missing`; other failures throw, for the caller to report once.
 */
export async function readEntry(fs: CacheFileSystem, path: string, maxBytes: number, now = Date.now()): Promise<ReadOutcome> {
  let handle: fsPromises.FileHandle;
  try {
    handle = await fs.open(path, READ_FLAGS);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    if (code === 'ELOOP' || code === 'EISDIR' || code === 'ENXIO') return { kind: 'foreign' };
    throw error;
  }
  try {
    const stat = await handle.stat();
    const identity = { dev: stat.dev, ino: stat.ino };
    if (!stat.isFile() || stat.size > maxBytes) return { kind: 'foreign', identity };
    // Read exactly the size seen: a file growing under us is not ours and fails its checks.
    const data = Buffer.allocUnsafe(stat.size);
    let filled = 0;
    while (filled < data.byteLength) {
      const { bytesRead } = await handle.read(data, filled, data.byteLength - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (now - stat.mtimeMs > TOUCH_AFTER_MS) {
      const seconds = now / 1000;
      // Throttled: a hot entry is not re-stamped on every read. Fails harmlessly on a read-only cache.
      await handle.utimes(seconds, seconds).catch(() => undefined);
    }
    return { kind: 'found', data: data.subarray(0, filled), identity };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Writes `data` to `path` atomically: temporary file in the same folder, then rename. Creates the
 * folder when missing. No fsync: a file torn by a power cut fails its checks on read and is refetched.
 */
export async function writeAtomic(fs: CacheFileSystem, path: string, data: Buffer | string): Promise<void> {
  const temp = tempPathFor(path);
  let handle: fsPromises.FileHandle;
  try {
    // 0600: configs can carry whatever a build put in ENV; the cache is its user's alone.
    handle = await fs.open(temp, 'wx', 0o600);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    await fs.mkdir(dirname(path), { recursive: true, mode: 0o700 });
    handle = await fs.open(temp, 'wx', 0o600);
  }
  try {
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
    await fs.rename(temp, path);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Deletes `path` if it is still the file that was read: another process may have renamed a good
 * entry over the bad one meanwhile, and that one must stay.
 */
export async function removeIfSame(fs: CacheFileSystem, path: string, identity: FileIdentity | undefined): Promise<boolean> {
  try {
    if (identity) {
      const stat = await fs.lstat(path);
      if (stat.dev !== identity.dev || stat.ino !== identity.ino) return false;
    }
    await fs.unlink(path);
    return true;
  } catch {
    // Gone already, a folder, or a read-only cache: nothing more to do.
    return false;
  }
}
