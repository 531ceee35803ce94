import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_CHANNEL } from '../../shared/api/api-methods';
import type { ApiResult } from '../../shared/api/contract';
import type { ApiService } from '../core/api/api-service';
import { invokeApi } from '../core/api/invoke-api';
import type { TrustedSenders } from './trusted-sender';

/**
 * Registers the whole API on one IPC channel through one generic handler: sender check first, then
 * the contract's argument parsing (inside invokeApi), then the service. Nothing else is registered.
 */
export function registerApi(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, service: ApiService, trusted: TrustedSenders, log: (message: string) => void): () => void {
  ipcMain.handle(API_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, args: unknown): Promise<ApiResult<unknown>> => {
    if (!trusted.isTrusted(event)) {
      log(`refused an API call from an untrusted sender (${event.senderFrame?.url.slice(0, 80) ?? 'no frame'})`);
      return { ok: false, error: { code: 'forbidden', stage: 'request', message: 'this page may not use the regscope API' } };
    }
    return invokeApi(service, method, args, (error) => log(`internal error in ${String(method)}: ${error instanceof Error ? error.message : String(error)}`));
  });
  return () => ipcMain.removeHandler(API_CHANNEL);
}
