import { useMemo, useState } from 'react';
import type { FoundTagReport, PlatformImage } from '../../../shared/image/image-report';
import { alignHistories, type HistoryRowStatus, type PlatformChip } from '../../../shared/view-models';
import { HistoryDiffTable } from './HistoryDiffTable';
import { HistoryToggles, useHistoryOptions } from './HistoryToggles';

/** Counts of rows per status, for the summary line. */
function countStatuses(statuses: readonly HistoryRowStatus[]): Readonly<Record<HistoryRowStatus, number>> {
  const counts: Record<HistoryRowStatus, number> = { same: 0, changed: 0, added: 0, removed: 0 };
  for (const status of statuses) counts[status]++;
  return counts;
}

/**
 * The Dockerfile history across platforms: pick two or more (the first two by default; the first
 * picked, in chip order, is the base), with "hide empty-layer steps", "ignore whitespace" and
 * "only differences".
 */
export function HistoryDiff({ report, chips }: { readonly report: FoundTagReport; readonly chips: readonly PlatformChip[] }) {
  const [picked, setPicked] = useState<readonly string[]>(() => chips.slice(0, 2).map((chip) => chip.key));
  const [options, change] = useHistoryOptions();
  const { hideEmptyLayers, ignoreWhitespace, onlyDifferences } = options;
  const columns = useMemo(() => chips.filter((chip) => picked.includes(chip.key)), [chips, picked]);
  const images = useMemo(
    () => columns.map((chip) => report.images.find((image) => image.digest === chip.digest)).filter((image): image is PlatformImage => image !== undefined),
    [columns, report],
  );
  const rows = useMemo(() => alignHistories(images, { hideEmptyLayers, ignoreWhitespace }), [images, hideEmptyLayers, ignoreWhitespace]);
  const counts = countStatuses(rows.map((row) => row.status));
  const shown = onlyDifferences ? rows.filter((row) => row.status !== 'same') : rows;
  const toggle = (key: string) => setPicked((current) => (current.includes(key) ? current.filter((k) => k !== key) : [...current, key]));

  return (
    <section className="panel history-panel" aria-labelledby="history-heading">
      <div className="panel-head">
        <h2 id="history-heading">History across platforms</h2>
        <span className="spacer" />
        <HistoryToggles options={options} onChange={change} />
      </div>
      <fieldset className="platform-picks">
        <legend className="visually-hidden">Platforms to compare</legend>
        {chips.map((chip) => (
          <label key={chip.key} className="pick">
            <input type="checkbox" checked={picked.includes(chip.key)} onChange={() => toggle(chip.key)} data-testid="history-platform" data-platform={chip.key} />
            <code>{chip.label}</code>
          </label>
        ))}
      </fieldset>
      {images.length < 2 ? (
        <p className="muted">{chips.length < 2 ? 'This tag has one platform: its history is in the layers table above. Compare it with another tag to diff.' : 'Pick two or more platforms to diff their histories.'}</p>
      ) : (
        <>
          <p className="history-summary" role="status">
            <span className="status-same">{counts.same} same</span> · <span className="status-changed">{counts.changed} changed</span> · <span className="status-added">{counts.added} added</span> ·{' '}
            <span className="status-removed">{counts.removed} removed</span> <span className="muted">(relative to {columns[0]?.label})</span>
          </p>
          <HistoryDiffTable rows={shown} columns={columns.map((chip) => chip.label)} />
        </>
      )}
    </section>
  );
}
