import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiProvider';
import { unwrap } from './unwrap';

/** A tag may move; a digest never does. */
const TAG_STALE_MS = 5 * 60_000;

/** Everything about one tag or digest (`inspect`), cached by reference. */
export function useInspect(reference: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['inspect', reference],
    queryFn: () => unwrap(() => api.inspect({ reference: reference as string })),
    enabled: reference !== undefined && reference !== '',
    staleTime: reference?.includes('@') === true ? Infinity : TAG_STALE_MS,
    gcTime: 30 * 60_000,
  });
}
