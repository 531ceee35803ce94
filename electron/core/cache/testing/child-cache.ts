import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Runs the real disk cache in other Node processes, to test what only separate processes show
 * (racing writers, a user without write permission). The cache is bundled once with esbuild so a
 * plain `node -e` can import it.
 */

let bundled: Promise<string> | undefined;

/** Path of an ESM bundle exporting `openDiskCache`. */
export function cacheBundle(): Promise<string> {
  bundled ??= (async () => {
    const folder = await mkdtemp(join(tmpdir(), 'regscope-cache-bundle-'));
    const outfile = join(folder, 'disk-cache.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('../disk-cache.ts', import.meta.url))],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'error',
    });
    // Readable by the unprivileged user of the read-only test.
    await chmod(folder, 0o755);
    await chmod(outfile, 0o644);
    return outfile;
  })();
  return bundled;
}

/** Deletes the bundle (call from `afterAll`). */
export async function removeCacheBundle(): Promise<void> {
  if (!bundled) return;
  const outfile = await bundled.catch(() => undefined);
  bundled = undefined;
  if (outfile) await rm(dirname(outfile), { recursive: true, force: true });
}

export interface ChildOptions {
  readonly env?: Readonly<Record<string, string>>;
  /** Run as this user (needs root): how a root test process checks a read-only folder. */
  readonly uid?: number;
  readonly gid?: number;
  readonly timeoutMs?: number;
}

/**
 * Runs `script` (an ES module body; `openDiskCache` is in scope, `print(value)` reports JSON back)
 * and resolves to what it printed.
 */
export async function runCacheChild<T>(script: string, options: ChildOptions = {}): Promise<T> {
  const bundle = await cacheBundle();
  const source = `const { openDiskCache } = await import(${JSON.stringify(bundle)});\nconst print = (value) => process.stdout.write(JSON.stringify(value));\n${script}`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', source], {
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: options.timeoutMs ?? 30_000,
    ...(options.uid !== undefined ? { uid: options.uid } : {}),
    ...(options.gid !== undefined ? { gid: options.gid } : {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`cache child exited ${String(code)}: ${stderr.slice(0, 2000)}`);
  return JSON.parse(stdout) as T;
}
