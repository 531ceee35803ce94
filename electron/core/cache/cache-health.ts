import { errorCode } from './file-ops';

/**
 * Whether the disk cache can be read and written, and the one warning a user hears when it cannot.
 *
 * A cache problem is never a report problem: an unusable folder turns every read into a miss and
 * every write into a no-op. Writes that failed for want of space or permission pause for a while
 * rather than for good, so a long-running app picks the cache up again once space is freed.
 */

/** Write errors that will fail the next write too. */
const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EEXIST', 'EISDIR', 'EMFILE', 'ENFILE']);

/** How long writes pause after such an error. */
export const WRITE_PAUSE_MS = 5 * 60_000;

export class CacheHealth {
  private warned = false;
  private disabled = false;
  private writesPausedUntil = 0;

  constructor(
    private readonly dir: string,
    private readonly warn: ((message: string) => void) | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** False once the folder proved unusable: reads are misses without touching the disk. */
  get readable(): boolean {
    return !this.disabled;
  }

  get writable(): boolean {
    return !this.disabled && this.now() >= this.writesPausedUntil;
  }

  /** The cache is off for the life of this object (a file where the folder should be, another layout). */
  disable(reason: string): void {
    this.disabled = true;
    this.report(`${reason}; not using the cache`);
  }

  /** A read failed for another reason than the entry being absent or bad. */
  readFailed(error: unknown): void {
    this.report(`reading failed (${errorCode(error) ?? 'error'}); treating entries as missing`);
  }

  /** A write failed: pause writes if the next one would fail the same way. */
  writeFailed(error: unknown): void {
    const code = errorCode(error);
    if (code && UNWRITABLE.has(code)) this.writesPausedUntil = this.now() + WRITE_PAUSE_MS;
    this.report(`writing failed (${code ?? 'error'}); not storing new entries for now`);
  }

  /** Anything else that went wrong in the background (a scan, an eviction). */
  backgroundFailed(error: unknown): void {
    this.report(`checking its size failed (${errorCode(error) ?? 'error'}); it may grow past its bound`);
  }

  private report(reason: string): void {
    if (this.warned || !this.warn) return;
    this.warned = true;
    try {
      this.warn(`cache ${this.dir}: ${reason}`);
    } catch {
      // A failing warning must not turn into a failing report.
    }
  }
}
