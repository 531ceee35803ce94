import { formatBytes } from '../../../shared/format/size';
import { Skeleton } from '../../components/Skeleton';
import { useDelayedTrue } from '../../hooks/use-delayed';
import { useTagSummary } from '../../hooks/use-tag-summary';
import { adviseError } from '../../lib/error-advice';
import { formatRelative } from '../../lib/dates';
import { shortDigest } from '../../lib/short-digest';

/** Wait this long after a row appears before asking about it (fast scrolls ask nothing). */
const SETTLE_MS = 120;

/** The lazily fetched facts of one visible tag row: digest, platforms, size, age. */
export function TagSummaryCells({ reference }: { readonly reference: string }) {
  const settled = useDelayedTrue(SETTLE_MS);
  const summary = useTagSummary(reference, settled);
  if (summary.isError) {
    const advice = adviseError(summary.error);
    return (
      <span className="tag-cells tag-cells-error" title={summary.error.message}>
        <span className="badge warn">{advice.title}</span>
      </span>
    );
  }
  const data = summary.data;
  if (data === undefined) {
    return (
      <span className="tag-cells" aria-hidden="true">
        <span className="tag-digest">
          <Skeleton width={88} />
        </span>
        <span className="tag-platforms">
          <Skeleton width={180} />
        </span>
        <span className="tag-size">
          <Skeleton width={64} />
        </span>
        <span className="tag-created" />
      </span>
    );
  }
  return (
    <span className="tag-cells">
      <code className="tag-digest" title={data.digest}>
        {shortDigest(data.digest)}
      </code>
      <span className="tag-platforms" title={data.platforms.join('\n')}>
        {data.platforms.length <= 3 ? data.platforms.join(' · ') : `${data.platforms.slice(0, 2).join(' · ')} +${String(data.platforms.length - 2)}`}
      </span>
      <span className="tag-size" title="Compressed size per platform">
        {sizeRange(data.sizes)}
      </span>
      <span className="tag-created muted" title={data.created}>
        {data.created === undefined ? '' : formatRelative(data.created)}
      </span>
    </span>
  );
}

/** `33.0 MB`, or `28.1–33.0 MB` across platforms. */
export function sizeRange(sizes: readonly number[]): string {
  if (sizes.length === 0) return '';
  const min = Math.min(...sizes);
  const max = Math.max(...sizes);
  if (min === max) return formatBytes(min);
  const low = formatBytes(min);
  const high = formatBytes(max);
  const unit = high.split(' ')[1];
  return low.endsWith(` ${unit ?? ''}`) ? `${low.split(' ')[0] ?? low}–${high}` : `${low}–${high}`;
}
