import { useMemo, useState, type FormEvent } from 'react';
import { formatBytes } from '../../../shared/format/size';
import type { ErrorData } from '../../../shared/api/errors';
import type { FoundTagReport, TagReport } from '../../../shared/image/image-report';
import { buildComparison } from '../../../shared/view-models';
import { useReportAppState } from '../../app/app-state';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Skeleton, SkeletonLines } from '../../components/Skeleton';
import { useInspect } from '../../hooks/use-inspect';
import { useRememberRecent } from '../../hooks/use-recent';
import { referenceTarget } from '../../lib/reference-target';
import { formatRoute, type Route } from '../../router/routes';
import { navigate, replaceRoute } from '../../router/use-route';
import { CompareHistory } from './CompareHistory';
import { CompareSideHead } from './CompareSideHead';
import { ConfigDiffTable } from './ConfigDiffTable';
import { pickSides } from './pick-sides';
import { SharedBytesBar } from './SharedBytesBar';

type CompareRoute = Extract<Route, { kind: 'compare' }>;

function missingError(report: TagReport | undefined): ErrorData | undefined {
  return report?.kind === 'missing' ? { code: 'not-found', stage: 'manifest', reference: report.display, message: `${report.display} does not exist (yet?) in the registry` } : undefined;
}

/**
 * `#/compare/<ref>?platforms=a,b` (two platforms of one tag) or `#/compare/<ref>?with=<ref2>` (two
 * tags): sizes, shared and unique bytes, config differences, and the history diff of the two.
 */
export function CompareView({ route }: { readonly route: CompareRoute }) {
  const left = useInspect(route.reference);
  const right = useInspect(route.with);
  const error = left.error ?? right.error ?? missingError(left.data) ?? missingError(right.data) ?? undefined;
  const reportA = left.data?.kind === 'found' ? left.data : undefined;
  const reportB = right.data?.kind === 'found' ? right.data : undefined;
  const waiting = reportA === undefined || (route.with !== undefined && reportB === undefined);
  useReportAppState(error !== undefined ? 'error' : waiting ? 'loading' : 'ready');
  useRememberRecent('compare', route.with === undefined ? route.reference : `${route.reference} ↔ ${route.with}`, formatRoute(route), !waiting && error === undefined);

  if (error !== undefined) {
    const leftFailed = left.isError || left.data?.kind === 'missing';
    return (
      <div className="page narrow">
        <ErrorPanel error={error} reference={leftFailed ? route.reference : route.with} onRetry={() => void (left.isError ? left.refetch() : right.refetch())} />
      </div>
    );
  }
  if (waiting) return <CompareSkeleton />;
  return <Comparison route={route} reportA={reportA} reportB={reportB} />;
}

function Comparison({ route, reportA, reportB }: { readonly route: CompareRoute; readonly reportA: FoundTagReport; readonly reportB: FoundTagReport | undefined }) {
  const sides = useMemo(() => pickSides(reportA, route.platforms, reportB), [reportA, reportB, route.platforms]);
  const { a, b } = sides;
  const comparison = useMemo(() => (a !== undefined && b !== undefined ? buildComparison(a.image, b.image) : undefined), [a, b]);
  const referenceB = route.with ?? route.reference;
  const setPlatforms = (keyA: string | undefined, keyB: string | undefined) =>
    replaceRoute({ ...route, platforms: [keyA ?? '', keyB ?? ''].filter((key) => key !== '') });
  const labelA = a === undefined ? 'A' : route.with === undefined ? a.chip.label : `${reportA.display} ${a.chip.label}`;
  const labelB = b === undefined ? 'B' : route.with === undefined ? b.chip.label : `${reportB?.display ?? referenceB} ${b.chip.label}`;

  return (
    <div className="page compare-page">
      <header className="page-head">
        <div className="title-block">
          <p className="crumbs">
            <a href="#/">regscope</a> / compare
          </p>
          <h1>Compare</h1>
        </div>
        <span className="spacer" />
        {a !== undefined && b !== undefined && (
          <a className="button" href={formatRoute(route.with === undefined ? { kind: 'compare', reference: route.reference, platforms: [b.chip.key, a.chip.key] } : { kind: 'compare', reference: route.with, with: route.reference, platforms: [b.chip.key, a.chip.key] })}>
            Swap sides
          </a>
        )}
      </header>
      {a === undefined ? (
        <p className="empty-state">This tag lists no platform image.</p>
      ) : (
        <div className="compare-sides">
          {comparison !== undefined && b !== undefined ? (
            <>
              <CompareSideHead side={a} facts={comparison.a} reference={route.reference} label="Left" onPlatform={(key) => setPlatforms(key, b.chip.key)} />
              <CompareSideHead side={b} facts={comparison.b} reference={referenceB} label="Right" onPlatform={(key) => setPlatforms(a.chip.key, key)} />
            </>
          ) : (
            <AskForSecondTag reference={route.reference} platform={a.chip.key} />
          )}
        </div>
      )}
      {comparison !== undefined && a !== undefined && b !== undefined && (
        <>
          <section className="panel" aria-labelledby="bytes-heading">
            <div className="panel-head">
              <h2 id="bytes-heading">Shared and unique bytes</h2>
              <span className="muted">
                Right is <strong>{formatBytes(Math.abs(comparison.b.sizeBytes - comparison.a.sizeBytes))}</strong> {comparison.b.sizeBytes >= comparison.a.sizeBytes ? 'bigger' : 'smaller'}; with the left already pulled, the right costs{' '}
                <strong>{formatBytes(comparison.b.uniqueBytes)}</strong>.
              </span>
            </div>
            <SharedBytesBar comparison={comparison} labelA="left" labelB="right" />
          </section>
          <ConfigDiffTable rows={comparison.config} labelA={labelA} labelB={labelB} />
          <CompareHistory a={a.image} b={b.image} labelA={labelA} labelB={labelB} />
        </>
      )}
    </div>
  );
}

/** A one-platform tag has nothing to compare with itself: ask for another tag. */
function AskForSecondTag({ reference, platform }: { readonly reference: string; readonly platform: string }) {
  const [problem, setProblem] = useState<string>();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = new FormData(event.currentTarget).get('other');
    const target = referenceTarget(typeof text === 'string' ? text : '');
    if (!target.ok) setProblem(target.message);
    else if (target.route.kind !== 'image') setProblem('name a tag or digest, e.g. name:tag');
    else navigate({ kind: 'compare', reference, with: target.route.reference, platforms: [platform] });
  };
  return (
    <form className="panel ask-second" onSubmit={submit}>
      <p>
        <code>{reference}</code> has a single platform. Compare it with another tag:
      </p>
      <div className="reference-row">
        <input name="other" className="reference-input" placeholder={`${reference.split(/[:@]/)[0] ?? reference}:other-tag`} spellCheck={false} autoComplete="off" aria-label="Other image reference" />
        <button type="submit" className="button primary">
          Compare
        </button>
      </div>
      {problem !== undefined && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

function CompareSkeleton() {
  return (
    <div className="page compare-page" aria-busy="true">
      <header className="page-head">
        <h1>Compare</h1>
        <p className="muted" role="status">
          Reading both images…
        </p>
      </header>
      <div className="compare-sides">
        <div className="compare-side">
          <SkeletonLines count={4} />
        </div>
        <div className="compare-side">
          <SkeletonLines count={4} />
        </div>
      </div>
      <section className="panel">
        <Skeleton width="100%" height={28} />
      </section>
      <section className="panel">
        <SkeletonLines count={8} />
      </section>
    </div>
  );
}
