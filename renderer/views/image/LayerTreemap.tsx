import { useMemo, useState } from 'react';
import { formatBytes } from '../../../shared/format/size';
import type { PlatformImage } from '../../../shared/image/image-report';
import { buildLayerTreemap, buildSmallMultiples, type PlatformChip } from '../../../shared/view-models';
import { Toggle } from '../../components/Toggle';
import { useElementWidth } from '../../hooks/use-element-width';
import { TreemapSvg } from './TreemapSvg';

/** Props of the treemap panel. */
export interface LayerTreemapProps {
  /** The selected platform image. */
  readonly image: PlatformImage;
  /** Every image of the tag (attestations are left out by the builders). */
  readonly images: readonly PlatformImage[];
  readonly chips: readonly PlatformChip[];
  readonly sharedDigests: ReadonlySet<string>;
  readonly selectedLayer: number | undefined;
  /** Selects a layer of `digest` (an image of the tag; the selected one when left out). */
  readonly onSelectLayer: (layerIndex: number, digest?: string) => void;
  readonly onSelectPlatform: (key: string) => void;
}

/**
 * The layer-size treemap of the selected platform, or (toggle) small multiples of every platform on
 * one scale, so "why is arm64 40 MB bigger" is visible as area. Clicking a cell selects the layer
 * (the layers table scrolls to it); in small multiples it also switches platform.
 */
export function LayerTreemap({ image, images, chips, sharedDigests, selectedLayer, onSelectLayer, onSelectPlatform }: LayerTreemapProps) {
  const [multiples, setMultiples] = useState(false);
  // Drawn once, at the measured width: until the first measurement the box holds a placeholder.
  const [box, measuredWidth] = useElementWidth<HTMLDivElement>(560);
  const width = measuredWidth ?? 0;
  const height = Math.round(Math.min(440, Math.max(220, width * 0.55)));
  const cells = useMemo(() => (measuredWidth === undefined || multiples ? [] : buildLayerTreemap(image, { width, height, sharedDigests })), [image, measuredWidth, multiples, width, height, sharedDigests]);
  const platformCount = chips.length;
  const columns = Math.min(platformCount, width > 900 ? 3 : 2);
  const boxWidth = Math.max(120, Math.floor((width - (columns - 1) * 12) / Math.max(1, columns)));
  const smallMultiples = useMemo(
    () => (multiples && measuredWidth !== undefined ? buildSmallMultiples(images, { maxWidth: boxWidth, maxHeight: Math.round(boxWidth * 0.6), sharedDigests }) : []),
    [multiples, measuredWidth, images, boxWidth, sharedDigests],
  );
  const sharedCount = image.layers.filter((layer) => sharedDigests.has(layer.digest)).length;
  return (
    <section className="panel treemap-panel" aria-labelledby="treemap-heading">
      <div className="panel-head">
        <h2 id="treemap-heading">Layers by size</h2>
        <span className="spacer" />
        {platformCount > 1 && (
          <Toggle pressed={multiples} onChange={setMultiples} title="Every platform's treemap, on one scale (same bytes, same area)" testId="small-multiples-toggle">
            All platforms, one scale
          </Toggle>
        )}
      </div>
      <div ref={box} className="treemap-measure">
        {measuredWidth === undefined ? (
          <div className="treemap-placeholder" aria-hidden="true" />
        ) : !multiples ? (
          <TreemapSvg cells={cells} width={width} height={height} label={`Layers of ${image.digest} by compressed size`} selectedLayer={selectedLayer} onSelect={(cell) => onSelectLayer(cell.layerIndex)} idPrefix="tm-main" />
        ) : (
          <div className="multiples" style={{ gridTemplateColumns: `repeat(${String(columns)}, ${String(boxWidth)}px)` }}>
            {smallMultiples.map((multiple, index) => {
              const chip = chips.find((candidate) => candidate.digest === multiple.digest);
              const current = multiple.digest === image.digest;
              return (
                <figure key={multiple.digest} className={current ? 'multiple current' : 'multiple'}>
                  <figcaption>
                    <button type="button" className="link-button" onClick={() => chip !== undefined && onSelectPlatform(chip.key)}>
                      {chip?.label ?? multiple.digest}
                    </button>{' '}
                    <span className="muted">{formatBytes(multiple.totalBytes)}</span>
                  </figcaption>
                  <div className="multiple-frame" style={{ width: boxWidth, height: Math.round(boxWidth * 0.6) }}>
                    <TreemapSvg
                      cells={multiple.cells}
                      width={Math.max(1, Math.round(multiple.width))}
                      height={Math.max(1, Math.round(multiple.height))}
                      label={`Layers of ${chip?.label ?? multiple.digest}`}
                      labels={false}
                      {...(current && selectedLayer !== undefined ? { selectedLayer } : {})}
                      onSelect={(cell) => {
                        if (chip !== undefined && !current) onSelectPlatform(chip.key);
                        onSelectLayer(cell.layerIndex, multiple.digest);
                      }}
                      idPrefix={`tm-multi-${String(index)}`}
                    />
                  </div>
                </figure>
              );
            })}
          </div>
        )}
      </div>
      <p className="legend">
        <span className="swatch" style={{ background: 'var(--tm-0)' }} /> layer (colour by position) <span className="swatch hatched" /> shared with another platform of this tag
        {sharedCount > 0 && <span className="muted"> ({sharedCount} here)</span>} <span className="swatch foreign" /> foreign layer
        {multiples && <span className="muted"> · boxes scale with total size</span>}
      </p>
    </section>
  );
}
