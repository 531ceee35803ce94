import type { RegscopeApi } from '../../shared/api/contract';
import { createHttpApi } from './http-api';

let cached: RegscopeApi | undefined;

/**
 * The API of the host this page runs in: the Electron preload's `window.regscope` when present,
 * else the web host over HTTP. Resolved once per page.
 */
export function getApi(): RegscopeApi {
  cached ??= window.regscope ?? createHttpApi();
  return cached;
}
