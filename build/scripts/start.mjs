// `npm start`: the desktop app where the Electron binary is installed; where it is not (CI machines,
// servers, this project's sandbox), say so and serve the same UI with `regscope serve`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

if (!existsSync('dist/cli/regscope.mjs') || !existsSync('dist/renderer/index.html') || !existsSync('dist/electron/main.cjs')) {
  const built = spawnSync(process.execPath, ['build/scripts/build.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/** The Electron executable, found without require('electron') (which would try to download it). */
function electronBinary() {
  const pathFile = join('node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join('node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
const extra = process.argv.slice(2);
if (binary) {
  const child = spawn(binary, ['.', ...extra], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.error('regscope: the Electron binary is not installed here (node_modules/electron has no dist/), so the desktop window cannot open.');
  console.error('regscope: serving the same UI instead; open the URL below in a browser (Ctrl+C stops it).');
  const child = spawn(process.execPath, ['dist/cli/regscope.mjs', 'serve', ...extra], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
