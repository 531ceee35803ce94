import { useCallback, useState } from 'react';
import { useDelayedFlag } from '../../hooks/use-delayed';
import { useReportAppState, type AppState } from '../../app/app-state';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Skeleton } from '../../components/Skeleton';
import { useRememberRecent } from '../../hooks/use-recent';
import { useTagsJob } from '../../hooks/use-tags-job';
import { formatRoute } from '../../router/routes';
import { ExportAllTags } from './ExportAllTags';
import { InvalidTags } from './InvalidTags';
import { JobStatusLine } from './JobStatusLine';
import { RateLimitMeter } from './RateLimitMeter';
import { TagList } from './TagList';
import { TagToolbar } from './TagToolbar';
import { useTagList, type TagListOptions } from './use-tag-list';

const NO_TAGS: readonly string[] = [];
/** The list dims when it lags behind the filter box for longer than this. */
const STALE_AFTER_MS = 250;

/** Column names over the list (the rows themselves are positioned by the virtualizer). */
function TagListHead() {
  return (
    <div className="tag-list-head" aria-hidden="true">
      <span className="tag-name-head">Tag</span>
      <span className="tag-cells">
        <span className="tag-digest">Digest</span>
        <span className="tag-platforms">Platforms</span>
        <span className="tag-size">Compressed size</span>
        <span className="tag-created" />
      </span>
    </div>
  );
}

function TagListSkeleton() {
  return (
    <div className="tag-list-frame" aria-busy="true">
      <TagListHead />
      <div className="tag-list skeleton-list">
        {Array.from({ length: 12 }, (_, i) => (
          <div key={i} className="tag-row">
            <Skeleton width={120 + ((i * 53) % 90)} />
            <Skeleton width={92} />
            <Skeleton width={180} />
          </div>
        ))}
      </div>
    </div>
  );
}

/**
 * The tag browser of one repository: a `tags` job whose tags show as they arrive, a filter
 * (substring or regex) and sort, a virtualized list whose visible rows fetch their summaries,
 * the invalid tags apart, the Docker Hub budget, and the whole-repository export.
 */
export function TagBrowser({ repository, registry, isDockerHub }: { readonly repository: string; readonly registry: string; readonly isDockerHub: boolean }) {
  const { job, error, cancel, restart } = useTagsJob(repository);
  const [options, setOptions] = useState<TagListOptions>({ text: '', mode: 'substring', sort: 'natural', direction: 'asc' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const tags = job?.tags ?? NO_TAGS;
  const list = useTagList(tags, options);
  // Dimmed only when the list lags for a while: a toggle per keystroke would repaint the whole list twice.
  const stale = useDelayedFlag(list.stale, STALE_AFTER_MS);
  const state: AppState = error !== undefined || job?.state === 'failed' ? 'error' : job === undefined || job.state === 'running' ? 'loading' : 'ready';
  useReportAppState(state);
  useRememberRecent('repo', repository, formatRoute({ kind: 'repo', repository }), job?.state === 'done');

  const toggleSelected = useCallback((tag: string) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(tag)) next.delete(tag);
      else {
        // Two at most: ticking a third replaces the oldest pick.
        if (next.size >= 2) next.delete(next.values().next().value as string);
        next.add(tag);
      }
      return next;
    });
  }, []);
  const picks = [...selected];

  return (
    <div className="page tags-page">
      <header className="page-head">
        <div className="title-block">
          <p className="crumbs">
            <a href="#/">regscope</a> / <span>{registry}</span>
          </p>
          <h1 className="mono">{repository}</h1>
        </div>
        <span className="spacer" />
        {isDockerHub && <RateLimitMeter registry={registry} />}
      </header>
      <div className="bar">
        <JobStatusLine job={job} onCancel={cancel} onRestart={restart} />
        <span className="spacer" />
        <ExportAllTags repository={repository} filteredTags={list.tags} totalTags={tags.length} />
      </div>
      {error !== undefined && <ErrorPanel error={error} reference={repository} onRetry={restart} />}
      {job?.state === 'failed' && job.error !== undefined && <ErrorPanel error={job.error} reference={repository} onRetry={restart} />}
      <TagToolbar options={options} onChange={setOptions} filterError={list.filterError} shown={list.tags.length} total={tags.length} />
      {picks.length > 0 && (
        <div className="bar compare-picks" role="status">
          <span>
            Compare: {picks.map((tag) => <code key={tag}>{tag}</code>)}
          </span>
          {picks.length === 2 ? (
            <a className="button primary small" href={formatRoute({ kind: 'compare', reference: `${repository}:${picks[0] ?? ''}`, platforms: [], with: `${repository}:${picks[1] ?? ''}` })}>
              Compare these two
            </a>
          ) : (
            <span className="muted">tick one more tag (Space)</span>
          )}
          <button type="button" className="button small" onClick={() => setSelected(new Set())}>
            Clear
          </button>
        </div>
      )}
      {tags.length === 0 && (job === undefined || job.state === 'running') && error === undefined ? (
        <TagListSkeleton />
      ) : tags.length === 0 && job !== undefined && error === undefined && job.state !== 'failed' ? (
        <p className="empty-state">This repository has no tags.</p>
      ) : list.tags.length === 0 && tags.length > 0 ? (
        <p className="empty-state">No tag matches the filter.</p>
      ) : (
        <div className="tag-list-frame">
          <TagListHead />
          <div className={stale ? 'tag-list-wrap stale' : 'tag-list-wrap'} aria-busy={job?.state === 'running'}>
            <TagList repository={repository} tags={list.tags} selected={selected} onToggleSelected={toggleSelected} resetKey={list.resetKey} />
          </div>
        </div>
      )}
      <InvalidTags tags={job?.invalidTags ?? NO_TAGS} />
    </div>
  );
}
