import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

/** A child process started by the harness, with its combined output in `logFile`. */
export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  readonly exited: Promise<number | string>;
  /** True once the process has ended. */
  hasExited(): boolean;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** If the test process ends without `stop()`, its servers must not outlive it. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of live) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

/** The last `lines` lines of a log file, for error messages. */
export function logTail(logFile: string, lines = 20): string {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** The children of one harness start: spawned together, stopped together. */
export class ProcessGroup {
  private readonly children: { process: ManagedProcess; child: ChildProcess }[] = [];

  /** Starts `command` with stdout and stderr appended to `logFile`. */
  spawn(name: string, command: string, args: readonly string[], logFile: string, env?: NodeJS.ProcessEnv): ManagedProcess {
    installExitHook();
    const fd = openSync(logFile, 'a');
    const child = spawn(command, args, { stdio: ['ignore', fd, fd], env: env ?? process.env });
    closeSync(fd);
    if (child.pid === undefined) throw new Error(`could not start ${name} (${command})`);
    live.add(child);
    let ended = false;
    const exited = new Promise<number | string>((resolve) => {
      child.once('exit', (code, signal) => {
        ended = true;
        live.delete(child);
        resolve(code ?? signal ?? 'unknown');
      });
      child.once('error', (error) => {
        ended = true;
        live.delete(child);
        resolve(error.message);
      });
    });
    const managed: ManagedProcess = { name, pid: child.pid, logFile, exited, hasExited: () => ended };
    this.children.push({ process: managed, child });
    return managed;
  }

  /** Process ids of every child still running. */
  pids(): number[] {
    return this.children.filter((c) => !c.process.hasExited()).map((c) => c.process.pid);
  }

  /** SIGTERM to every child, then SIGKILL to those still running after `graceMs`. */
  async stopAll(graceMs = 3000): Promise<void> {
    const running = this.children.filter((c) => !c.process.hasExited());
    for (const { child } of running) child.kill('SIGTERM');
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
    await Promise.race([Promise.all(running.map((c) => c.process.exited)), timeout]);
    for (const { process: managed, child } of running) {
      if (!managed.hasExited()) child.kill('SIGKILL');
    }
    await Promise.all(running.map((c) => c.process.exited));
  }
}
