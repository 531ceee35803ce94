import { createContext, useContext, useLayoutEffect } from 'react';

/** How far the current view's main data is: `data-app-state` on the root element. */
export type AppState = 'loading' | 'ready' | 'error';

/** The setter the App hands to its view. */
export const AppStateContext = createContext<(state: AppState) => void>(() => undefined);

/**
 * Reports the current view's state to the root element. A layout effect, so the attribute is right
 * before the browser paints the data it describes (tests wait on it).
 */
export function useReportAppState(state: AppState): void {
  const report = useContext(AppStateContext);
  useLayoutEffect(() => report(state), [report, state]);
}
