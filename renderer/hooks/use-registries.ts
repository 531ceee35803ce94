import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiArgs } from '../../shared/api/contract';
import { useApi } from '../api/ApiProvider';
import { unwrap } from './unwrap';

const REGISTRIES_KEY = ['registries'] as const;

/** Registries with saved logins (names only, never secrets). */
export function useRegistries() {
  const api = useApi();
  return useQuery({ queryKey: REGISTRIES_KEY, queryFn: () => unwrap(() => api.registries({})), staleTime: 60_000 });
}

/**
 * Signs in to a registry. Afterwards the login list is refreshed and failed queries are retried:
 * whatever asked for credentials may now work.
 */
export function useSignIn() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: ApiArgs<'signIn'>) => unwrap(() => api.signIn(args)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: REGISTRIES_KEY });
      await client.refetchQueries({ predicate: (query) => query.state.status === 'error' });
    },
  });
}

/** Forgets the app's saved login for a registry. */
export function useSignOut() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (registry: string) => unwrap(() => api.signOut({ registry })),
    onSuccess: () => client.invalidateQueries({ queryKey: REGISTRIES_KEY }),
  });
}
