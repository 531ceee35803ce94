import { expect } from 'vitest';
import type { ApiResult, JobStatus } from '../../../shared/api/contract';
import { createApiService, type ApiService } from '../../../electron/core/api/api-service';
import { memoryCredentialStore, type AppCredentialStore } from '../../../electron/core/api/app-credential-store';
import { invokeApi } from '../../../electron/core/api/invoke-api';
import type { RegscopeCore } from '../../../electron/core/regscope-core';

/**
 * The API service the UI talks to, over a core of the hostile world: what the renderer would get
 * for each hostile case (error data, never a stack; job statuses).
 */
export interface ApiHarness {
  readonly service: ApiService & { dispose(): void };
  readonly credentials: AppCredentialStore;
  /** `invokeApi` with untrusted arguments, as the hosts call it. */
  call(method: string, args: unknown): Promise<ApiResult<unknown>>;
  /** Starts a job and polls it until it is no longer running (or `timeoutMs` passes). */
  runJob(args: unknown, timeoutMs: number): Promise<JobStatus>;
}

export function apiFor(core: RegscopeCore, credentials: AppCredentialStore = memoryCredentialStore()): ApiHarness {
  const service = createApiService({ core, credentials, host: 'web', version: 'hostile-test' });
  const call = (method: string, args: unknown) => invokeApi(service, method, args) as Promise<ApiResult<unknown>>;
  return {
    service,
    credentials,
    call,
    async runJob(args, timeoutMs) {
      const started = await call('startJob', args);
      if (!started.ok) throw new Error(`startJob failed: ${started.error.message}`);
      const { jobId } = started.value as { jobId: string };
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const polled = await call('job', { jobId });
        expect(polled.ok).toBe(true);
        const status = (polled as { ok: true; value: JobStatus }).value;
        if (status.state !== 'running' || Date.now() > deadline) return status;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
  };
}
