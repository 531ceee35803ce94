import { useEffect, useMemo, useRef, useState } from 'react';
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

/**
 * Every history step of the image with the layer it made: size (with a bar against the biggest
 * layer), the Dockerfile text, when, and the digest. Selecting a layer (here or in the treemap)
 * highlights its row and scrolls it into view.
 */
export function LayersTable({ image, sharedDigests, selectedLayer, onSelectLayer }: LayersTableProps) {
  const history = useMemo(() => buildLayerHistory(image), [image]);
  const [hideEmpty, setHideEmpty] = useState(false);
  const body = useRef<HTMLTableSectionElement>(null);
  const biggest = Math.max(1, ...history.rows.map((row) => row.sizeBytes ?? 0));
  const rows = hideEmpty ? history.rows.filter((row) => !row.emptyLayer) : history.rows;

  useEffect(() => {
    if (selectedLayer === undefined) return;
    const row = body.current?.querySelector<HTMLTableRowElement>(`[data-layer-index="${String(selectedLayer)}"]`);
    row?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [selectedLayer]);

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
      <div className="table-scroll">
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
          <tbody ref={body}>
            {rows.map((row) => (
              <LayerRow key={row.index} row={row} biggest={biggest} shared={row.layer !== undefined && sharedDigests.has(row.layer.digest)} selected={row.layerIndex !== undefined && row.layerIndex === selectedLayer} onSelect={onSelectLayer} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function LayerRow({ row, biggest, shared, selected, onSelect }: { readonly row: LayerHistoryRow; readonly biggest: number; readonly shared: boolean; readonly selected: boolean; readonly onSelect: (layerIndex: number) => void }) {
  const layerIndex = row.layerIndex;
  const classes = ['layer-row', row.emptyLayer ? 'empty' : '', selected ? 'selected' : '', row.mismatch !== undefined ? 'mismatch' : ''].filter(Boolean).join(' ');
  const select = () => {
    if (layerIndex !== undefined) onSelect(layerIndex);
  };
  return (
    <tr className={classes} data-layer-index={layerIndex} aria-selected={layerIndex === undefined ? undefined : selected} onClick={select}>
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
}
