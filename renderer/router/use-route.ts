import { useSyncExternalStore } from 'react';
import { formatRoute, parseRoute, type Route } from './routes';

/**
 * The current route, from `location.hash`. `replaceRoute` changes the hash without a history entry
 * (the platform switcher), which fires no `hashchange`, so subscribers are also told directly.
 */

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('hashchange', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('hashchange', listener);
  };
}

function snapshot(): string {
  return window.location.hash;
}

/** The hash the app is showing. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, snapshot, () => '');
}

/** The parsed route the app is showing. */
export function useRoute(): Route {
  return parseRoute(useHash());
}

/** Goes to `route`, as a new history entry (Back returns). */
export function navigate(route: Route): void {
  window.location.hash = formatRoute(route);
}

/** Shows `route` in place of the current entry (no new history entry). */
export function replaceRoute(route: Route): void {
  const hash = formatRoute(route);
  if (hash === window.location.hash) return;
  window.history.replaceState(window.history.state, '', hash);
  for (const listener of listeners) listener();
}
