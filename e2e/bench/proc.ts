import { spawn } from 'node:child_process';

/** What a finished child process left behind. */
export interface ProcessResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Spawn to exit, in ms: what a user waiting on the command feels. */
  readonly ms: number;
}

/** Options of `runProcess`. */
export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Kill the child after this long (a hung registry must not hang the benchmark). */
  readonly timeoutMs?: number;
  /** Resolve even on a non-zero exit (the caller looks at `code`). */
  readonly allowFailure?: boolean;
  /** Drop stdout instead of collecting it (big reports would only cost memory and time). */
  readonly discardStdout?: boolean;
}

/**
 * Runs `command` to completion and times it. A non-zero exit rejects with its stderr, because a
 * benchmark run that failed would otherwise be reported as a fast one.
 */
export function runProcess(command: string, args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', options.discardStdout ? 'ignore' : 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      const ms = performance.now() - start;
      clearTimeout(timer);
      const result = { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms };
      if (code === 0 || options.allowFailure) resolve(result);
      else reject(new Error(`${command} ${args.join(' ').slice(0, 300)} exited ${String(code ?? signal)}: ${result.stderr.slice(0, 600)}`));
    });
  });
}
