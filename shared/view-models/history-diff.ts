/**
 * The cross-platform Dockerfile-history diff: each image's history aligned step by step against
 * the first image (the base), with changed steps highlighted word by word.
 *
 * Status, relative to the base (with 3+ platforms a row summarises every other platform):
 * - `same`: every platform has the step, with the same text;
 * - `changed`: the base has the step and at least one platform has a similar step with other text
 *   (same instruction; for ENV/ARG/LABEL, the same name);
 * - `removed`: the base has the step and at least one platform lacks it (and none changed it);
 * - `added`: the base lacks the step and at least one other platform has it.
 * Each cell also says how that platform compares with the base (`state`).
 */
import type { PlatformImage } from '../image/image-report';
import { alignAll } from './history-align';
import { historySteps, similarSteps, type HistoryStep, type HistoryStepOptions } from './history-steps';
import { addedWords, removedWords, type HighlightedWord } from './word-highlights';

/** How a row compares across platforms, relative to the base. */
export type HistoryRowStatus = 'same' | 'added' | 'removed' | 'changed';

/** How one platform's cell compares with the base cell of its row. */
export type HistoryCellState = 'base' | 'same' | 'changed' | 'added' | 'missing';

/** Options of the history diff. */
export type HistoryDiffOptions = HistoryStepOptions;

/** One platform's step on a row. */
export interface HistoryDiffCell {
  /** The step's Dockerfile text; undefined when this platform has no step on the row. */
  readonly text?: string;
  /** Compressed size of the layer the step made. */
  readonly sizeBytes?: number;
  /** True for a step that made no layer. */
  readonly emptyLayer: boolean;
  /** `created` of the history entry. */
  readonly created?: string;
  /** Word highlights, on changed rows only: the base cell and each changed cell. */
  readonly words?: readonly HighlightedWord[];
  /** `base` for the base's own step; `missing` when this platform has none on the row. */
  readonly state: HistoryCellState;
}

/** One aligned step. */
export interface HistoryDiffRow {
  /** Stable id for list keys: `base-<n>` for base steps, `added-<n>-<k>` for steps the base lacks. */
  readonly id: string;
  /** How the row compares, relative to the base. */
  readonly status: HistoryRowStatus;
  /** One cell per image, in the order the images were given. */
  readonly cells: readonly HistoryDiffCell[];
}

const MISSING: HistoryDiffCell = { emptyLayer: false, state: 'missing' };

/** Aligns the histories of `images` (the first is the base) into diff rows. */
export function alignHistories(images: readonly PlatformImage[], options: HistoryDiffOptions): readonly HistoryDiffRow[] {
  const lists = images.map((image) => historySteps(image, options));
  const { rows, changed } = alignAll(lists, similarSteps);
  let baseIndex = 0;
  let addedIndex = 0;
  return rows.map((row, r) => {
    const steps = row.map((cell, l) => (cell === undefined ? undefined : lists[l]?.[cell]));
    const base = steps[0];
    if (base === undefined) {
      const cells = steps.map((step) => (step === undefined ? MISSING : cellOf(step, 'added')));
      return { id: `added-${baseIndex}-${addedIndex++}`, status: 'added', cells };
    }
    addedIndex = 0;
    const id = `base-${baseIndex++}`;
    return baseRow(id, base, steps.slice(1), changed[r]?.slice(1) ?? [], options);
  });
}

function baseRow(
  id: string,
  base: HistoryStep,
  others: readonly (HistoryStep | undefined)[],
  changed: readonly boolean[],
  options: HistoryDiffOptions,
): HistoryDiffRow {
  const changedTexts = others.filter((step, i): step is HistoryStep => step !== undefined && changed[i] === true).map((step) => step.text);
  const otherCells = others.map((step, i): HistoryDiffCell => {
    if (step === undefined) return MISSING;
    if (changed[i] !== true) return cellOf(step, 'same');
    return { ...cellOf(step, 'changed'), words: addedWords(base.text, step.text, options) };
  });
  if (changedTexts.length === 0) {
    const status = otherCells.some((cell) => cell.state === 'missing') ? 'removed' : 'same';
    return { id, status, cells: [cellOf(base, 'base'), ...otherCells] };
  }
  const baseCell = { ...cellOf(base, 'base'), words: removedWords(base.text, changedTexts, options) };
  return { id, status: 'changed', cells: [baseCell, ...otherCells] };
}

function cellOf(step: HistoryStep, state: HistoryCellState): HistoryDiffCell {
  return {
    text: step.text,
    ...(step.sizeBytes === undefined ? {} : { sizeBytes: step.sizeBytes }),
    emptyLayer: step.emptyLayer,
    ...(step.created === undefined ? {} : { created: step.created }),
    state,
  };
}
