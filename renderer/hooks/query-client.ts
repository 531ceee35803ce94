import { QueryClient } from '@tanstack/react-query';
import type { ErrorCode, ErrorData } from '../../shared/api/errors';

declare module '@tanstack/react-query' {
  // Every query and mutation fails with the API's error data (see `unwrap`), never a bare Error.
  interface Register {
    defaultError: ErrorData;
  }
}

/**
 * Failures worth one more try: the network or the registry hiccupped. Everything else (4xx-like:
 * not found, auth, rate limit, invalid input) would only fail again, and retrying a rate limit
 * spends the budget it is complaining about.
 */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['unreachable', 'timeout', 'registry-error']);

/** True when a failed call may succeed if simply repeated. */
export function isTransient(error: ErrorData): boolean {
  return TRANSIENT.has(error.code);
}

/** The app's query client: no refetch on focus (registry calls cost rate limit), short retries. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < 2 && isTransient(error),
        retryDelay: (attempt) => Math.min(4000, 500 * 2 ** attempt),
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { retry: false },
    },
  });
}
