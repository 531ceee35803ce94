import { spawn } from 'node:child_process';

/** A detached watcher that cleans up if the test process dies without running `stop()`. */
export interface OrphanWatchdog {
  /** Ends the watchdog (normal shutdown: the harness cleans up itself). */
  stop(): void;
}

/**
 * Starts a tiny detached shell that polls this process; once it is gone (even by SIGKILL, when no
 * exit hook runs), it sends SIGTERM then SIGKILL to the harness children listed one per line in
 * `pidFile`, and removes `tempDir`.
 */
export function startOrphanWatchdog(pidFile: string, tempDir: string): OrphanWatchdog {
  const script = [
    'parent=$1; pids=$2; dir=$3',
    'while kill -0 "$parent" 2>/dev/null; do sleep 1; done',
    'for p in $(cat "$pids" 2>/dev/null); do kill -TERM "$p" 2>/dev/null; done',
    'sleep 2',
    'for p in $(cat "$pids" 2>/dev/null); do kill -KILL "$p" 2>/dev/null; done',
    'rm -rf "$dir"',
  ].join('\n');
  const child = spawn('sh', ['-c', script, 'regscope-watchdog', String(process.pid), pidFile, tempDir], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return {
    stop: () => {
      if (child.exitCode === null && child.pid !== undefined) {
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    },
  };
}
