import { writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFileSystem, type CacheFileSystem } from './file-ops';
import { RESCAN_QUIET_MS, SizeLedger } from './size-ledger';
import { systemError } from './testing/faulty-fs';
import { tempDirs } from './testing/temp-dirs';
import { usagePath } from './usage-hint';

/** When the ledger scans: only when it has no recent total, or the total passes the bound. */

const dirs = tempDirs();
afterEach(dirs.cleanup);

const NOW = Date.parse('2026-06-01T12:00:00Z');
const MINUTE = 60_000;

function countingFileSystem(failing = false): { fs: CacheFileSystem; listings: () => number } {
  let listings = 0;
  const readdir = (async (...args: Parameters<CacheFileSystem['readdir']>) => {
    listings += 1;
    if (failing) throw systemError('EACCES');
    return nodeFileSystem.readdir(...args);
  }) as CacheFileSystem['readdir'];
  return { fs: { ...nodeFileSystem, readdir }, listings: () => listings };
}

describe('SizeLedger', () => {
  it.each([
    ['no usage.json', undefined, true],
    ['a scan 10 minutes ago', { v: 1, bytes: 1000, scannedAt: NOW - 10 * MINUTE }, false],
    ['a scan 2 hours ago', { v: 1, bytes: 1000, scannedAt: NOW - 120 * MINUTE }, true],
    ['a scan in the future (clock set back)', { v: 1, bytes: 1000, scannedAt: NOW + 10 * MINUTE }, true],
    ['a recent total over the bound', { v: 1, bytes: 2_000_000, scannedAt: NOW - MINUTE }, true],
    ['a negative total', { v: 1, bytes: -5, scannedAt: NOW - MINUTE }, true],
    ['junk', 'not json', true],
  ])('with %s, the first write scans: %s', async (_label, usage, scans) => {
    const dir = await dirs.make();
    if (usage !== undefined) await writeFile(usagePath(dir), typeof usage === 'string' ? usage : JSON.stringify(usage));
    const { fs, listings } = countingFileSystem();
    const ledger = new SizeLedger(fs, dir, 1_000_000, { evicted: () => undefined, failed: () => undefined }, () => NOW);
    ledger.added(100);
    await ledger.idle();
    expect(listings() > 0).toBe(scans);
  });

  it('scans once a trusted total plus this process’s writes pass the bound', async () => {
    const dir = await dirs.make();
    await writeFile(usagePath(dir), JSON.stringify({ v: 1, bytes: 900_000, scannedAt: NOW - MINUTE }));
    const { fs, listings } = countingFileSystem();
    const ledger = new SizeLedger(fs, dir, 1_000_000, { evicted: () => undefined, failed: () => undefined }, () => NOW);
    ledger.added(50_000);
    await ledger.idle();
    expect(listings()).toBe(0);
    ledger.added(60_000);
    await ledger.idle();
    expect(listings()).toBeGreaterThan(0);
  });

  it('after a failed scan, waits a quiet minute instead of rescanning on every write', async () => {
    const dir = await dirs.make();
    let now = NOW;
    const { fs, listings } = countingFileSystem(true);
    const failures: unknown[] = [];
    const ledger = new SizeLedger(fs, dir, 1_000_000, { evicted: () => undefined, failed: (error) => failures.push(error) }, () => now);
    for (let write = 0; write < 10; write += 1) {
      ledger.added(100);
      await ledger.idle();
    }
    expect([listings(), failures.length]).toEqual([1, 1]);
    now += RESCAN_QUIET_MS + 1;
    ledger.added(100);
    await ledger.idle();
    expect([listings(), failures.length]).toEqual([2, 2]);
  });
});
