import { useCallback, useState } from 'react';
import { routeKey, type Route } from '../router/routes';
import { useRoute } from '../router/use-route';
import { CompareView } from '../views/compare/CompareView';
import { ImageView } from '../views/image/ImageView';
import { NotFoundView } from '../views/NotFoundView';
import { StartView } from '../views/start/StartView';
import { TagBrowserView } from '../views/tags/TagBrowserView';
import { AppStateContext, type AppState } from './app-state';
import { TopBar } from './TopBar';
import { useSlashKey } from './use-slash-key';

/**
 * The app shell: top bar and the view of the current hash route. Each page is keyed by its route,
 * so opening another tag starts from a clean view, and `data-app-state` describes only the page on
 * screen (a report from a previous page never counts for the new one).
 */
export function App() {
  const route = useRoute();
  const key = routeKey(route);
  const [reported, setReported] = useState<{ readonly key: string; readonly state: AppState }>();
  const report = useCallback((state: AppState) => setReported({ key, state }), [key]);
  const state = reported?.key === key ? reported.state : 'loading';
  useSlashKey();
  return (
    <div className="app" data-app-state={state}>
      <TopBar route={route} />
      <main className="app-main" id="main">
        <AppStateContext.Provider value={report}>
          <View key={key} route={route} />
        </AppStateContext.Provider>
      </main>
    </div>
  );
}

function View({ route }: { readonly route: Route }) {
  switch (route.kind) {
    case 'start':
      return <StartView />;
    case 'repo':
      return <TagBrowserView repository={route.repository} />;
    case 'image':
      return <ImageView route={route} />;
    case 'compare':
      return <CompareView route={route} />;
    case 'unknown':
      return <NotFoundView hash={route.hash} />;
  }
}
