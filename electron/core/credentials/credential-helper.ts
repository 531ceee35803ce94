import { spawn } from 'node:child_process';
import { RegscopeError } from '../../../shared/api/errors';

/**
 * Runs a `docker-credential-<name> get` helper (docker-credential-helpers protocol: the server URL on
 * stdin, `{"ServerURL","Username","Secret"}` on stdout).
 *
 * Helpers are outside our control, so: the name must be a plain word (a `credsStore` of
 * `../../bin/sh` must not run a shell), the run is killed after a timeout, and output is capped
 * (reliability.md §5 row 26). GUI apps on macOS start with launchd's short PATH, so the usual
 * install folders are searched too.
 */
export interface HelperResult {
  readonly username: string;
  readonly secret: string;
}

const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const MAX_OUTPUT = 64 * 1024;
const EXTRA_PATH = ['/usr/local/bin', '/opt/homebrew/bin', '/usr/bin', '/bin'];

export async function runCredentialHelper(name: string, serverUrl: string, timeoutMs = 10_000): Promise<HelperResult | undefined> {
  if (!HELPER_NAME.test(name)) {
    throw new RegscopeError({ code: 'credential-helper', stage: 'credentials', message: `refused to run credential helper "${name.slice(0, 40)}": not a valid helper name` });
  }
  const program = `docker-credential-${name}`;
  const env = { ...process.env, PATH: [process.env.PATH ?? '', ...EXTRA_PATH].filter(Boolean).join(':') };
  return new Promise((resolve, reject) => {
    const child = spawn(program, ['get'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let overflow = false;
    const fail = (message: string) => reject(new RegscopeError({ code: 'credential-helper', stage: 'credentials', message }));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(`${program} did not answer within ${Math.round(timeoutMs / 1000)} s`);
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stdout.length > MAX_OUTPUT) {
        overflow = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 1024) stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      fail(error.code === 'ENOENT' ? `credential helper ${program} not found on PATH` : `${program} failed to start: ${error.message}`);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (overflow) return fail(`${program} printed more than ${MAX_OUTPUT} bytes`);
      // "credentials not found in native keychain" is the protocol's way of saying "none".
      if (code !== 0) return /not found/i.test(stdout + stderr) ? resolve(undefined) : fail(`${program} exited with status ${code}`);
      try {
        const parsed = JSON.parse(stdout) as { Username?: unknown; Secret?: unknown };
        if (typeof parsed.Username !== 'string' || typeof parsed.Secret !== 'string') return fail(`${program} printed an answer without Username/Secret`);
        resolve({ username: parsed.Username, secret: parsed.Secret });
      } catch {
        fail(`${program} printed something that is not JSON`);
      }
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(serverUrl);
  });
}
