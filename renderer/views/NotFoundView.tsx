import { useReportAppState } from '../app/app-state';

/** A hash the router does not know: say so and offer the way back. */
export function NotFoundView({ hash }: { readonly hash: string }) {
  useReportAppState('error');
  return (
    <section className="page narrow">
      <div className="panel error-panel" role="alert">
        <h1>No such page</h1>
        <p>
          regscope has no page at <code>#{hash}</code>. Pages are <code>#/repo/&lt;repository&gt;</code>, <code>#/image/&lt;reference&gt;</code> and{' '}
          <code>#/compare/&lt;reference&gt;?platforms=a,b</code>.
        </p>
        <p>
          <a className="button" href="#/">
            Go to the start page
          </a>
        </p>
      </div>
    </section>
  );
}
