import type { ErrorData } from '../../../shared/api/errors';
import { useReportAppState } from '../../app/app-state';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Skeleton, SkeletonLines } from '../../components/Skeleton';
import { useInspect } from '../../hooks/use-inspect';
import type { Route } from '../../router/routes';
import { ImageContent } from './ImageContent';

/** `#/image/<reference>`: loads the tag (every platform) and shows it, or the error in place. */
export function ImageView({ route }: { readonly route: Extract<Route, { kind: 'image' }> }) {
  const inspect = useInspect(route.reference);
  const report = inspect.data;
  const missing: ErrorData | undefined =
    report?.kind === 'missing' ? { code: 'not-found', stage: 'manifest', reference: report.display, message: `${report.display} does not exist (yet?) in the registry` } : undefined;
  useReportAppState(inspect.isError || missing !== undefined ? 'error' : report === undefined ? 'loading' : 'ready');
  if (inspect.isError) {
    return (
      <div className="page narrow">
        <ErrorPanel error={inspect.error} reference={route.reference} onRetry={() => void inspect.refetch()} />
      </div>
    );
  }
  if (missing !== undefined) {
    return (
      <div className="page narrow">
        <ErrorPanel error={missing} reference={route.reference} onRetry={() => void inspect.refetch()} />
      </div>
    );
  }
  if (report === undefined || report.kind !== 'found') return <ImageSkeleton reference={route.reference} />;
  return <ImageContent report={report} route={route} />;
}

/** The image page's shape while `inspect` runs: header, chips, facts and treemap boxes. */
function ImageSkeleton({ reference }: { readonly reference: string }) {
  return (
    <div className="page image-page" aria-busy="true">
      <header className="page-head">
        <div className="title-block">
          <h1 className="mono">{reference}</h1>
          <p className="muted" role="status">
            Reading manifests, configs and layer headers…
          </p>
        </div>
      </header>
      <div className="chips">
        {[110, 140, 120].map((width) => (
          <Skeleton key={width} width={width} height={30} />
        ))}
      </div>
      <div className="image-grid">
        <section className="panel">
          <SkeletonLines count={9} />
        </section>
        <section className="panel">
          <Skeleton width="100%" height={260} />
        </section>
      </div>
      <section className="panel">
        <SkeletonLines count={6} height={18} />
      </section>
    </div>
  );
}
