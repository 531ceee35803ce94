import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiProvider';
import { createLimiter } from '../lib/limiter';
import { unwrap } from './unwrap';

/**
 * At most this many tag summaries in flight: a fast scroll through 100k tags must not turn into
 * thousands of registry requests (each a HEAD, and on Docker Hub a rate-limit question).
 */
const SUMMARY_CONCURRENCY = 4;
const limiter = createLimiter(SUMMARY_CONCURRENCY);

/**
 * The cheap facts of one tag row. Rows call it only while visible: a row scrolled away before its
 * turn aborts its place in the queue (react-query aborts the signal of a query nobody watches).
 */
export function useTagSummary(reference: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['tagSummary', reference],
    queryFn: ({ signal }) => limiter.run(() => unwrap(() => api.tagSummary({ reference })), signal),
    enabled,
    staleTime: 30 * 60_000,
    gcTime: 60 * 60_000,
  });
}
