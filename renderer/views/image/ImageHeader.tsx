import { formatBytes } from '../../../shared/format/size';
import type { FoundTagReport } from '../../../shared/image/image-report';
import type { TagSummary } from '../../../shared/view-models';
import { Digest } from '../../components/Digest';
import { repositoryOf } from '../../lib/error-advice';
import { formatRoute } from '../../router/routes';
import { ExportMenu } from './ExportMenu';

/** The image page's head: where it is, its digest and media type, totals, Compare and Export. */
export function ImageHeader({ report, summary, reference, compareHref }: { readonly report: FoundTagReport; readonly summary: TagSummary; readonly reference: string; readonly compareHref: string }) {
  const repository = repositoryOf(report.display) ?? report.pullName;
  const attestations = report.images.length - summary.images.length;
  return (
    <header className="page-head image-head">
      <div className="title-block">
        <p className="crumbs">
          <a href="#/">regscope</a> / <span>{report.reference.registry}</span> / <a href={formatRoute({ kind: 'repo', repository })} title={repository}>
            {report.reference.repository}
          </a>
        </p>
        <h1 className="mono" data-testid="image-title">
          {report.display}
        </h1>
        <dl className="head-facts">
          <div>
            <dt>Digest</dt>
            <dd>
              <Digest digest={report.digest} full />
            </dd>
          </div>
          <div>
            <dt>Media type</dt>
            <dd>
              <code>{report.mediaType}</code>
            </dd>
          </div>
          <div>
            <dt>Platforms</dt>
            <dd>
              {summary.images.length}
              {attestations > 0 && <span className="muted"> + {attestations} attestation{attestations === 1 ? '' : 's'}</span>}
            </dd>
          </div>
          <div>
            <dt title="Every distinct layer of every platform, counted once: what mirroring the whole tag costs">All platforms</dt>
            <dd title={`${String(summary.distinctBytes)} bytes, compressed, shared layers counted once`}>{formatBytes(summary.distinctBytes)}</dd>
          </div>
        </dl>
        {summary.unattachedAttestations.length > 0 && (
          <p className="muted small">
            {summary.unattachedAttestations.length} attestation manifest(s) describe no image of this list.
          </p>
        )}
      </div>
      <span className="spacer" />
      <div className="head-actions no-print">
        <a className="button" href={compareHref} data-testid="compare-button">
          Compare…
        </a>
        <ExportMenu reference={reference} />
      </div>
    </header>
  );
}
