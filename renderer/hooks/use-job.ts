import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { JobStatus, RegscopeApi } from '../../shared/api/contract';
import { useApi } from '../api/ApiProvider';
import { unwrap } from './unwrap';

/** How often a running job is polled. */
export const JOB_POLL_MS = 250;

/** True while a job can still make progress. */
export function isRunning(job: JobStatus | undefined): boolean {
  return job?.state === 'running';
}

/** Polls a job every 250 ms until it is no longer running. */
export function useJobStatus(jobId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['job', jobId],
    queryFn: () => unwrap(() => api.job({ jobId: jobId as string })),
    enabled: jobId !== undefined,
    refetchInterval: (query) => (query.state.data === undefined || isRunning(query.state.data) ? JOB_POLL_MS : false),
    staleTime: 0,
    gcTime: 60_000,
    retry: false,
  });
}

/** Cancels a job; the answer (what it finished) replaces the polled status. */
export function useCancelJob() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => unwrap(() => api.cancelJob({ jobId })),
    onSuccess: (status) => client.setQueryData(['job', status.jobId], status),
  });
}

// Cancels scheduled by an unmount, by job id. React (StrictMode in development) unmounts and mounts
// again at once; the remount takes the cancel back, a real departure lets it run.
const pendingCancels = new Map<string, ReturnType<typeof setTimeout>>();

/** Cancels `jobId` when the component that started it goes away (its result would be lost). */
export function useCancelOnLeave(jobId: string | undefined, api: RegscopeApi): void {
  useEffect(() => {
    if (jobId === undefined) return undefined;
    const pending = pendingCancels.get(jobId);
    if (pending !== undefined) clearTimeout(pending);
    pendingCancels.delete(jobId);
    return () => {
      pendingCancels.set(
        jobId,
        setTimeout(() => {
          pendingCancels.delete(jobId);
          // Cancelling a finished job is a no-op on the host; an expired one answers not-found.
          void api.cancelJob({ jobId }).catch(() => undefined);
        }, 0),
      );
    };
  }, [jobId, api]);
}
