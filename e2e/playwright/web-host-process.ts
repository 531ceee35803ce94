import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { WebHostDescription } from './e2e-description';

/** How long `regscope serve` may take to print its URL. */
const START_TIMEOUT_MS = 20_000;
/** How long SIGTERM has before SIGKILL. */
const STOP_GRACE_MS = 5_000;

/** Options of one web host. */
export interface WebHostOptions {
  /** The repo root (holds dist/cli/regscope.mjs). */
  readonly root: string;
  /** Docker Hub requests go here (`--mirror`). */
  readonly mirror: string;
  /** An empty folder used as HOME, so the developer's ~/.docker/config.json never leaks in. */
  readonly home: string;
  /** A name for the log file (`<home>/<name>.log`). */
  readonly name: string;
  /** Gets the pid once spawned (for an orphan watchdog). */
  readonly pidFile?: string;
}

/** A running `regscope serve`. */
export interface WebHostProcess extends WebHostDescription {
  readonly pid: number;
  /** SIGTERM, then SIGKILL after a grace period; resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * The environment of the web host: the caller's, minus everything that would point regscope at
 * the developer's own registries, credentials or cache.
 */
function cleanEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('REGSCOPE_') || key === 'DOCKER_CONFIG' || key.startsWith('XDG_')) continue;
    env[key] = value;
  }
  return { ...env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache'), NO_COLOR: '1' };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts the real web host (`node dist/cli/regscope.mjs serve --port 0 --mirror …`) and waits for
 * the first stdout line, the URL to open. Its stderr goes to `<home>/<name>.log`.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHostProcess> {
  await mkdir(options.home, { recursive: true });
  const logFile = join(options.home, `${options.name}.log`);
  const args = ['dist/cli/regscope.mjs', 'serve', '--port', '0', '--mirror', options.mirror];
  const child = spawn(process.execPath, args, { cwd: options.root, env: cleanEnv(options.home), stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error('could not start regscope serve');
  const pid = child.pid;
  if (options.pidFile !== undefined) await appendFile(options.pidFile, `${String(pid)}\n`);
  child.stderr?.on('data', (chunk: Buffer) => void appendFile(logFile, chunk));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited(child);
    clearTimeout(timer);
  };

  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`regscope serve printed no URL within ${String(START_TIMEOUT_MS)} ms`)), START_TIMEOUT_MS);
      lines.once('line', (line) => {
        clearTimeout(timer);
        resolve(line.trim());
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`regscope serve exited (${String(code ?? signal)}) before printing its URL`));
      });
    });
    // Later lines (none are expected) must not fill the pipe and block the server.
    child.stdout?.resume();
    const parsed = new URL(url);
    if (!parsed.searchParams.has('token')) throw new Error(`the first line of regscope serve is not a token URL: ${url}`);
    return { url, origin: parsed.origin, mirror: options.mirror, pid, stop };
  } catch (error) {
    await stop();
    const log = await readFile(logFile, 'utf8').catch(() => '');
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${log}`);
  }
}
