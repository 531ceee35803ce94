import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { CLI } from './cli';

/** A running `regscope serve`. */
export interface WebHost {
  /** The printed URL, token included. */
  readonly url: string;
  readonly origin: string;
  stop(): Promise<void>;
}

/**
 * Starts the real web host (`node dist/cli/regscope.mjs serve --port 0`) and waits for its first
 * stdout line, the URL to open. The benchmark injects a fake API, so the host only serves the
 * built renderer; it is the real one so the page loads exactly as users get it.
 */
export async function startWebHost(root: string, env: NodeJS.ProcessEnv): Promise<WebHost> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('regscope serve printed no URL within 20 s')), 20_000);
      createInterface({ input: child.stdout }).once('line', (text) => {
        clearTimeout(timer);
        resolve(text.trim());
      });
      child.once('exit', (code) => reject(new Error(`regscope serve exited (${String(code)}): ${stderr}`)));
    });
    child.stdout.resume();
    return { url: line, origin: new URL(line).origin, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
