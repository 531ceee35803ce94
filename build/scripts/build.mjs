// Builds everything `npm start`, the CLI and the packaged app need, into dist/:
//   dist/cli/regscope.mjs      the CLI and web host (one ESM bundle: fast start, no node_modules needed)
//   dist/electron/main.cjs     Electron main process
//   dist/electron/preload.cjs  the preload (one CommonJS file: a sandboxed preload can only require electron)
//   dist/renderer/             the React app (vite)
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';

const only = process.argv[2];
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', legalComments: 'none', logLevel: 'warning' };

async function buildCli() {
  await build({
    ...common,
    entryPoints: ['electron/cli/regscope.ts'],
    outfile: 'dist/cli/regscope.mjs',
    format: 'esm',
    // CommonJS dependencies bundled into ESM still call require(); give them one.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __regscopeRequire } from 'node:module';\nconst require = __regscopeRequire(import.meta.url);" },
    external: ['electron'],
  });
  await chmod('dist/cli/regscope.mjs', 0o755);
}

async function buildElectron() {
  if (!existsSync('electron/main/main.ts')) return;
  await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external: ['electron'] });
  await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'], platform: 'browser', target: 'chrome130' });
}

function buildRenderer() {
  if (!existsSync('renderer/index.html')) return;
  const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!only || only === 'cli') await buildCli();
if (!only || only === 'electron') await buildElectron();
if (!only || only === 'renderer') buildRenderer();
