import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ContentCache } from './content-cache';
import { openDiskCache } from './disk-cache';
import { removeCacheBundle, runCacheChild } from './testing/child-cache';
import { faultyFileSystem } from './testing/faulty-fs';
import { sampleContent } from './testing/sample-content';
import { setFolders, tempDirs } from './testing/temp-dirs';

/** An unusable cache folder costs a warning, once, and never a failed report. */

const dirs = tempDirs();
afterEach(dirs.cleanup);
afterAll(removeCacheBundle);

const HUB = 'https://registry-1.docker.io/';
const NOBODY = 65534;
const { bytes, digest } = sampleContent(4096, 1);

/** Every operation, twice; all must resolve, and reads must miss. */
async function useEverything(cache: ContentCache): Promise<unknown[]> {
  const answers: unknown[] = [];
  for (let round = 0; round < 2; round += 1) {
    await cache.putBytes(digest, bytes, 'application/vnd.oci.image.manifest.v1+json');
    await cache.putTag(HUB, 'library/busybox', 'latest', { digest });
    await cache.putBlobFacts(HUB, digest, { contentLength: 4096 });
    answers.push(await cache.getBytes(digest), await cache.getTag(HUB, 'library/busybox', 'latest'), await cache.getBlobFacts(HUB, digest));
  }
  await cache.idle();
  return answers;
}

describe('an unusable cache folder', () => {
  it.each<[string, (dir: string, warn: (message: string) => void) => Promise<ContentCache>]>([
    ['a file where the folder should be', async (dir, warn) => {
      await writeFile(join(dir, 'cache'), 'a file');
      return openDiskCache(join(dir, 'cache'), { warn });
    }],
    ['a folder path running through a file', async (dir, warn) => {
      await writeFile(join(dir, 'file'), 'a file');
      return openDiskCache(join(dir, 'file', 'cache'), { warn });
    }],
    ['a full disk (ENOSPC on write)', async (dir, warn) => openDiskCache(dir, { warn, fileSystem: faultyFileSystem({ code: 'ENOSPC', on: 'write' }) })],
    ['a read-only file system (EROFS)', async (dir, warn) => openDiskCache(dir, { warn, fileSystem: faultyFileSystem({ code: 'EROFS', on: 'create' }) })],
    ['a disk that fails reads (EIO)', async (dir, warn) => openDiskCache(dir, { warn, fileSystem: faultyFileSystem({ code: 'EIO', on: 'read' }) })],
    ['another layout version', async (dir, warn) => {
      await writeFile(join(dir, 'VERSION'), '2\n');
      return openDiskCache(dir, { warn });
    }],
    ['a folder named VERSION', async (dir, warn) => {
      await mkdir(join(dir, 'VERSION'));
      return openDiskCache(dir, { warn });
    }],
  ])('%s: every read misses, nothing throws, one warning', async (_label, open) => {
    const dir = await dirs.make();
    const warnings: string[] = [];
    const cache = await open(dir, (message) => warnings.push(message));
    expect(await useEverything(cache)).toEqual(Array(6).fill(undefined));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^cache \/.+: /);
    expect(cache.stats.hits).toBe(0);
    const leftovers = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });

  it('another layout version is left exactly as it was', async () => {
    const dir = await dirs.make();
    await writeFile(join(dir, 'VERSION'), '2\n');
    await useEverything(openDiskCache(dir));
    expect(await readdir(dir)).toEqual(['VERSION']);
    expect(await readFile(join(dir, 'VERSION'), 'utf8')).toBe('2\n');
  });

  it('a folder that cannot be listed still caches, warns once, and is not rescanned on every write', async () => {
    const dir = await dirs.make();
    const warnings: string[] = [];
    const listing = faultyFileSystem({ code: 'EACCES', on: 'list' });
    let listings = 0;
    const counting = { ...listing, readdir: ((...args: Parameters<typeof listing.readdir>) => ((listings += 1), listing.readdir(...args))) as typeof listing.readdir };
    const cache = openDiskCache(dir, { warn: (message) => warnings.push(message), fileSystem: counting });
    for (let index = 0; index < 20; index += 1) {
      const entry = sampleContent(100, index);
      await cache.putBytes(entry.digest, entry.bytes);
      await cache.idle();
    }
    expect((await cache.getBytes(sampleContent(100, 19).digest))?.bytes.equals(sampleContent(100, 19).bytes)).toBe(true);
    expect(warnings).toEqual([expect.stringContaining('checking its size failed (EACCES)')]);
    expect(listings).toBe(1);
  });

  it('a warning callback that throws does not fail anything', async () => {
    const dir = await dirs.make();
    await writeFile(join(dir, 'cache'), 'a file');
    const cache = openDiskCache(join(dir, 'cache'), {
      warn: () => {
        throw new Error('listener bug');
      },
    });
    expect(await useEverything(cache)).toEqual(Array(6).fill(undefined));
  });
});

interface ReadOnlyReport {
  readonly hit: boolean;
  readonly tag: string | null;
  readonly warnings: string[];
  readonly newEntry: boolean;
}

describe('a read-only cache folder', () => {
  it('still serves what it holds, and warns once that it cannot store more', { timeout: 30_000 }, async () => {
    const root = await dirs.make();
    const dir = join(root, 'cache');
    const filled = openDiskCache(dir);
    await filled.putBytes(digest, bytes);
    await filled.putTag(HUB, 'library/busybox', 'latest', { digest });
    await filled.idle();
    // Permissions do not bind root: as root, the check runs as `nobody`, who owns the files but
    // (like everyone) may not add to a 0555 folder.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) await chmod(root, 0o755);
    await setFolders(dir, { mode: 0o555, ...(asRoot ? { owner: NOBODY } : {}) });
    const other = sampleContent(100, 2);
    const report = await runCacheChild<ReadOnlyReport>(
      `const warnings = [];
       const cache = openDiskCache(process.env.CACHE_DIR, { warn: (message) => warnings.push(message) });
       const hit = (await cache.getBytes(process.env.DIGEST)) !== undefined;
       await cache.putBytes(process.env.OTHER, Buffer.from(process.env.OTHER_BYTES, 'base64'));
       await cache.putTag('${HUB}', 'library/busybox', 'latest', { digest: process.env.OTHER });
       const newEntry = (await cache.getBytes(process.env.OTHER)) !== undefined;
       const tag = (await cache.getTag('${HUB}', 'library/busybox', 'latest'))?.digest ?? null;
       print({ hit, tag, warnings, newEntry });`,
      { env: { CACHE_DIR: dir, DIGEST: digest, OTHER: other.digest, OTHER_BYTES: other.bytes.toString('base64') }, ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}) },
    );
    expect(report).toMatchObject({ hit: true, tag: digest, newEntry: false });
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(/writing failed \(EACCES\)/);
  });
});
