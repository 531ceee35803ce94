// `npm run bench`: the benchmarks of e2e/bench/ (not part of the tests).
//   1. checks the tools: the registry harness needs docker-registry, nginx and htpasswd; skopeo,
//      curl and Chromium are baselines/drivers, and a missing one skips what needs it (said below);
//   2. builds what is stale (the CLI bundle and the renderer: benchmarking an old build lies);
//   3. bundles e2e/bench/run-bench.ts with esbuild (node cannot run the extensionless TS imports)
//      into .cache/bench/ and runs it there (inside the repo, so playwright-core resolves).
// Options: --quick (fewer runs, a smoke test of the benchmark), --only one-tag,all-tags,warm,ui,rss
// (results.md is then left alone unless --write), --renderer DIR (the UI benchmark serves another
// renderer build: A/B of a UI change without touching dist/).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const env = { ...process.env, BENCH_ROOT: root };
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--quick') env.BENCH_QUICK = '1';
  else if (args[i] === '--write') env.BENCH_WRITE = '1';
  else if (args[i] === '--only' && args[i + 1]) env.BENCH_ONLY = args[++i];
  else if (args[i] === '--renderer' && args[i + 1]) env.BENCH_RENDERER_DIR = args[++i];
  else {
    console.error(`bench: unknown argument ${args[i]} (use --quick, --only LIST, --write, --renderer DIR)`);
    process.exit(2);
  }
}

const onPath = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
const required = { '/usr/bin/docker-registry': existsSync('/usr/bin/docker-registry'), '/usr/sbin/nginx': existsSync('/usr/sbin/nginx'), htpasswd: onPath('htpasswd') };
const missingRequired = Object.entries(required).filter(([, ok]) => !ok).map(([name]) => name);
if (missingRequired.length > 0) {
  console.error(`bench: the test registry harness needs ${missingRequired.join(', ')} (see e2e/registry/README.md); nothing was run`);
  process.exit(1);
}
const optional = [
  ['skopeo', onPath('skopeo'), 'the skopeo + curl baselines (one tag, whole repository) are skipped'],
  ['curl', onPath('curl'), 'the curl baselines (skopeo + curl, curl with reuse) are skipped'],
  ['chromium (/usr/lib/chromium/chromium)', existsSync('/usr/lib/chromium/chromium'), 'the UI benchmark is skipped'],
];
for (const [name, ok, skips] of optional) console.error(ok ? `bench: found ${name}` : `bench: ${name} NOT FOUND: ${skips}`);

/** Newest mtime under `paths` (files or folders; tests and node_modules ignored). */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const info = statSync(path);
    if (info.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'node_modules' && !name.includes('.test.')) visit(join(path, name));
    } else latest = Math.max(latest, info.mtimeMs);
  };
  for (const path of paths) visit(join(root, path));
  return latest;
}
const stale = (output, inputs) => !existsSync(join(root, output)) || statSync(join(root, output)).mtimeMs < newest(inputs);
const runBuild = (target) => {
  console.error(`bench: building ${target} (missing or older than its sources)`);
  const result = spawnSync(process.execPath, ['build/scripts/build.mjs', target], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
if (stale('dist/cli/regscope.mjs', ['electron/cli', 'electron/core', 'electron/web-host', 'shared', 'package.json'])) runBuild('cli');
if (stale('dist/renderer/index.html', ['renderer', 'shared', 'vite.config.ts'])) runBuild('renderer');

const outfile = join(root, '.cache/bench/run-bench.mjs');
await build({
  entryPoints: [join(root, 'e2e/bench/run-bench.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  sourcemap: 'inline',
  // playwright-core loads its own files at run time: resolved from node_modules, not bundled.
  external: ['playwright-core'],
  // CommonJS dependencies (undici) bundled into ESM still call require(): give them one.
  banner: { js: "import { createRequire as __benchRequire } from 'node:module';\nconst require = __benchRequire(import.meta.url);" },
});
const result = spawnSync(process.execPath, ['--enable-source-maps', outfile], { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
