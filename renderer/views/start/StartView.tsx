import { useReportAppState } from '../../app/app-state';
import { RecentList } from './RecentList';
import { ReferenceBox } from './ReferenceBox';
import { RegistryList } from './RegistryList';

/** The start page: the reference box, recent places, and registry logins. */
export function StartView() {
  // Nothing here waits on the network before it is usable.
  useReportAppState('ready');
  return (
    <div className="page start">
      <section className="start-hero">
        <h1>Look inside container images without pulling them</h1>
        <p className="muted">Tags, platforms, layer sizes and the Dockerfile history of any OCI or Docker registry.</p>
        <ReferenceBox autoFocus />
      </section>
      <div className="start-grid">
        <RecentList />
        <RegistryList />
      </div>
      <section className="panel keys" aria-labelledby="keys-heading">
        <h2 id="keys-heading">Keyboard</h2>
        <dl className="key-list">
          <dt>
            <kbd>/</kbd>
          </dt>
          <dd>search box (reference, or the tag filter)</dd>
          <dt>
            <kbd>↑</kbd> <kbd>↓</kbd> <kbd>Enter</kbd>
          </dt>
          <dd>move through tags and open one</dd>
          <dt>
            <kbd>←</kbd> <kbd>→</kbd>
          </dt>
          <dd>switch platform in the image view</dd>
        </dl>
      </section>
    </div>
  );
}
