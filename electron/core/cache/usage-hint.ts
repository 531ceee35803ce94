import { join } from 'node:path';
import { readEntry, writeAtomic, type CacheFileSystem } from './file-ops';

/**
 * The total found by the last scan, left in `usage.json` for the next process.
 *
 * A full scan of a big cache takes seconds (about 40 µs a file), and a short CLI run would wait for
 * it at exit. A recent scan by any process is good enough to start from; the cache may then
 * outgrow its bound by what processes write until the hint expires and someone scans again.
 */

/** A scan this recent is trusted instead of scanning again. */
export const USAGE_FRESH_MS = 60 * 60_000;

export function usagePath(dir: string): string {
  return join(dir, 'usage.json');
}

/** The bytes recorded by a scan less than `USAGE_FRESH_MS` ago, or `undefined`. Never throws. */
export async function readUsage(fs: CacheFileSystem, dir: string, now: number): Promise<number | undefined> {
  try {
    const found = await readEntry(fs, usagePath(dir), 1024, now);
    if (found.kind !== 'found') return undefined;
    const value: unknown = JSON.parse(found.data.toString('utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const { v, bytes, scannedAt } = value as Record<string, unknown>;
    if (v !== 1 || typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 0 || typeof scannedAt !== 'number') return undefined;
    // A time in the future (a clock set back) is not trusted either.
    return scannedAt <= now && now - scannedAt < USAGE_FRESH_MS ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/** Records a scan's total; a read-only cache simply keeps no hint. */
export async function writeUsage(fs: CacheFileSystem, dir: string, bytes: number, now: number): Promise<void> {
  await writeAtomic(fs, usagePath(dir), JSON.stringify({ v: 1, bytes, scannedAt: now })).catch(() => undefined);
}
