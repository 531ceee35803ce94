import type { FileHandle } from 'node:fs/promises';
import { nodeFileSystem, type CacheFileSystem } from '../file-ops';

/** A Node-style system error. */
export function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/**
 * The real file system with one kind of failure switched on, to reach the errors a test cannot
 * cause on a real disk (ENOSPC, EROFS, or EACCES when running as root).
 */
export function faultyFileSystem(fault: { readonly code: string; readonly on: 'write' | 'create' | 'read' | 'list' }): CacheFileSystem {
  return {
    ...nodeFileSystem,
    async open(...args: Parameters<CacheFileSystem['open']>) {
      const [path, flags] = args;
      const creating = flags === 'wx';
      if (fault.on === 'create' && creating) throw systemError(fault.code);
      // Entries only: VERSION reads fine, so the failure hits a cache that opened normally.
      if (fault.on === 'read' && !creating && /[/\\](blobs|facts|tags)[/\\]/.test(String(path))) throw systemError(fault.code);
      const handle = await nodeFileSystem.open(...args);
      if (fault.on !== 'write' || !creating) return handle;
      // The temporary file exists, as on a real full disk, but no byte makes it in.
      return new Proxy(handle, {
        get(target, property, receiver) {
          if (property === 'writeFile' || property === 'write') return async () => Promise.reject(systemError(fault.code));
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }) satisfies FileHandle;
    },
    async readdir(...args: Parameters<CacheFileSystem['readdir']>) {
      if (fault.on === 'list') throw systemError(fault.code);
      return nodeFileSystem.readdir(...args);
    },
  } as CacheFileSystem;
}
