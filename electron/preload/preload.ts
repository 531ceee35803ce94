/**
 * The preload: the only bridge between the sandboxed page and the main process.
 *
 * It exposes `window.regscope` with one named async function per API method and nothing else: no
 * `ipcRenderer`, no channel names, no `send`/`on`. Main checks the sender and parses every payload,
 * so a compromised page can only call the API it already had.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL, API_METHOD_NAMES } from '../../shared/api/api-methods';

/** Builds the object exposed to the page (exported for the surface test). */
export function buildBridge(invoke: (channel: string, method: string, args: unknown) => Promise<unknown>): Readonly<Record<string, (args?: unknown) => Promise<unknown>>> {
  const bridge: Record<string, (args?: unknown) => Promise<unknown>> = {};
  for (const method of API_METHOD_NAMES) {
    bridge[method] = (args?: unknown) => invoke(API_CHANNEL, method, args ?? {});
  }
  return Object.freeze(bridge);
}

contextBridge.exposeInMainWorld('regscope', buildBridge((channel, method, args) => ipcRenderer.invoke(channel, method, args)));
