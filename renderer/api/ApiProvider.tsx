import { createContext, useContext, type ReactNode } from 'react';
import type { RegscopeApi } from '../../shared/api/contract';
import { getApi } from './get-api';

const ApiContext = createContext<RegscopeApi | null>(null);

/** Makes `api` the API of everything below; tests pass a fake. */
export function ApiProvider({ api, children }: { readonly api: RegscopeApi; readonly children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The API of the nearest provider, else the host's (`getApi`). */
export function useApi(): RegscopeApi {
  return useContext(ApiContext) ?? getApi();
}
