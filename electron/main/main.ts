/**
 * The Electron main process: the desktop host of the core. It owns the window and the IPC
 * registration; everything registry-related happens in electron/core, which never imports Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, screen, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../package.json';
import { createApiService } from '../core/api/api-service';
import { firstOf } from '../core/credentials/credential';
import { dockerConfigPath, dockerConfigSource, listDockerLogins } from '../core/credentials/docker-config';
import { openDiskCache } from '../core/cache/disk-cache';
import { RegscopeCore } from '../core/regscope-core';
import { appMenuTemplate } from './app-menu';
import { deepLinkFromArgv, routeFromDeepLink } from './deep-link';
import { hardenContents, hardenSession } from './harden-contents';
import { registerApi } from './register-api';
import { safeCredentialStore } from './safe-credential-store';
import { TrustedSenders } from './trusted-sender';
import { mainWindowOptions } from './window-options';
import { loadWindowState, saveWindowState } from './window-state';

const rendererIndex = join(__dirname, '..', 'renderer', 'index.html');
const rendererUrlPrefix = pathToFileURL(rendererIndex).href;
const log = (message: string) => process.stderr.write(`regscope: ${message}\n`);
let mainWindow: BrowserWindow | undefined;
let pendingRoute = routeFromDeepLink(deepLinkFromArgv(process.argv) ?? '');

function navigate(route: string): void {
  if (!mainWindow) {
    pendingRoute = route;
    return;
  }
  void mainWindow.loadFile(rendererIndex, { hash: route.replace(/^#/, '') });
  mainWindow.show();
  mainWindow.focus();
}

async function createWindow(trusted: TrustedSenders): Promise<void> {
  const statePath = join(app.getPath('userData'), 'window-state.json');
  const bounds = await loadWindowState(statePath, screen.getAllDisplays().map((d) => d.workArea));
  const window = new BrowserWindow(mainWindowOptions(join(__dirname, 'preload.cjs'), bounds));
  mainWindow = window;
  trusted.add(window.webContents.id);
  hardenContents(window.webContents, rendererUrlPrefix, (url) => void shell.openExternal(url));
  window.once('ready-to-show', () => window.show());
  window.on('close', () => void saveWindowState(statePath, window.getBounds()).catch(() => undefined));
  window.on('closed', () => {
    trusted.remove(window.webContents.id);
    mainWindow = undefined;
  });
  await window.loadFile(rendererIndex, pendingRoute ? { hash: pendingRoute.replace(/^#/, '') } : {});
  pendingRoute = undefined;
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.setAsDefaultProtocolClient('regscope');
  app.on('second-instance', (_event, argv) => {
    const route = routeFromDeepLink(deepLinkFromArgv(argv) ?? '');
    navigate(route ?? '#/');
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const route = routeFromDeepLink(url);
    if (route) navigate(route);
  });
  await app.whenReady();
  hardenSession((await import('electron')).session.defaultSession);

  const saved = safeCredentialStore(join(app.getPath('userData'), 'credentials.json'), safeStorage, log);
  const mirror = process.env.REGSCOPE_MIRROR;
  const core = new RegscopeCore({
    ...(mirror ? { mirror } : {}),
    credentials: firstOf([saved, dockerConfigSource(dockerConfigPath(), log)]),
    userAgent: `regscope/${version}`,
    warn: log,
    cache: openDiskCache(join(app.getPath('userData'), 'cache'), { warn: log }),
  });
  const service = createApiService({
    core,
    credentials: saved,
    dockerLogins: () => listDockerLogins(dockerConfigPath()),
    host: 'electron',
    version,
    ...(mirror ? { mirror } : {}),
    printToPdf: async () => {
      if (!mainWindow) throw new Error('no window to print');
      return mainWindow.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    },
  });
  const trusted = new TrustedSenders(rendererUrlPrefix);
  registerApi(ipcMain, service, trusted, log);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({
        isMac: process.platform === 'darwin',
        navigate,
        openAbout: () => void dialog.showMessageBox({ message: `regscope ${version}`, detail: 'Look inside container images in any registry.' }),
      }),
    ),
  );
  await createWindow(trusted);
  app.on('activate', () => {
    if (!mainWindow) void createWindow(trusted);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => {
    service.dispose();
    void core.close();
  });
}

void start().catch((error: unknown) => {
  log(`failed to start: ${error instanceof Error ? error.message : String(error)}`);
  app.exit(1);
});
