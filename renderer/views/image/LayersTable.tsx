import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { formatBytes } from '../../../shared/format/size';
import type { PlatformImage } from '../../../shared/image/image-report';
import { buildLayerHistory, type LayerHistoryRow } from '../../../shared/view-models';
import { Toggle } from '../../components/Toggle';
import { formatUtc } from '../../lib/dates';
import { shortDigest } from '../../lib/short-digest';

/** Props of the layers table. */
export interface LayersTableProps {
  readonly image: PlatformImage;
  readonly sharedDigests: ReadonlySet<string>;
  readonly selectedLayer: number | undefined;
  readonly onSelectLayer: (layerIndex: number) => void;
}

/** A first guess of a row's height; rows are measured once drawn (long steps are taller). */
const ROW_ESTIMATE = 34;

/** Whether the page is being printed: the table then draws every row, not only the visible ones. */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const on = () => setPrinting(true);
    const off = () => setPrinting(false);
    window.addEventListener('beforeprint', on);
    window.addEventListener('afterprint', off);
    return () => {
      window.removeEventListener('beforeprint', on);
      window.removeEventListener('afterprint', off);
    };
  }, []);
  return printing;
}

/**
 * Every history step of the image with the layer it made: size (with a bar against the biggest
 * layer), the Dockerfile text, when, and the digest. Selecting a layer (here or in the treemap)
 * highlights its row and scrolls it into view. Virtualized: only the rows in view (and a few
 * more) exist, so an image of a thousand layers opens as fast as one of ten.
 */
export function LayersTable({ image, sharedDigests, selectedLayer, onSelectLayer }: LayersTableProps) {
  const history = useMemo(() => buildLayerHistory(image), [image]);
  const [hideEmpty, setHideEmpty] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const printing = usePrinting();
  const biggest = useMemo(() => history.rows.reduce((max, row) => Math.max(max, row.sizeBytes ?? 0), 1), [history]);
  const rows = useMemo(() => (hideEmpty ? history.rows.filter((row) => !row.emptyLayer) : history.rows), [history, hideEmpty]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (index) => rows[index]?.index ?? index,
    overscan: 8,
    initialRect: { width: 800, height: 600 },
  });

  useEffect(() => {
    if (selectedLayer === undefined) return undefined;
    const index = rows.findIndex((row) => row.layerIndex === selectedLayer);
    if (index < 0) return undefined;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // Then bring the row (now drawn) into the page's view too, as the table may be off screen.
    const frame = requestAnimationFrame(() => {
      const row = scroller.current?.querySelector<HTMLTableRowElement>(`[data-layer-index="${String(selectedLayer)}"]`);
      row?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    });
    return () => cancelAnimationFrame(frame);
  }, [selectedLayer, rows]);

  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const visible = printing ? rows.map((row, index) => ({ row, index })) : items.flatMap((item) => (rows[item.index] === undefined ? [] : [{ row: rows[item.index] as LayerHistoryRow, index: item.index }]));
  const padTop = printing || first === undefined ? 0 : first.start;
  const padBottom = printing || last === undefined ? 0 : Math.max(0, virtualizer.getTotalSize() - last.end);

  return (
    <section className="panel layers-panel" aria-labelledby="layers-heading">
      <div className="panel-head">
        <h2 id="layers-heading">Layers and the steps that made them</h2>
        <span className="spacer" />
        <Toggle pressed={hideEmpty} onChange={setHideEmpty} title="Hide ENV, CMD, LABEL… steps that made no layer">
          Hide empty-layer steps
        </Toggle>
      </div>
      {history.mismatched && (
        <p className="notice" role="note">
          The history and the layer list do not pair up ({image.layers.length} layers, {history.rows.filter((row) => !row.emptyLayer && row.history !== undefined).length} steps that made one); unpaired rows are marked.
        </p>
      )}
      <div className="table-scroll" ref={scroller}>
        <table className="layers-table">
          <thead>
            <tr>
              <th scope="col" className="num">#</th>
              <th scope="col" className="num">Size</th>
              <th scope="col">Step</th>
              <th scope="col">Created</th>
              <th scope="col">Layer</th>
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr className="virtual-pad" aria-hidden="true">
                <td colSpan={5} style={{ height: padTop }} />
              </tr>
            )}
            {visible.map(({ row, index }) => (
              <LayerRow
                key={row.index}
                row={row}
                index={index}
                measure={printing ? undefined : virtualizer.measureElement}
                biggest={biggest}
                shared={row.layer !== undefined && sharedDigests.has(row.layer.digest)}
                selected={row.layerIndex !== undefined && row.layerIndex === selectedLayer}
                onSelect={onSelectLayer}
              />
            ))}
            {padBottom > 0 && (
              <tr className="virtual-pad" aria-hidden="true">
                <td colSpan={5} style={{ height: padBottom }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

interface LayerRowProps {
  readonly row: LayerHistoryRow;
  /** Position in the shown rows (the virtualizer's index). */
  readonly index: number;
  /** The virtualizer's measuring ref (none while printing). */
  readonly measure: ((element: Element | null) => void) | undefined;
  readonly biggest: number;
  readonly shared: boolean;
  readonly selected: boolean;
  readonly onSelect: (layerIndex: number) => void;
}

const LayerRow = memo(function LayerRow({ row, index, measure, biggest, shared, selected, onSelect }: LayerRowProps) {
  const layerIndex = row.layerIndex;
  const classes = ['layer-row', row.emptyLayer ? 'empty' : '', selected ? 'selected' : '', row.mismatch !== undefined ? 'mismatch' : ''].filter(Boolean).join(' ');
  const select = () => {
    if (layerIndex !== undefined) onSelect(layerIndex);
  };
  return (
    <tr ref={measure} data-index={index} className={classes} data-layer-index={layerIndex} aria-selected={layerIndex === undefined ? undefined : selected} onClick={select}>
      <td className="num muted">{layerIndex === undefined ? '' : layerIndex + 1}</td>
      <td className="num size-cell">
        {row.emptyLayer ? (
          <span className="muted">—</span>
        ) : (
          <>
            <span title={row.sizeBytes === undefined ? 'size unknown' : `${String(row.sizeBytes)} bytes`}>{row.sizeBytes === undefined ? '?' : formatBytes(row.sizeBytes)}</span>
            <span className="size-bar" aria-hidden="true">
              <span style={{ width: `${String(Math.max(1, Math.round(((row.sizeBytes ?? 0) / biggest) * 100)))}%` }} />
            </span>
          </>
        )}
      </td>
      <td className="step-cell">
        <pre className="step">{row.command || <span className="muted">no history step for this layer</span>}</pre>
        {row.mismatch === 'history-without-layer' && <span className="badge warn">step without a layer</span>}
        {row.mismatch === 'layer-without-history' && <span className="badge warn">layer without a step</span>}
      </td>
      <td className="muted nowrap small">{row.history?.created === undefined ? '' : formatUtc(row.history.created)}</td>
      <td className="nowrap">
        {row.layer !== undefined && (
          <>
            {layerIndex !== undefined ? (
              <button type="button" className="link-button mono" title={`${row.layer.digest}\nSelect this layer`} aria-pressed={selected} onClick={(event) => {
                event.stopPropagation();
                select();
              }}>
                {shortDigest(row.layer.digest)}
              </button>
            ) : (
              <code title={row.layer.digest}>{shortDigest(row.layer.digest)}</code>
            )}
            {shared && <span className="badge" title="The same layer is in another platform of this tag">shared</span>}
            {row.layer.urls !== undefined && row.layer.urls.length > 0 && <span className="badge" title={row.layer.urls.join('\n')}>foreign</span>}
          </>
        )}
      </td>
    </tr>
  );
});
