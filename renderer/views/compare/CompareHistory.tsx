import { useMemo } from 'react';
import type { PlatformImage } from '../../../shared/image/image-report';
import { alignHistories } from '../../../shared/view-models';
import { HistoryDiffTable } from '../image/HistoryDiffTable';
import { HistoryToggles, useHistoryOptions } from '../image/HistoryToggles';

/** The history diff of the two compared images, left as the base. */
export function CompareHistory({ a, b, labelA, labelB }: { readonly a: PlatformImage; readonly b: PlatformImage; readonly labelA: string; readonly labelB: string }) {
  const [options, change] = useHistoryOptions();
  const { hideEmptyLayers, ignoreWhitespace, onlyDifferences } = options;
  const rows = useMemo(() => alignHistories([a, b], { hideEmptyLayers, ignoreWhitespace }), [a, b, hideEmptyLayers, ignoreWhitespace]);
  return (
    <section className="panel history-panel" aria-labelledby="compare-history-heading">
      <div className="panel-head">
        <h2 id="compare-history-heading">History</h2>
        <span className="spacer" />
        <HistoryToggles options={options} onChange={change} />
      </div>
      <HistoryDiffTable rows={onlyDifferences ? rows.filter((row) => row.status !== 'same') : rows} columns={[labelA, labelB]} />
    </section>
  );
}
