import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The packaging config, checked two ways: its security settings, and a real electron-builder `--dir`
 * run. The Electron binary cannot be downloaded here, so the run uses a stub Electron folder and
 * leaves out the fuses (flipping them needs the real binary); everything else is the real config.
 */
const root = fileURLToPath(new URL('../', import.meta.url));
const config = JSON.parse(readFileSync(join(root, 'build/electron-builder.json'), 'utf8')) as Record<string, unknown> & { electronFuses: Record<string, boolean>; linux: { target: string[] }; mac: { target: string[] }; win: { target: string[] }; files: string[] };

describe('electron-builder config', () => {
  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['onlyLoadAppFromAsar', true],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['enableCookieEncryption', true],
    ['grantFileProtocolExtraPrivileges', false],
  ])('fuse %s is %s', (fuse, value) => {
    expect(config.electronFuses[fuse]).toBe(value);
  });

  it('targets Linux AppImage and deb, macOS dmg and Windows nsis, and registers regscope://', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.protocols).toEqual([{ name: 'regscope', schemes: ['regscope'] }]);
  });

  it('packages the built app into app.asar (--dir with a stub Electron)', { timeout: 120_000 }, () => {
    expect(spawnSync(process.execPath, ['build/scripts/build.mjs'], { cwd: root, stdio: 'ignore' }).status).toBe(0);
    const stub = mkdtempSync(join(tmpdir(), 'regscope-electron-stub-'));
    writeFileSync(join(stub, 'electron'), '#!/bin/sh\necho stub\n');
    chmodSync(join(stub, 'electron'), 0o755);
    writeFileSync(join(stub, 'version'), '45.4.1');
    writeFileSync(join(stub, 'LICENSE'), '');
    const out = mkdtempSync(join(tmpdir(), 'regscope-package-'));
    const script = `
      const { build, Platform } = require('electron-builder');
      const config = require(${JSON.stringify(join(root, 'build/electron-builder.json'))});
      delete config.electronFuses;
      build({ projectDir: ${JSON.stringify(root)}, targets: Platform.LINUX.createTarget('dir'),
        config: { ...config, electronDist: ${JSON.stringify(stub)}, electronVersion: '45.4.1', directories: { ...config.directories, output: ${JSON.stringify(out)} } } })
        .then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); });`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const asar = join(out, 'linux-unpacked/resources/app.asar');
    expect(existsSync(asar)).toBe(true);
    const list = spawnSync(process.execPath, [join(root, 'node_modules/@electron/asar/bin/asar.js'), 'list', asar], { encoding: 'utf8' }).stdout.split('\n');
    expect(list).toEqual(expect.arrayContaining(['/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html', '/package.json']));
    // Sources, tests and maps stay out of the package.
    expect(list.filter((entry) => /\.(ts|tsx|map)$/.test(entry) || entry.includes('node_modules'))).toEqual([]);
  });
});
