import { useState } from 'react';
import type { ExportedReport } from '../../../shared/api/contract';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ProgressBar } from '../../components/ProgressBar';
import { Segmented } from '../../components/Toggle';
import { useExportJob } from '../../hooks/use-export-job';
import { downloadText } from '../../lib/download';

type Style = 'seed' | 'current';

/**
 * "Export all tags (tag-details.md)": a repo-info report of every tag (or of the filtered ones) as
 * a job with progress and cancel; the finished file is saved at once, and can be saved again.
 */
export function ExportAllTags({ repository, filteredTags, totalTags }: { readonly repository: string; readonly filteredTags: readonly string[]; readonly totalTags: number }) {
  const [style, setStyle] = useState<Style>('seed');
  const [result, setResult] = useState<ExportedReport>();
  const exporter = useExportJob((report) => {
    setResult(report);
    downloadText(report.text, report.fileName, report.mimeType);
  });
  const job = exporter.job;
  const running = exporter.starting || job?.state === 'running';
  const filtered = filteredTags.length < totalTags && filteredTags.length > 0;
  const start = (tags?: readonly string[]) => {
    setResult(undefined);
    exporter.start({ repository, format: 'repo-info', style, ...(tags === undefined ? {} : { tags: [...tags] }) });
  };
  return (
    <div className="export-all">
      <span className="muted small">repo-info style</span>
      <Segmented<Style>
        label="Report style"
        value={style}
        onChange={setStyle}
        options={[
          { value: 'seed', label: 'seed', title: 'repo-info as in the 2019 reports' },
          { value: 'current', label: 'current', title: 'repo-info today: Platforms: N, BuildKit history' },
        ]}
      />
      <button type="button" className="button" disabled={running || totalTags === 0} onClick={() => start()} data-testid="export-all-tags">
        Export all tags (tag-details.md)
      </button>
      {filtered && (
        <button type="button" className="button" disabled={running} onClick={() => start(filteredTags)}>
          Export {filteredTags.length.toLocaleString()} filtered
        </button>
      )}
      {running && job !== undefined && (
        <span className="job-line" role="status">
          <ProgressBar done={job.done} {...(job.total === undefined ? {} : { total: job.total })} label="Exporting tags" />
          <span>
            {job.done.toLocaleString()}
            {job.total === undefined ? '' : ` / ${job.total.toLocaleString()}`} tags
          </span>
          <button type="button" className="button small" onClick={exporter.cancel}>
            Cancel
          </button>
        </span>
      )}
      {!running && result !== undefined && (
        <span className="job-line" role="status">
          <span>
            {job?.state === 'cancelled' ? 'Stopped; saved what was done:' : 'Saved'} <code>{result.fileName}</code>
          </span>
          <button type="button" className="button small" onClick={() => downloadText(result.text, result.fileName, result.mimeType)}>
            Save again
          </button>
        </span>
      )}
      {!running && job?.failures !== undefined && job.failures.length > 0 && (
        <details className="export-failures">
          <summary>
            {job.failures.length} {job.failures.length === 1 ? 'tag' : 'tags'} could not be reported
          </summary>
          <ul>
            {job.failures.slice(0, 200).map((failure, index) => (
              <li key={index}>
                <code>{failure.reference ?? '?'}</code> <span className="muted">{failure.message}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {!running && job?.state === 'cancelled' && result === undefined && <span className="muted">Export cancelled before any tag was done.</span>}
      {exporter.error !== undefined && <ErrorPanel compact error={exporter.error} reference={repository} onRetry={() => start()} />}
      {job?.state === 'failed' && job.error !== undefined && <ErrorPanel compact error={job.error} reference={repository} onRetry={() => start()} />}
    </div>
  );
}
