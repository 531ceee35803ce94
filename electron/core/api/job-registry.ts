import { randomUUID } from 'node:crypto';
import { toErrorData, type ErrorData } from '../../../shared/api/errors';
import type { JobStatus } from '../../../shared/api/contract';

/**
 * Long operations the UI polls: a whole repository's tags, a `tag-details.md` export.
 *
 * Each job owns an AbortController; cancelling stops its requests promptly and keeps whatever it had
 * finished (a dropped connection mid-repository keeps the tags already done). Finished jobs are kept
 * for a while so a slow poller still sees the result, then dropped.
 */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Job {
  status: Mutable<JobStatus>;
  controller: AbortController;
  /** Settles when the work has stopped (after a cancel: once it stored what it had finished). */
  settled: Promise<void>;
  finishedAt?: number;
}

/** How long a cancel waits for the work to wind down and hand over its partial result. */
const CANCEL_GRACE_MS = 5_000;

const KEEP_FINISHED_MS = 10 * 60_000;
const MAX_JOBS = 100;

export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  /**
   * Starts `work`, which reports progress by mutating the status it is given and resolves when done.
   */
  start(kind: JobStatus['kind'], work: (status: Mutable<JobStatus>, signal: AbortSignal) => Promise<void>): string {
    this.prune();
    const jobId = randomUUID();
    const controller = new AbortController();
    const status: Mutable<JobStatus> = { jobId, kind, state: 'running', done: 0 };
    const job: Job = { status, controller, settled: Promise.resolve() };
    this.jobs.set(jobId, job);
    job.settled = work(status, controller.signal).then(
      () => {
        if (status.state === 'running') status.state = controller.signal.aborted ? 'cancelled' : 'done';
        job.finishedAt = Date.now();
      },
      (error: unknown) => {
        if (status.state === 'running') {
          status.state = controller.signal.aborted ? 'cancelled' : 'failed';
          if (!controller.signal.aborted) status.error = toErrorData(error, { stage: kind === 'tags' ? 'tags' : 'export' });
        }
        job.finishedAt = Date.now();
      },
    );
    return jobId;
  }

  /** A snapshot of the job's status; undefined for an unknown or expired id. */
  get(jobId: string): JobStatus | undefined {
    const job = this.jobs.get(jobId);
    return job ? { ...job.status } : undefined;
  }

  /**
   * Cancels a running job (no-op for a finished one) and answers its status once the work has
   * stopped, so the answer already carries what was finished (a partial export).
   */
  async cancel(jobId: string): Promise<JobStatus | undefined> {
    const job = this.jobs.get(jobId);
    if (!job) return undefined;
    if (job.status.state === 'running') {
      job.controller.abort();
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([job.settled, new Promise<void>((resolve) => (timer = setTimeout(resolve, CANCEL_GRACE_MS)))]);
      clearTimeout(timer);
      if (job.status.state === 'running' || job.status.state === 'done') job.status.state = 'cancelled';
      job.finishedAt ??= Date.now();
    }
    return { ...job.status };
  }

  /** Cancels everything (app quit) without waiting. */
  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.status.state === 'running') job.controller.abort();
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) {
      if (job.finishedAt !== undefined && (now - job.finishedAt > KEEP_FINISHED_MS || this.jobs.size > MAX_JOBS)) this.jobs.delete(id);
    }
  }
}

/** The error data for an unknown job id. */
export function unknownJob(jobId: string): ErrorData {
  return { code: 'not-found', stage: 'request', message: `no such job ${jobId.slice(0, 64)} (finished jobs are kept for 10 minutes)` };
}
