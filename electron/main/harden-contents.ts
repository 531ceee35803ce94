import type { Session, WebContents } from 'electron';
import { RENDERER_CSP } from './window-options';

/**
 * What the window may do besides showing our own page: nothing.
 * - navigation away from the renderer is cancelled (in-page hash routes are not navigation);
 * - new windows are denied; an https link is handed to the OS browser instead;
 * - `<webview>` cannot be attached;
 * - every permission request and check is denied (camera, notifications, clipboard-read, …);
 * - every response gets the strict CSP.
 */
export function isAllowedNavigation(url: string, rendererUrlPrefix: string): boolean {
  return url.startsWith(rendererUrlPrefix);
}

/** Only plain https links leave the app (no `file:`, `javascript:`, custom schemes). */
export function isSafeExternalLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

export function hardenContents(contents: WebContents, rendererUrlPrefix: string, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, rendererUrlPrefix)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, rendererUrlPrefix)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalLink(url)) openExternal(url);
    return { action: 'deny' };
  });
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });
}
