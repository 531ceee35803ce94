import { useState, type KeyboardEvent } from 'react';
import type { TreemapCell } from '../../../shared/view-models';

/** Layer colours: CSS variables per theme (`--tm-0` … `--tm-7`), by layer position. */
const PALETTE_SIZE = 8;

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

/**
 * Draws precomputed treemap cells (`treemap-cell`, `data-digest`). Shared layers get a hatch and a
 * dashed outline, foreign layers a dotted one; the selected layer a thick outline. Cells are
 * focusable buttons: Enter or Space selects, focus shows the same tooltip as hover.
 */
export function TreemapSvg({ cells, width, height, label, selectedLayer, onSelect, labels = true, idPrefix }: TreemapSvgProps) {
  const [hovered, setHovered] = useState<HoveredCell>();
  const hatch = `${idPrefix}-hatch`;
  const onKey = (event: KeyboardEvent, cell: TreemapCell) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onSelect(cell);
  };
  return (
    <div className="treemap-box" style={{ width, height }} onMouseLeave={() => setHovered(undefined)}>
      <svg className="treemap" width={width} height={height} viewBox={`0 0 ${String(width)} ${String(height)}`} role="group" aria-label={label}>
        <defs>
          <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="6" className="hatch-line" />
          </pattern>
        </defs>
        {cells.map((cell) => {
          const w = Math.max(0, cell.x1 - cell.x0);
          const h = Math.max(0, cell.y1 - cell.y0);
          const selected = cell.layerIndex === selectedLayer;
          const classes = ['tm-cell', cell.shared ? 'shared' : '', cell.foreign ? 'foreign' : '', selected ? 'selected' : ''].filter(Boolean).join(' ');
          const name = `Layer ${String(cell.layerIndex + 1)}: ${cell.sizeLabel}${cell.shared ? ', shared' : ''}${cell.foreign ? ', foreign' : ''}. ${firstLine(cell.command) || 'no history step'}`;
          return (
            <g
              key={cell.key}
              className={classes}
              data-testid="treemap-cell"
              data-digest={cell.digest}
              data-layer-index={cell.layerIndex}
              transform={`translate(${String(cell.x0)},${String(cell.y0)})`}
              tabIndex={w > 0 && h > 0 ? 0 : -1}
              role="button"
              aria-pressed={selected}
              aria-label={name}
              onClick={() => onSelect(cell)}
              onKeyDown={(event) => onKey(event, cell)}
              onMouseMove={(event) => {
                const box = event.currentTarget.ownerSVGElement?.getBoundingClientRect();
                setHovered({ cell, x: event.clientX - (box?.left ?? 0), y: event.clientY - (box?.top ?? 0) });
              }}
              onFocus={() => setHovered({ cell, x: cell.x0 + w / 2, y: cell.y0 + h / 2 })}
              onBlur={() => setHovered(undefined)}
            >
              <rect width={w} height={h} className="tm-fill" style={{ fill: `var(--tm-${String(cell.layerIndex % PALETTE_SIZE)})` }} />
              {cell.shared && <rect width={w} height={h} fill={`url(#${hatch})`} className="tm-hatch" />}
              <rect width={Math.max(0, w - 1)} height={Math.max(0, h - 1)} x={0.5} y={0.5} className="tm-outline" />
              {labels && w > 56 && h > 30 && (
                <text x={6} y={16} className="tm-label">
                  <tspan className="tm-size">{cell.sizeLabel}</tspan>
                  {h > 46 && (
                    <tspan x={6} dy={15} className="tm-command">
                      {clip(firstLine(cell.command), Math.floor((w - 12) / 6.4))}
                    </tspan>
                  )}
                </text>
              )}
            </g>
          );
        })}
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
