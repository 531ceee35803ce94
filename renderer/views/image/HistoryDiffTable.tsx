import { Fragment } from 'react';
import { formatBytes } from '../../../shared/format/size';
import type { HighlightedWord, HistoryDiffCell, HistoryDiffRow, HistoryRowStatus } from '../../../shared/view-models';

const STATUS_LABEL: { readonly [S in HistoryRowStatus]: string } = { same: '=', changed: '≠', added: '+', removed: '−' };
const STATUS_TITLE: { readonly [S in HistoryRowStatus]: string } = {
  same: 'Same step on every platform',
  changed: 'The step differs between platforms',
  added: 'Only on some platforms, not on the first',
  removed: 'On the first platform, missing on some others',
};

/**
 * Aligned history rows (`history-row`, `data-status`), one column per platform, changed words
 * highlighted, the size of the layer each step made beside it.
 */
export function HistoryDiffTable({ rows, columns }: { readonly rows: readonly HistoryDiffRow[]; readonly columns: readonly string[] }) {
  return (
    <div className="history-grid" role="table" aria-label="History across platforms" style={{ gridTemplateColumns: `2rem repeat(${String(columns.length)}, minmax(0, 1fr))` }}>
      <div role="row" className="history-head">
        <span role="columnheader" className="status-cell" aria-label="Status" />
        {columns.map((column) => (
          <span key={column} role="columnheader" className="history-col-head">
            <code>{column}</code>
          </span>
        ))}
      </div>
      {rows.map((row) => (
        <div key={row.id} role="row" className={`history-row status-${row.status}`} data-testid="history-row" data-status={row.status}>
          <span role="cell" className="status-cell" title={STATUS_TITLE[row.status]} aria-label={row.status}>
            {STATUS_LABEL[row.status]}
          </span>
          {row.cells.map((cell, index) => (
            <Cell key={index} cell={cell} />
          ))}
        </div>
      ))}
    </div>
  );
}

function Cell({ cell }: { readonly cell: HistoryDiffCell }) {
  if (cell.text === undefined) {
    return (
      <span role="cell" className="history-cell missing" aria-label="no such step">
        —
      </span>
    );
  }
  return (
    <span role="cell" className={`history-cell cell-${cell.state}${cell.emptyLayer ? ' empty' : ''}`}>
      <pre className="step">{cell.words === undefined ? cell.text : <Words words={cell.words} />}</pre>
      <span className="history-size" title={cell.sizeBytes === undefined ? undefined : `${String(cell.sizeBytes)} bytes`}>
        {cell.emptyLayer ? '' : cell.sizeBytes === undefined ? '' : formatBytes(cell.sizeBytes)}
      </span>
    </span>
  );
}

function Words({ words }: { readonly words: readonly HighlightedWord[] }) {
  return (
    <>
      {words.map((word, index) =>
        word.change === 'same' ? (
          <Fragment key={index}>{word.text}</Fragment>
        ) : word.change === 'added' ? (
          <ins key={index} className="word-added">
            {word.text}
          </ins>
        ) : (
          <del key={index} className="word-removed">
            {word.text}
          </del>
        ),
      )}
    </>
  );
}
