import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** What the suite runs: the CLI bundle (web host) and the built renderer it serves. */
const REQUIRED = ['dist/cli/regscope.mjs', 'dist/renderer/index.html'] as const;

/**
 * Builds the app when a required output is missing. A present build is used as it is (rebuilding on
 * every run would cost ~10 s); run `npm run build` after changing the sources.
 */
export function ensureBuild(root: string): void {
  const missing = REQUIRED.filter((file) => !existsSync(join(root, file)));
  if (missing.length === 0) return;
  console.log(`[e2e] ${missing.join(', ')} missing: building`);
  const result = spawnSync(process.execPath, ['build/scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`build/scripts/build.mjs failed (exit ${String(result.status)})`);
  const still = REQUIRED.filter((file) => !existsSync(join(root, file)));
  if (still.length > 0) throw new Error(`the build did not produce ${still.join(', ')}`);
}
