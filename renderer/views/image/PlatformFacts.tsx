import type { ReactNode } from 'react';
import type { ImageSummary } from '../../../shared/view-models';
import { Digest } from '../../components/Digest';
import { NamedValues } from '../../components/NamedValues';
import { formatRelative, formatUtc } from '../../lib/dates';

/** The facts of the selected platform image: size, layers, dates, runtime config, Env, Labels. */
export function PlatformFacts({ summary }: { readonly summary: ImageSummary }) {
  const rows: readonly (readonly [string, ReactNode, string?])[] = [
    ['Compressed size', <span title={`${String(summary.sizeBytes)} bytes`}>{summary.sizeLabel}</span>, 'Sum of the compressed layers: what a pull downloads, not the size on disk'],
    ['Layers', String(summary.layerCount)],
    [
      'Created',
      summary.created === undefined ? <span className="muted">not recorded</span> : (
        <span title={summary.created}>
          {formatUtc(summary.created)} <span className="muted">· {formatRelative(summary.created)}</span>
        </span>
      ),
    ],
    ['Docker version', summary.dockerVersion ?? <span className="muted">not recorded (BuildKit or another builder)</span>],
    ['Platform', <code>{summary.platformLabel}</code>],
    ...(summary.windowsRelease === undefined ? [] : [['Windows', summary.windowsRelease] as const]),
    ['Manifest', <Digest digest={summary.digest} />],
    ['Image ID', <Digest digest={summary.configDigest} />, 'Digest of the image config, as `docker images` shows it'],
    ['Manifest type', <code className="wrap">{summary.manifestMediaType}</code>],
  ];
  const runtime: readonly (readonly [string, string | undefined])[] = [
    ['Entrypoint', summary.entrypoint],
    ['Cmd', summary.cmd],
    ['Shell', summary.shell],
    ['WorkingDir', summary.workingDir],
    ['User', summary.user],
    ['Exposed ports', summary.exposedPorts],
  ];
  return (
    <section className="panel facts" aria-labelledby="facts-heading">
      <h2 id="facts-heading">
        <code>{summary.platformLabel}</code>
      </h2>
      <dl className="facts-list">
        {rows.map(([name, value, title]) => (
          <div key={name} className="fact">
            <dt title={title}>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>Runtime</h3>
      <dl className="facts-list">
        {runtime.map(([name, value]) => (
          <div key={name} className="fact">
            <dt>{name}</dt>
            <dd>{value === undefined ? <span className="muted">—</span> : <code className="wrap">{value}</code>}</dd>
          </div>
        ))}
      </dl>
      {summary.attestations.length > 0 && (
        <>
          <h3>Attestations</h3>
          <ul className="plain-list">
            {summary.attestations.map((badge) => (
              <li key={badge.digest}>
                <span className="badge">{badge.kinds.join(', ') || 'attestation'}</span> <Digest digest={badge.digest} />
                {badge.predicateTypes.map((type) => (
                  <div key={type} className="muted small wrap">
                    {type}
                  </div>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
      <NamedValues title="Env" values={summary.env} empty="No environment variables." />
      <NamedValues title="Labels" values={summary.labels} empty="No labels." />
    </section>
  );
}
