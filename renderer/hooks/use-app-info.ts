import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiProvider';
import { unwrap } from './unwrap';

/** Version, host kind and mirror of the running app; asked once. */
export function useAppInfo() {
  const api = useApi();
  return useQuery({ queryKey: ['appInfo'], queryFn: () => unwrap(() => api.appInfo({})), staleTime: Infinity, gcTime: Infinity });
}
