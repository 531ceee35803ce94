import type { RegscopeApi } from '../../shared/api/contract';

/**
 * What the Electron preload exposes on `window`: the named API methods, never a raw channel. The web
 * host has no preload, so the property is missing there and the HTTP client takes over.
 */
declare global {
  interface Window {
    readonly regscope?: RegscopeApi;
  }
}

export {};
