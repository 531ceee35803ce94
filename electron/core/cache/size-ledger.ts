import { EVICTION_TARGET } from './content-cache';
import { evictOldest, scanCache } from './eviction';
import type { CacheFileSystem } from './file-ops';
import { readUsage, writeUsage } from './usage-hint';

/**
 * Keeps the cache under its bound without a shared index.
 *
 * The total is learned in the background after the first write (never before a read: a warm
 * report only reads), from a recent scan's `usage.json` or by scanning the folder, and then
 * estimated by adding what this process writes. When the estimate passes `maxBytes`, a fresh scan
 * gives the true total — including what other processes wrote — and the oldest entries go until it
 * is under 90 %. Overestimates (a replaced tag file counted twice) only bring that rescan forward.
 */
export interface LedgerHooks {
  readonly evicted: (count: number) => void;
  readonly failed: (error: unknown) => void;
}

/** After a scan fails or cannot get under the bound, wait this long before trying again. */
export const RESCAN_QUIET_MS = 60_000;

export class SizeLedger {
  /** Bytes found by the last scan, less what it evicted; `undefined` before the first scan. */
  private scannedBytes: number | undefined;
  /** Bytes written since the last scan started. */
  private addedBytes = 0;
  private work: Promise<void> | undefined;
  private quietUntil = 0;

  constructor(
    private readonly fs: CacheFileSystem,
    private readonly dir: string,
    private readonly maxBytes: number,
    private readonly hooks: LedgerHooks,
    private readonly now: () => number = Date.now,
  ) {}

  /** Notes a completed write of `bytes`; may start a scan in the background. */
  added(bytes: number): void {
    this.addedBytes += bytes;
    if (this.needsScan()) this.schedule();
  }

  /** Resolves when no scan or eviction is running. */
  async idle(): Promise<void> {
    while (this.work) await this.work;
  }

  private needsScan(): boolean {
    return this.scannedBytes === undefined || this.scannedBytes + this.addedBytes > this.maxBytes;
  }

  private schedule(): void {
    if (this.work || this.now() < this.quietUntil) return;
    this.work = this.run().finally(() => {
      this.work = undefined;
      // Writes during the run may have passed the bound again.
      if (this.needsScan()) this.schedule();
    });
  }

  private async run(): Promise<void> {
    try {
      if (this.scannedBytes === undefined) {
        const recent = await readUsage(this.fs, this.dir, this.now());
        if (recent !== undefined && recent <= this.maxBytes) {
          this.scannedBytes = recent;
          return;
        }
      }
      // Writes finishing from here on may or may not be seen by the scan; counting them again is safe.
      this.addedBytes = 0;
      const files = await scanCache(this.fs, this.dir);
      const total = files.reduce((sum, file) => sum + file.size, 0);
      const target = total > this.maxBytes ? Math.floor(this.maxBytes * EVICTION_TARGET) : Number.POSITIVE_INFINITY;
      const { evicted, remainingBytes } = await evictOldest(this.fs, files, target, this.now());
      if (evicted > 0) this.hooks.evicted(evicted);
      this.scannedBytes = remainingBytes;
      await writeUsage(this.fs, this.dir, remainingBytes, this.now());
      if (remainingBytes > this.maxBytes) this.quietUntil = this.now() + RESCAN_QUIET_MS;
    } catch (error) {
      this.hooks.failed(error);
      this.quietUntil = this.now() + RESCAN_QUIET_MS;
    }
  }
}
