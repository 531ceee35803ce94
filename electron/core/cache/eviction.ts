import { join } from 'node:path';
import { ENTRY_FOLDERS, FAN_OUT, TEMP_FILE } from './cache-layout';
import { errorCode, type CacheFileSystem } from './file-ops';

/**
 * Finding the cache's files and deleting the least recently used ones.
 *
 * "Recently used" is the mtime: writes set it and reads refresh it (see `readEntry`), so it works
 * across processes without a shared index. Deleting is safe under a concurrent reader: an open file
 * stays readable after its unlink, and a reader opening it a moment later gets a miss.
 */

export interface CacheFile {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** A temporary file of a write in progress, or left behind by a crash. */
  readonly temp: boolean;
}

/** A temporary file this old is a crashed writer's leftover: no write takes an hour. */
export const STALE_TEMP_MS = 60 * 60 * 1000;

// Enough stats in flight to hide latency, few enough not to hog libuv's four threads.
const STAT_BATCH = 32;

async function listNames(fs: CacheFileSystem, folder: string): Promise<string[]> {
  try {
    return await fs.readdir(folder);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}

async function statFiles(fs: CacheFileSystem, folder: string, names: readonly string[], temp: (name: string) => boolean): Promise<CacheFile[]> {
  const found: CacheFile[] = [];
  for (let start = 0; start < names.length; start += STAT_BATCH) {
    const batch = names.slice(start, start + STAT_BATCH);
    const stats = await Promise.all(batch.map((name) => fs.lstat(join(folder, name)).catch(() => undefined)));
    stats.forEach((stat, index) => {
      const name = batch[index];
      // Vanished since the listing (another process evicted it), or not a plain file: skip.
      if (!stat?.isFile() || name === undefined) return;
      found.push({ path: join(folder, name), size: stat.size, mtimeMs: stat.mtimeMs, temp: temp(name) });
    });
  }
  return found;
}

/** Every cache file under `dir` (entries and temporary files); other files are not listed. */
export async function scanCache(fs: CacheFileSystem, dir: string): Promise<CacheFile[]> {
  const files: CacheFile[] = [];
  for (const { folder, entry } of ENTRY_FOLDERS) {
    const top = join(dir, ...folder);
    for (const fan of (await listNames(fs, top)).filter((name) => FAN_OUT.test(name))) {
      const leaf = join(top, fan);
      const names = (await listNames(fs, leaf)).filter((name) => entry.test(name) || TEMP_FILE.test(name));
      files.push(...(await statFiles(fs, leaf, names, (name) => TEMP_FILE.test(name))));
    }
  }
  return files;
}

export interface EvictionResult {
  /** Entries deleted (stale temporary files are cleaned up but not counted). */
  readonly evicted: number;
  /** Bytes of the files still there. */
  readonly remainingBytes: number;
}

/**
 * Deletes stale temporary files, then the entries with the oldest mtime until the total is at most
 * `targetBytes`. Files another process deleted first simply no longer count.
 */
export async function evictOldest(fs: CacheFileSystem, files: readonly CacheFile[], targetBytes: number, now = Date.now()): Promise<EvictionResult> {
  let remainingBytes = files.reduce((total, file) => total + file.size, 0);
  for (const file of files) {
    if (file.temp && now - file.mtimeMs > STALE_TEMP_MS) {
      await fs.unlink(file.path).catch(() => undefined);
      remainingBytes -= file.size;
    }
  }
  let evicted = 0;
  const oldestFirst = files.filter((file) => !file.temp).sort((a, b) => a.mtimeMs - b.mtimeMs);
  for (const file of oldestFirst) {
    if (remainingBytes <= targetBytes) break;
    try {
      await fs.unlink(file.path);
      evicted += 1;
      remainingBytes -= file.size;
    } catch (error) {
      // Anything but "already gone" (a read-only cache) would fail for the next file too.
      if (errorCode(error) !== 'ENOENT') break;
      remainingBytes -= file.size;
    }
  }
  return { evicted, remainingBytes };
}
