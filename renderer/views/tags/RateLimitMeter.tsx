import { useRateLimit } from '../../hooks/use-rate-limit';
import { formatClock } from '../../lib/dates';

/**
 * Docker Hub's pull budget as the last answer stated it (`ratelimit-remaining`), shown while
 * browsing Docker Hub: each tag summary spends from it.
 */
export function RateLimitMeter({ registry }: { readonly registry: string }) {
  const limit = useRateLimit(registry, true);
  if (limit.data === undefined || limit.isError) return null;
  if (limit.data === null) {
    return (
      <span className="rate-limit muted" title="Docker Hub states the budget on manifest answers; none seen yet">
        Docker Hub pulls: not seen yet
      </span>
    );
  }
  const { remaining, limit: total, windowSeconds, observedAt } = limit.data;
  const low = remaining <= Math.max(5, total * 0.1);
  const window = windowSeconds === undefined ? '' : ` per ${windowSeconds % 3600 === 0 ? `${String(windowSeconds / 3600)} h` : `${String(Math.round(windowSeconds / 60))} min`}`;
  return (
    <span className={low ? 'rate-limit warn' : 'rate-limit'} data-testid="rate-limit" title={`As of ${observedAt}`}>
      <span className="meter" aria-hidden="true">
        <span className="meter-fill" style={{ width: `${String(total > 0 ? Math.round((remaining / total) * 100) : 0)}%` }} />
      </span>
      Docker Hub pulls left: <strong>{remaining}</strong> / {total}
      {window} <span className="muted">· {formatClock(observedAt)}</span>
    </span>
  );
}
