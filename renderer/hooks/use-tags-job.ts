import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useApi } from '../api/ApiProvider';
import { useCancelJob, useCancelOnLeave, useJobStatus } from './use-job';
import { unwrap } from './unwrap';

/**
 * The tag browser's job: lists every tag of `repository`, polled until done. Started once per
 * visit (and again on `restart`); cancelled when the browser is left.
 */
export function useTagsJob(repository: string) {
  const api = useApi();
  const [attempt, setAttempt] = useState(0);
  const started = useQuery({
    // gcTime 0: leaving and coming back lists the tags afresh, as a reload would.
    queryKey: ['startJob', 'tags', repository, attempt],
    queryFn: () => unwrap(() => api.startJob({ kind: 'tags', repository })),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  const jobId = started.data?.jobId;
  const status = useJobStatus(jobId);
  const cancelJob = useCancelJob();
  useCancelOnLeave(jobId, api);
  const cancel = useCallback(() => {
    if (jobId !== undefined) cancelJob.mutate(jobId);
  }, [cancelJob, jobId]);
  const restart = useCallback(() => setAttempt((n) => n + 1), []);
  return {
    job: status.data,
    error: started.error ?? status.error ?? cancelJob.error ?? undefined,
    cancel,
    restart,
  };
}
