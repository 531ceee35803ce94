import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { API_CHANNEL } from '../../shared/api/api-methods';
import type { ApiService } from '../core/api/api-service';
import { appMenuTemplate } from './app-menu';
import { deepLinkFromArgv, routeFromDeepLink } from './deep-link';
import { hardenContents, hardenSession, isSafeExternalLink } from './harden-contents';
import { registerApi } from './register-api';
import { safeCredentialStore, type Encryptor } from './safe-credential-store';
import { TrustedSenders } from './trusted-sender';
import { mainWindowOptions, RENDERER_CSP } from './window-options';
import { loadWindowState, saveWindowState } from './window-state';

vi.mock('electron', () => ({}));

const RENDERER = 'file:///opt/regscope/resources/app.asar/dist/renderer/index.html';

describe('window options', () => {
  it('turns on every isolation switch', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({ preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false });
  });

  it('restores saved bounds', () => {
    expect(mainWindowOptions('/p', { x: 10, y: 20, width: 1000, height: 700 })).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 });
  });

  it.each(["script-src 'self'", "object-src 'none'", "frame-src 'none'", "base-uri 'none'", "default-src 'self'"])('the CSP has %s and no unsafe-eval or remote hosts', (directive) => {
    expect(RENDERER_CSP).toContain(directive);
    expect(RENDERER_CSP).not.toContain('unsafe-eval');
    expect(RENDERER_CSP).not.toMatch(/https?:/);
  });
});

function fakeContents() {
  const handlers: Record<string, (event: { preventDefault: () => void }, url: string) => void> = {};
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    contents: {
      on: (name: string, handler: (event: { preventDefault: () => void }, url: string) => void) => (handlers[name] = handler),
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => (openHandler = handler),
    },
    fire(name: string, url: string) {
      const event = { prevented: false, preventDefault() { this.prevented = true; } };
      handlers[name]?.(event, url);
      return event.prevented;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('web contents hardening', () => {
  it.each([
    ['https://evil.example/', true],
    ['file:///etc/passwd', true],
    [`${RENDERER}#/repo/python`, false],
  ])('navigating to %s is prevented: %s', (url, prevented) => {
    const fake = fakeContents();
    hardenContents(fake.contents as never, RENDERER, () => undefined);
    expect(fake.fire('will-navigate', url)).toBe(prevented);
    expect(fake.fire('will-redirect', url)).toBe(prevented);
  });

  it('denies every new window and sends only https links to the OS browser', () => {
    const fake = fakeContents();
    const opened: string[] = [];
    hardenContents(fake.contents as never, RENDERER, (url) => opened.push(url));
    for (const url of ['https://hub.docker.com/_/python', 'javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@evil.example/']) {
      expect(fake.open(url)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://hub.docker.com/_/python']);
    expect(fake.fire('will-attach-webview', 'x')).toBe(true);
  });

  it.each([['https://github.com/x', true], ['http://github.com/x', false], ['regscope://repo/x', false], ['not a url', false]])('%s is a safe external link: %s', (url, safe) => {
    expect(isSafeExternalLink(url)).toBe(safe);
  });

  it('denies permissions and adds the CSP to every response', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    let headers: ((d: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | undefined;
    hardenSession({
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
      webRequest: { onHeadersReceived: (h: typeof headers) => (headers = h) },
    } as never);
    const answers: boolean[] = [];
    request?.(undefined, 'media', (ok) => answers.push(ok));
    request?.(undefined, 'notifications', (ok) => answers.push(ok));
    expect(answers).toEqual([false, false]);
    expect(check?.()).toBe(false);
    let out: Record<string, string[]> = {};
    headers?.({ responseHeaders: { 'content-type': ['text/html'] } }, (r) => (out = r.responseHeaders));
    expect(out['Content-Security-Policy']).toEqual([RENDERER_CSP]);
  });
});

describe('IPC registration', () => {
  function setup() {
    let handler: ((event: unknown, method: unknown, args: unknown) => Promise<unknown>) | undefined;
    const channels: string[] = [];
    const ipcMain = { handle: (channel: string, h: typeof handler) => { channels.push(channel); handler = h; }, removeHandler: vi.fn() };
    const service = { appInfo: vi.fn(async () => ({ version: '1', host: 'electron' })), inspect: vi.fn() } as unknown as ApiService;
    const trusted = new TrustedSenders(RENDERER);
    trusted.add(7);
    const logs: string[] = [];
    registerApi(ipcMain as never, service, trusted, (m) => logs.push(m));
    return { call: (event: unknown, method: unknown, args: unknown) => handler!(event, method, args), channels, service, logs };
  }
  const trustedEvent = { sender: { id: 7 }, senderFrame: { url: `${RENDERER}#/`, parent: null } };

  it('registers exactly one channel', () => {
    expect(setup().channels).toEqual([API_CHANNEL]);
  });

  it('answers a trusted sender', async () => {
    const { call } = setup();
    expect(await call(trustedEvent, 'appInfo', {})).toEqual({ ok: true, value: { version: '1', host: 'electron' } });
  });

  it.each([
    ['another window', { sender: { id: 8 }, senderFrame: { url: RENDERER, parent: null } }],
    ['a subframe', { sender: { id: 7 }, senderFrame: { url: RENDERER, parent: {} } }],
    ['a navigated page', { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['no frame', { sender: { id: 7 }, senderFrame: null }],
  ])('refuses %s without calling the service', async (_label, event) => {
    const { call, service, logs } = setup();
    expect(await call(event, 'inspect', { reference: 'python' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(service.inspect).not.toHaveBeenCalled();
    expect(logs[0]).toContain('untrusted sender');
  });

  it.each([
    ['an unknown method', 'eval', {}, 'unknown method'],
    ['a missing argument', 'inspect', {}, 'reference'],
    ['an extra argument', 'inspect', { reference: 'python', path: '/etc' }, 'invalid arguments'],
    ['a wrong type', 'inspect', { reference: 42 }, 'reference'],
  ])('parses the payload: %s is invalid-argument', async (_label, method, args, text) => {
    const { call, service } = setup();
    const result = (await call(trustedEvent, method, args)) as { ok: boolean; error: { code: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('invalid-argument');
    expect(result.error.message).toContain(text);
    expect(service.inspect).not.toHaveBeenCalled();
  });
});

describe('saved credentials', () => {
  const rot13: Encryptor = {
    isEncryptionAvailable: () => true,
    encryptString: (plain) => Buffer.from(plain.replace(/[a-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - 97 + 13) % 26) + 97)), 'utf8').reverse(),
    decryptString: (cipher) => Buffer.from(cipher).reverse().toString('utf8').replace(/[a-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - 97 + 13) % 26) + 97)),
    getSelectedStorageBackend: () => 'gnome_libsecret',
  };

  it('stores only ciphertext on disk and lists names only', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'regscope-creds-')), 'credentials.json');
    const store = safeCredentialStore(path, rot13, () => undefined);
    await store.save('ghcr.io', 'octocat', 'supersecretpassword');
    expect(readFileSync(path, 'utf8')).not.toContain('supersecretpassword');
    expect(await store.list()).toEqual([{ registry: 'ghcr.io', username: 'octocat', source: 'regscope' }]);
    // A fresh store (next launch) decrypts it.
    expect(await safeCredentialStore(path, rot13, () => undefined).get('ghcr.io')).toMatchObject({ username: 'octocat', password: 'supersecretpassword' });
    await store.remove('ghcr.io');
    expect(await safeCredentialStore(path, rot13, () => undefined).get('ghcr.io')).toBeUndefined();
  });

  it('with only basic_text protection, keeps the login for the session and writes nothing', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'regscope-creds-')), 'credentials.json');
    const warnings: string[] = [];
    const store = safeCredentialStore(path, { ...rot13, getSelectedStorageBackend: () => 'basic_text' }, (m) => warnings.push(m));
    await store.save('ghcr.io', 'octocat', 'pw');
    expect(await store.get('ghcr.io')).toMatchObject({ password: 'pw' });
    expect(() => readFileSync(path)).toThrow();
    expect(warnings[0]).toContain('no OS keyring');
  });
});

describe('deep links, window state and menu', () => {
  it.each([
    ['regscope://repo/python', '#/repo/python'],
    ['regscope://image/ghcr.io/acme/app:1', '#/image/ghcr.io/acme/app:1'],
    ['regscope://compare/python:3.12?platforms=linux/amd64,linux/arm64/v8', '#/compare/python:3.12?platforms=linux/amd64,linux/arm64/v8'],
    ['regscope://settings/x', undefined],
    ['regscope://image/<script>', undefined],
    ['https://evil/', undefined],
    ['regscope://repo/', undefined],
  ])('%s → %s', (link, route) => {
    expect(routeFromDeepLink(link)).toBe(route);
  });

  it('finds the link among command-line arguments', () => {
    expect(deepLinkFromArgv(['/usr/bin/regscope', '--flag', 'regscope://repo/python'])).toBe('regscope://repo/python');
  });

  it('restores saved bounds on a visible screen and ignores garbage', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'regscope-window-'));
    const path = join(dir, 'state.json');
    const screens = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    await saveWindowState(path, { x: 100, y: 100, width: 1200, height: 800 });
    expect(await loadWindowState(path, screens)).toEqual({ x: 100, y: 100, width: 1200, height: 800 });
    await saveWindowState(path, { x: 5000, y: 5000, width: 1200, height: 800 });
    expect(await loadWindowState(path, screens)).toEqual({ width: 1200, height: 800 });
    writeFileSync(path, '{"x": "left"');
    expect(await loadWindowState(path, screens)).toBeUndefined();
  });

  it('the menu navigates through routes', () => {
    const routes: string[] = [];
    const template = appMenuTemplate({ isMac: false, navigate: (r) => routes.push(r), openAbout: () => undefined });
    const file = template.find((item) => item.label === 'File');
    const open = (file?.submenu as Array<{ label?: string; click?: () => void }>).find((item) => item.label === 'Open Reference…');
    open?.click?.();
    expect(routes).toEqual(['#/']);
  });
});

describe('printToPdf in the desktop host', () => {
  it('returns the window PDF as base64 with a safe file name', async () => {
    const { createApiService } = await import('../core/api/api-service');
    const { memoryCredentialStore } = await import('../core/api/app-credential-store');
    const service = createApiService({ core: {} as never, credentials: memoryCredentialStore(), host: 'electron', version: 't', printToPdf: async () => Buffer.from('%PDF-1.7') });
    expect(await service.printToPdf({ fileName: '../etc/python:3.12' })).toEqual({ base64: Buffer.from('%PDF-1.7').toString('base64'), fileName: 'etc_python_3.12.pdf', mimeType: 'application/pdf' });
  });
});
