import { _electron, type ElectronApplication } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { API_METHOD_NAMES } from '../../shared/api/api-methods';
import { findElectronBinary } from '../playwright/electron-binary';
import { expect, test } from '../playwright/fixtures';

const ROOT = resolve(process.cwd());
const MAIN = join(ROOT, 'dist', 'electron', 'main.cjs');

/** The environment of the app: a fresh HOME (its userData, cache and logins) and the test mirror. */
function appEnv(home: string, mirror: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('REGSCOPE_') && key !== 'DOCKER_CONFIG' && !key.startsWith('XDG_') && !key.startsWith('ELECTRON_RUN_AS_NODE')) env[key] = value;
  }
  return { ...env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache'), REGSCOPE_MIRROR: mirror };
}

/** Chromium flags: no sandbox as root in a container, and no display server needed when there is none. */
function electronFlags(): string[] {
  const flags = ['--no-sandbox', '--disable-gpu'];
  if (process.env['DISPLAY'] === undefined && process.env['WAYLAND_DISPLAY'] === undefined) flags.push('--ozone-platform=headless');
  return flags;
}

test.describe('the desktop app (Electron)', () => {
  const binary = findElectronBinary(ROOT);
  test.skip(!binary.found, `Electron binary not installed (${binary.found ? '' : binary.reason}): the _electron tests run where it is`);

  let app: ElectronApplication | undefined;
  let home: string | undefined;
  test.afterEach(async () => {
    await app?.close();
    app = undefined;
    if (home !== undefined) await rm(home, { recursive: true, force: true });
  });

  test('opens its window with the sandboxed renderer and exactly the API of the contract', async ({ e2e }) => {
    if (!binary.found) return;
    expect(existsSync(MAIN), `${MAIN} is built by build/scripts/build.mjs`).toBe(true);
    home = await mkdtemp(join(tmpdir(), 'regscope-electron-'));
    app = await _electron.launch({ executablePath: binary.path, args: [...electronFlags(), MAIN], env: appEnv(home, e2e.registries.anon.url), cwd: ROOT, timeout: 30_000 });
    const page = await app.firstWindow();
    await expect(page.locator('.app[data-app-state]')).toHaveAttribute('data-app-state', /^(loading|ready)$/);
    await expect(page.locator('.app')).toHaveAttribute('data-app-state', 'ready');

    // The preload exposes one function per API method, and nothing of Node reaches the page.
    const exposed = await page.evaluate(() => {
      const api = (window as unknown as { regscope?: Record<string, unknown> }).regscope;
      return api === undefined ? null : Object.keys(api).map((key) => ({ key, type: typeof api[key] }));
    });
    expect(exposed?.map((entry) => entry.key).sort()).toEqual([...API_METHOD_NAMES].sort());
    expect(exposed?.every((entry) => entry.type === 'function')).toBe(true);
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');

    // The same UI over IPC: open a real image from the test registry (Docker Hub names go to the mirror).
    await page.evaluate(() => {
      window.location.hash = '#/image/python:3.11';
    });
    await expect(page.locator('.app')).toHaveAttribute('data-app-state', /^(ready|error)$/, { timeout: 20_000 });
    await expect(page.locator('.app')).toHaveAttribute('data-app-state', 'ready');
    await expect(page.getByTestId('platform-chip')).toHaveCount(6);
  });
});
