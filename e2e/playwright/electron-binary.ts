import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the Electron binary is, or why there is none. */
export type ElectronBinary = { readonly found: true; readonly path: string } | { readonly found: false; readonly reason: string };

/**
 * Finds the Electron binary the `electron` package installed, without `require('electron')`:
 * that call downloads the binary when it is missing, and this machine has no network for it.
 * The package writes the binary's path, relative to its `dist/`, into `path.txt`;
 * `ELECTRON_OVERRIDE_DIST_PATH` names another `dist/`, as the package itself honours.
 */
export function findElectronBinary(root: string): ElectronBinary {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { found: false, reason: `${pathFile} does not exist (the postinstall download did not run)` };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? join(packageDir, 'dist');
  const binary = join(distDir, relative);
  if (!existsSync(binary)) return { found: false, reason: `${binary} (named by path.txt) does not exist` };
  return { found: true, path: binary };
}
