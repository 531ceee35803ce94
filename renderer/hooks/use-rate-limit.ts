import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiProvider';
import { unwrap } from './unwrap';

/** Docker Hub's pull budget as last seen, refreshed every 15 s while shown (it is a local read). */
export function useRateLimit(registry: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['rateLimit', registry],
    queryFn: () => unwrap(() => api.rateLimit({ registry })),
    enabled,
    refetchInterval: 15_000,
    staleTime: 5_000,
  });
}
