import { useMemo, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { TreemapCell } from '../../../shared/view-models';

/** Layer colours: CSS variables per theme (`--tm-0` … `--tm-7`), by layer position. */
const PALETTE_SIZE = 8;
/** Half the gap between cells: the background shows between them (cheaper to paint than a stroke per cell). */
const GAP = 0.5;
const PALETTE = Array.from({ length: PALETTE_SIZE }, (_, index) => index);

/** What the tooltip shows, and where (relative to the SVG's box). */
export interface HoveredCell {
  readonly cell: TreemapCell;
  readonly x: number;
  readonly y: number;
}

/** Props of one treemap drawing. */
export interface TreemapSvgProps {
  readonly cells: readonly TreemapCell[];
  readonly width: number;
  readonly height: number;
  /** Accessible name of the drawing. */
  readonly label: string;
  readonly selectedLayer?: number;
  readonly onSelect: (cell: TreemapCell) => void;
  /** Draw labels inside cells big enough (off for small multiples). */
  readonly labels?: boolean;
  /** Unique per page: pattern ids live in one document. */
  readonly idPrefix: string;
}

/** The cell under an event: every cell is one `<rect>` carrying its position in `cells`. */
function cellOf(cells: readonly TreemapCell[], target: EventTarget): TreemapCell | undefined {
  if (!(target instanceof Element)) return undefined;
  const index = target.getAttribute('data-cell');
  return index === null ? undefined : cells[Number(index)];
}

/**
 * Draws precomputed treemap cells (`treemap-cell`, `data-digest`), one `<rect>` each. Shared layers
 * get a hatch and a dashed outline, foreign layers a dotted one; the selected layer a thick
 * outline. Cells are focusable buttons: Enter or Space selects, focus shows the same tooltip as
 * hover. The events are handled once, on the `<svg>` (a thousand cells, one set of handlers).
 */
export function TreemapSvg({ cells, width, height, label, selectedLayer, onSelect, labels = true, idPrefix }: TreemapSvgProps) {
  const [hovered, setHovered] = useState<HoveredCell>();
  const hatch = `${idPrefix}-hatch`;
  // The cells do not depend on hover: moving the mouse re-renders the tooltip only.
  const drawn = useMemo(
    () =>
      cells.map((cell, index) => {
        const w = Math.max(0, cell.x1 - cell.x0);
        const h = Math.max(0, cell.y1 - cell.y0);
        const colour = cell.layerIndex % PALETTE_SIZE;
        const selected = cell.layerIndex === selectedLayer;
        const classes = `tm-cell tm-c${String(colour)}${cell.shared ? ' shared' : ''}${cell.foreign ? ' foreign' : ''}${selected ? ' selected' : ''}`;
        return (
          <rect
            key={cell.key}
            className={classes}
            data-testid="treemap-cell"
            data-digest={cell.digest}
            data-layer-index={cell.layerIndex}
            data-cell={index}
            x={cell.x0 + GAP}
            y={cell.y0 + GAP}
            width={Math.max(0, w - 2 * GAP)}
            height={Math.max(0, h - 2 * GAP)}
            style={cell.shared ? { fill: `url(#${hatch}-${String(colour)})` } : undefined}
            tabIndex={w > 0 && h > 0 ? 0 : -1}
            role="button"
            aria-pressed={selected}
            aria-label={`Layer ${String(cell.layerIndex + 1)}: ${cell.sizeLabel}${cell.shared ? ', shared' : ''}${cell.foreign ? ', foreign' : ''}`}
          />
        );
      }),
    [cells, selectedLayer, hatch],
  );
  const texts = useMemo(
    () =>
      labels
        ? cells.map((cell) => {
            const w = cell.x1 - cell.x0;
            const h = cell.y1 - cell.y0;
            if (w <= 56 || h <= 30) return null;
            return (
              <text key={cell.key} x={cell.x0 + 6} y={cell.y0 + 16} className="tm-label">
                <tspan className="tm-size">{cell.sizeLabel}</tspan>
                {h > 46 && (
                  <tspan x={cell.x0 + 6} dy={15} className="tm-command">
                    {clip(firstLine(cell.command), Math.floor((w - 12) / 6.4))}
                  </tspan>
                )}
              </text>
            );
          })
        : null,
    [cells, labels],
  );
  const selectedCell = selectedLayer === undefined ? undefined : cells.find((cell) => cell.layerIndex === selectedLayer);

  const onClick = (event: MouseEvent) => {
    const cell = cellOf(cells, event.target);
    if (cell !== undefined) onSelect(cell);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const cell = cellOf(cells, event.target);
    if (cell === undefined) return;
    event.preventDefault();
    onSelect(cell);
  };
  const onMouseMove = (event: MouseEvent<SVGSVGElement>) => {
    const cell = cellOf(cells, event.target);
    if (cell === undefined) return;
    const box = event.currentTarget.getBoundingClientRect();
    setHovered({ cell, x: event.clientX - box.left, y: event.clientY - box.top });
  };
  const onFocus = (event: FocusEvent) => {
    const cell = cellOf(cells, event.target);
    if (cell !== undefined) setHovered({ cell, x: (cell.x0 + cell.x1) / 2, y: (cell.y0 + cell.y1) / 2 });
  };
  return (
    <div className="treemap-box" style={{ width, height }} onMouseLeave={() => setHovered(undefined)}>
      <svg
        className="treemap"
        width={width}
        height={height}
        viewBox={`0 0 ${String(width)} ${String(height)}`}
        role="group"
        aria-label={label}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onMouseMove={onMouseMove}
        onFocus={onFocus}
        onBlur={() => setHovered(undefined)}
      >
        <defs>
          {PALETTE.map((colour) => (
            <pattern key={colour} id={`${hatch}-${String(colour)}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" className={`tm-c${String(colour)}`} />
              <line x1="0" y1="0" x2="0" y2="6" className="hatch-line" />
            </pattern>
          ))}
        </defs>
        {drawn}
        {texts}
        {selectedCell !== undefined && (
          <rect
            className="tm-selected-outline"
            x={selectedCell.x0 + 1.5}
            y={selectedCell.y0 + 1.5}
            width={Math.max(0, selectedCell.x1 - selectedCell.x0 - 3)}
            height={Math.max(0, selectedCell.y1 - selectedCell.y0 - 3)}
            aria-hidden="true"
          />
        )}
      </svg>
      {hovered !== undefined && <Tooltip hovered={hovered} width={width} />}
    </div>
  );
}

function Tooltip({ hovered, width }: { readonly hovered: HoveredCell; readonly width: number }) {
  const { cell } = hovered;
  const left = Math.min(Math.max(0, hovered.x + 12), Math.max(0, width - 320));
  return (
    <div className="tm-tooltip" role="tooltip" style={{ left, top: hovered.y + 14 }}>
      <div>
        <strong>{cell.sizeLabel}</strong> · layer {cell.layerIndex + 1}
        {cell.shared && <span className="badge">shared</span>}
        {cell.foreign && <span className="badge">foreign</span>}
      </div>
      <pre className="tm-tooltip-command">{clip(cell.command || 'no history step recorded', 600)}</pre>
      <code className="muted small">{cell.digest}</code>
    </div>
  );
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '' && !line.startsWith('# ARGS')) ?? '';
}

function clip(text: string, max: number): string {
  if (max <= 1) return '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
