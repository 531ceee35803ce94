import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiArgs, ExportedReport } from '../../shared/api/contract';
import { useApi } from '../api/ApiProvider';
import { useCancelJob, useCancelOnLeave, useJobStatus } from './use-job';
import { unwrap } from './unwrap';

/** Arguments of an export-repository job. */
export type ExportJobArgs = Omit<Extract<ApiArgs<'startJob'>, { kind: 'export-repository' }>, 'kind'>;

/**
 * A whole-repository export (`tag-details.md`): start, poll, cancel, and `onFinished` once with
 * the result (also after cancel, with what was finished).
 */
export function useExportJob(onFinished: (report: ExportedReport) => void) {
  const api = useApi();
  const [jobId, setJobId] = useState<string>();
  const start = useMutation({
    mutationFn: (args: ExportJobArgs) => unwrap(() => api.startJob({ kind: 'export-repository', ...args })),
    onSuccess: ({ jobId: id }) => setJobId(id),
  });
  const status = useJobStatus(jobId);
  const cancelJob = useCancelJob();
  useCancelOnLeave(jobId, api);
  const job = status.data;
  const delivered = useRef<string>(undefined);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  useEffect(() => {
    if (job === undefined || job.state === 'running' || job.export === undefined || delivered.current === job.jobId) return;
    delivered.current = job.jobId;
    finished.current(job.export);
  }, [job]);
  const cancel = useCallback(() => {
    if (jobId !== undefined) cancelJob.mutate(jobId);
  }, [cancelJob, jobId]);
  return {
    start: start.mutate,
    starting: start.isPending,
    job,
    error: start.error ?? status.error ?? cancelJob.error ?? undefined,
    cancel,
    reset: () => {
      setJobId(undefined);
      start.reset();
    },
  };
}
