import { useAppInfo } from '../hooks/use-app-info';
import type { Route } from '../router/routes';
import { ReferenceBox } from '../views/start/ReferenceBox';

/**
 * The bar on every page: home link, the reference box (except on the start page, which has its
 * own big one), and what the app runs against.
 */
export function TopBar({ route }: { readonly route: Route }) {
  const info = useAppInfo();
  return (
    <header className="topbar no-print">
      <a className="skip-link" href="#main" onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        Skip to content
      </a>
      <a className="brand" href="#/" aria-label="regscope start page">
        <span className="brand-mark" aria-hidden="true">◧</span> regscope
      </a>
      {route.kind !== 'start' && <ReferenceBox key={initialText(route)} compact initial={initialText(route)} />}
      <span className="topbar-info">
        {info.data?.mirror !== undefined && <span className="badge" title="Docker Hub requests go to this mirror">mirror {info.data.mirror}</span>}
        {info.data !== undefined && <span className="muted">v{info.data.version}</span>}
      </span>
    </header>
  );
}

function initialText(route: Route): string {
  switch (route.kind) {
    case 'repo':
      return route.repository;
    case 'image':
    case 'compare':
      return route.reference;
    default:
      return '';
  }
}
