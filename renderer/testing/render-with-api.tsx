import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { RegscopeApi } from '../../shared/api/contract';
import { ApiProvider } from '../api/ApiProvider';

/** Renders `ui` with `api` and a fresh query client that never retries (tests want answers now). */
export function renderWithApi(ui: ReactElement, api: RegscopeApi) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ApiProvider api={api}>{ui}</ApiProvider>
    </QueryClientProvider>,
  );
}
