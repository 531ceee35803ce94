/**
 * Which history step made which layer: the layer table of the image view, and the input of the
 * treemap labels and the history diff.
 *
 * History entries without `empty_layer: true` made the layers, in order. Images whose counts
 * disagree exist (hand-edited configs, some non-Docker builders): what can be paired is, and the
 * rest is flagged rather than hidden.
 */
import type { HistoryEntry, LayerInfo, PlatformImage } from '../image/image-report';
import { dockerfileLines } from '../history/dockerfile-line';

/** Why a row could not be paired. */
export type LayerHistoryMismatch = 'history-without-layer' | 'layer-without-history';

/** One row of the layer table: a history step, its layer, or both. */
export interface LayerHistoryRow {
  /** Position of the row, from 0. */
  readonly index: number;
  /** Position of the layer in the manifest; undefined for an empty-layer step. */
  readonly layerIndex?: number;
  /** The layer this step made. */
  readonly layer?: LayerInfo;
  /** Position of the step in `config.history`. */
  readonly historyIndex?: number;
  /** The history step. */
  readonly history?: HistoryEntry;
  /** The step as Dockerfile text (repo-info's current style; lines joined with `\n`); empty without history. */
  readonly command: string;
  /** True for a step that made no layer (`ENV`, `CMD`, ...). */
  readonly emptyLayer: boolean;
  /** Compressed layer size; 0 for an empty-layer step; undefined when unknown. */
  readonly sizeBytes?: number;
  /** Set when this row is one of the unpaired rest. */
  readonly mismatch?: LayerHistoryMismatch;
}

/** The layer table of one image. */
export interface LayerHistory {
  /** History steps in order, then any layers left over. */
  readonly rows: readonly LayerHistoryRow[];
  /** True when the layer count and the non-empty history count disagree. */
  readonly mismatched: boolean;
}

/** Pairs the layers of `image` with the history steps that made them. */
export function buildLayerHistory(image: PlatformImage): LayerHistory {
  const history = image.config.history ?? [];
  const shell = image.config.config?.Shell;
  const rows: LayerHistoryRow[] = [];
  let layerIndex = 0;
  history.forEach((entry, historyIndex) => {
    const common = { index: rows.length, historyIndex, history: entry, command: dockerfileLines(entry.created_by, shell, 'current') };
    if (entry.empty_layer === true) {
      rows.push({ ...common, emptyLayer: true, sizeBytes: 0 });
      return;
    }
    const layer = image.layers[layerIndex];
    if (layer === undefined) {
      rows.push({ ...common, emptyLayer: false, mismatch: 'history-without-layer' });
      return;
    }
    rows.push({ ...common, ...layerFields(layer, layerIndex++), emptyLayer: false });
  });
  const mismatched = layerIndex !== image.layers.length || rows.some((row) => row.mismatch !== undefined);
  for (; layerIndex < image.layers.length; layerIndex++) {
    const layer = image.layers[layerIndex] as LayerInfo;
    rows.push({ index: rows.length, ...layerFields(layer, layerIndex), command: '', emptyLayer: false, mismatch: 'layer-without-history' });
  }
  return { rows, mismatched };
}

function layerFields(layer: LayerInfo, layerIndex: number): Pick<LayerHistoryRow, 'layer' | 'layerIndex' | 'sizeBytes'> {
  return { layer, layerIndex, ...(layer.size === undefined ? {} : { sizeBytes: layer.size }) };
}
