import { runProcess, type ProcessResult } from './proc';

/** The bundled CLI, as a user runs it. */
export const CLI = 'dist/cli/regscope.mjs';

/**
 * A clean environment: `home` (an empty folder) as HOME (the developer's ~/.docker/config.json and credential helpers
 * must neither leak in nor cost time) and no REGSCOPE_* settings.
 */
export function cleanEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('REGSCOPE_') || key === 'DOCKER_CONFIG' || key.startsWith('XDG_') || key.startsWith('NODE_')) continue;
    env[key] = value;
  }
  return { ...env, HOME: home };
}

/** Runs `node dist/cli/regscope.mjs ...args` from the repo root; rejects on a non-zero exit. */
export function regscope(root: string, args: readonly string[], env: NodeJS.ProcessEnv, nodeArgs: readonly string[] = []): Promise<ProcessResult> {
  return runProcess(process.execPath, [...nodeArgs, CLI, ...args], { cwd: root, env, timeoutMs: 120_000, discardStdout: true });
}
