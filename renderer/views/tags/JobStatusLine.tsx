import type { JobStatus } from '../../../shared/api/contract';
import { ProgressBar } from '../../components/ProgressBar';

/** Progress of the tag listing, with Cancel while it runs and "List again" after. */
export function JobStatusLine({ job, onCancel, onRestart }: { readonly job: JobStatus | undefined; readonly onCancel: () => void; readonly onRestart: () => void }) {
  if (job === undefined) {
    return (
      <div className="job-line" role="status">
        <ProgressBar done={0} label="Listing tags" />
        <span>Asking the registry for tags…</span>
      </div>
    );
  }
  const found = job.tags?.length ?? job.done;
  switch (job.state) {
    case 'running':
      return (
        <div className="job-line" role="status">
          <ProgressBar done={job.done} {...(job.total === undefined ? {} : { total: job.total })} label="Listing tags" />
          <span>Listing tags… {found.toLocaleString()} so far</span>
          <button type="button" className="button small" onClick={onCancel}>
            Cancel
          </button>
        </div>
      );
    case 'cancelled':
      return (
        <div className="job-line" role="status">
          <span className="badge warn">Stopped</span>
          <span>after {found.toLocaleString()} tags; the list may be incomplete.</span>
          <button type="button" className="button small" onClick={onRestart}>
            List again
          </button>
        </div>
      );
    case 'done':
    case 'failed':
      return (
        <div className="job-line" role="status">
          <span>
            {found.toLocaleString()} {found === 1 ? 'tag' : 'tags'}
          </span>
          <button type="button" className="button small" onClick={onRestart} title="Ask the registry again">
            Reload
          </button>
        </div>
      );
  }
}
