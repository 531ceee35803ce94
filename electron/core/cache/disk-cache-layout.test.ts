import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDiskCache } from './disk-cache';
import { sampleContent } from './testing/sample-content';
import { tempDirs } from './testing/temp-dirs';

/** What ends up on disk: the documented layout, private modes, and nothing secret. */

const dirs = tempDirs();
afterEach(dirs.cleanup);

const REGISTRY = 'https://robot:hunter2@registry.example.com/?X-Amz-Signature=presigned';

async function fill(dir: string): Promise<{ manifest: string; config: string }> {
  const cache = openDiskCache(dir);
  const manifest = sampleContent(4096, 1);
  const config = sampleContent(2000, 2, 'sha512');
  await cache.putBytes(manifest.digest, manifest.bytes, 'application/vnd.oci.image.manifest.v1+json');
  await cache.putBytes(config.digest, config.bytes);
  await cache.putTag(REGISTRY, 'team/secret-project', 'v1.2-rc', { digest: manifest.digest });
  await cache.putBlobFacts(REGISTRY, manifest.digest, { contentLength: 4096, lastModified: 'Tue, 15 Nov 1994 08:12:31 GMT' });
  await cache.idle();
  return { manifest: manifest.digest, config: config.digest };
}

describe('the cache folder', () => {
  it('follows the documented layout', async () => {
    const dir = await dirs.make();
    const { manifest, config } = await fill(dir);
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
    const [, sha256] = manifest.split(':');
    const [, sha512] = config.split(':');
    expect(files.sort()).toEqual([
      'VERSION',
      `blobs/sha256/${sha256?.slice(0, 2)}/${sha256}`,
      `blobs/sha512/${sha512?.slice(0, 2)}/${sha512}`,
      expect.stringMatching(/^facts\/([0-9a-f]{2})\/\1[0-9a-f]{62}\.json$/),
      expect.stringMatching(/^tags\/([0-9a-f]{2})\/\1[0-9a-f]{62}\.json$/),
      'usage.json',
    ]);
    expect(await readFile(join(dir, 'VERSION'), 'utf8')).toBe('1\n');
    expect(JSON.parse(await readFile(join(dir, 'usage.json'), 'utf8'))).toEqual({ v: 1, bytes: expect.any(Number), scannedAt: expect.any(Number) });
  });

  it('holds no registry, repository, tag, credential or presigned query', async () => {
    const dir = await dirs.make();
    await fill(dir);
    const names = await readdir(dir, { recursive: true, withFileTypes: true });
    const everything = (await Promise.all(names.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name), 'latin1')))).join('\n') + names.map((entry) => entry.name).join('\n');
    for (const secret of ['hunter2', 'robot', 'presigned', 'X-Amz', 'registry.example', 'secret-project', 'v1.2-rc']) expect(everything).not.toContain(secret);
  });

  it.skipIf(process.platform === 'win32')('is private to its user: folders 0700, files 0600', async () => {
    const dir = join(await dirs.make(), 'cache');
    await fill(dir);
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      const mode = (await stat(join(entry.parentPath, entry.name))).mode & 0o777;
      expect([entry.name, mode]).toEqual([entry.name, entry.isDirectory() ? 0o700 : 0o600]);
    }
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('serves a later process (a warm run) everything an earlier one stored', async () => {
    const dir = await dirs.make();
    const { manifest, config } = await fill(dir);
    const warm = openDiskCache(dir);
    expect((await warm.getTag(REGISTRY, 'team/secret-project', 'v1.2-rc'))?.digest).toBe(manifest);
    expect((await warm.getBytes(manifest))?.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect((await warm.getBytes(config))?.bytes.equals(sampleContent(2000, 2).bytes)).toBe(true);
    expect(await warm.getBlobFacts(REGISTRY, manifest)).toEqual({ contentLength: 4096, lastModified: 'Tue, 15 Nov 1994 08:12:31 GMT' });
    expect(warm.stats).toEqual({ hits: 4, misses: 0, corrupt: 0, evicted: 0 });
  });
});
