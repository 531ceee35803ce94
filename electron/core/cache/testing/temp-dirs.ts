import { chmod, chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real temporary folders for the cache tests, removed after each test (`afterEach(dirs.cleanup)`).
 */
export function tempDirs(): { make(): Promise<string>; cleanup(): Promise<void> } {
  const made: string[] = [];
  return {
    async make() {
      const dir = await mkdtemp(join(tmpdir(), 'regscope-cache-'));
      made.push(dir);
      return dir;
    },
    async cleanup() {
      for (const dir of made.splice(0)) {
        // A test may have left folders read-only, which would stop a non-root `rm`.
        await setFolders(dir, { mode: 0o700 }).catch(() => undefined);
        await rm(dir, { recursive: true, force: true, maxRetries: 3 });
      }
    },
  };
}

/** Sets the mode of `dir` and every folder below it, and (as root) the owner of everything. */
export async function setFolders(dir: string, change: { readonly mode: number; readonly owner?: number }): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    if (change.owner !== undefined) await chown(path, change.owner, change.owner);
    if (entry.isDirectory()) await chmod(path, change.mode);
  }
  if (change.owner !== undefined) await chown(dir, change.owner, change.owner);
  await chmod(dir, change.mode);
}
