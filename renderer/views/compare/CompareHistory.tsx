import { useMemo, useState } from 'react';
import type { PlatformImage } from '../../../shared/image/image-report';
import { alignHistories } from '../../../shared/view-models';
import { Toggle } from '../../components/Toggle';
import { HistoryDiffTable } from '../image/HistoryDiffTable';

/** The history diff of the two compared images, left as the base. */
export function CompareHistory({ a, b, labelA, labelB }: { readonly a: PlatformImage; readonly b: PlatformImage; readonly labelA: string; readonly labelB: string }) {
  const [hideEmptyLayers, setHideEmpty] = useState(false);
  const [ignoreWhitespace, setIgnoreWhitespace] = useState(true);
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const rows = useMemo(() => alignHistories([a, b], { hideEmptyLayers, ignoreWhitespace }), [a, b, hideEmptyLayers, ignoreWhitespace]);
  return (
    <section className="panel history-panel" aria-labelledby="compare-history-heading">
      <div className="panel-head">
        <h2 id="compare-history-heading">History</h2>
        <span className="spacer" />
        <Toggle pressed={hideEmptyLayers} onChange={setHideEmpty} testId="history-hide-empty">
          Hide empty-layer steps
        </Toggle>
        <Toggle pressed={ignoreWhitespace} onChange={setIgnoreWhitespace} testId="history-ignore-whitespace">
          Ignore whitespace
        </Toggle>
        <Toggle pressed={onlyDifferences} onChange={setOnlyDifferences}>
          Only differences
        </Toggle>
      </div>
      <HistoryDiffTable rows={onlyDifferences ? rows.filter((row) => row.status !== 'same') : rows} columns={[labelA, labelB]} />
    </section>
  );
}
