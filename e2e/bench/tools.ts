import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Tools } from './bench-context';

/** Debian's Chromium binary (not the /usr/bin wrapper, which prints noise); never a download. */
export const CHROMIUM = '/usr/lib/chromium/chromium';

function onPath(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Which tools this machine has. */
export function findTools(): Tools {
  return { skopeo: onPath('skopeo'), curl: onPath('curl'), chromium: existsSync(CHROMIUM) };
}

/** One line per missing tool, saying what it skips. */
export function missingToolLines(tools: Tools): string[] {
  const lines: string[] = [];
  if (!tools.skopeo) lines.push('skopeo not found: the skopeo + curl baselines are skipped');
  if (!tools.curl) lines.push('curl not found: the curl baselines (and skopeo + curl) are skipped');
  if (!tools.chromium) lines.push(`${CHROMIUM} not found: the UI benchmark is skipped`);
  return lines;
}
