/**
 * Step-by-step alignment of two or more step lists against the first one (the base), built on
 * `diff`'s `diffArrays`. Knows nothing about Dockerfiles: steps are compared by `key`, and a caller's
 * `similar` decides which removed/added pairs are one changed step.
 */
import { diffArrays } from 'diff';

/** Anything with a comparison key. */
export interface AlignableStep {
  /** Steps with equal keys are the same step. */
  readonly key: string;
}

/** Where a step of another list sits relative to the base. */
export interface BaseMatch {
  /** Index of the other list's step on this base step's row. */
  readonly otherIndex: number;
  /** True when the steps are only similar (a changed step), false when their keys are equal. */
  readonly changed: boolean;
}

/** How one list lines up with the base. */
export interface PairwiseAlignment {
  /** Per base step: the other list's step on its row, or undefined when the other list lacks it. */
  readonly baseMatches: readonly (BaseMatch | undefined)[];
  /**
   * The other list's steps that have no base row, keyed by the base index they come before
   * (`base.length` for the end), each group in list order.
   */
  readonly insertions: ReadonlyMap<number, readonly number[]>;
}

/** One aligned row: the step index of each list on it, undefined where a list has no step. */
export type AlignedRow = readonly (number | undefined)[];

/** Everything aligned, in display order. */
export interface MultiAlignment {
  /** Rows in order; `cells[0]` is the base step. */
  readonly rows: readonly AlignedRow[];
  /** Per row, per list: true when that list's step is only similar to the base step (changed). */
  readonly changed: readonly (readonly boolean[])[];
}

/**
 * Aligns `other` against `base`.
 *
 * Equal keys are matched by an LCS diff. Inside each run of removed plus added steps, a second diff
 * with `similar` as the comparator pairs steps into changed rows while keeping both orders; the rest
 * of the run stays removed (base only) or inserted (other only), in diff order.
 */
export function alignPair<T extends AlignableStep>(
  base: readonly T[],
  other: readonly T[],
  similar: (a: T, b: T) => boolean,
): PairwiseAlignment {
  const baseMatches: (BaseMatch | undefined)[] = base.map(() => undefined);
  const insertions = new Map<number, number[]>();
  const insertBefore = (gap: number, otherIndex: number): void => {
    const group = insertions.get(gap) ?? [];
    group.push(otherIndex);
    insertions.set(gap, group);
  };
  let baseIndex = 0;
  let otherIndex = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const flushRun = (): void => {
    pairRun(base, other, removed, added, baseIndex, similar, baseMatches, insertBefore);
    removed = [];
    added = [];
  };
  const byKey = (a: T, b: T): boolean => a.key === b.key;
  for (const change of diffArrays([...base], [...other], { comparator: byKey })) {
    for (let k = 0; k < change.count; k++) {
      if (change.removed) removed.push(baseIndex++);
      else if (change.added) added.push(otherIndex++);
      else {
        if (removed.length > 0 || added.length > 0) flushRun();
        baseMatches[baseIndex++] = { otherIndex: otherIndex++, changed: false };
      }
    }
  }
  flushRun();
  return { baseMatches, insertions };
}

/** Pairs similar steps of one removed/added run; `runEnd` is the base index after the run. */
function pairRun<T extends AlignableStep>(
  base: readonly T[],
  other: readonly T[],
  removed: readonly number[],
  added: readonly number[],
  runEnd: number,
  similar: (a: T, b: T) => boolean,
  baseMatches: (BaseMatch | undefined)[],
  insertBefore: (gap: number, otherIndex: number) => void,
): void {
  if (added.length === 0) return;
  if (removed.length === 0) {
    for (const index of added) insertBefore(runEnd, index);
    return;
  }
  const removedSteps = removed.map((index) => base[index] as T);
  const addedSteps = added.map((index) => other[index] as T);
  let r = 0;
  let a = 0;
  let pendingAdded: number[] = [];
  const placePending = (gap: number): void => {
    for (const index of pendingAdded) insertBefore(gap, index);
    pendingAdded = [];
  };
  for (const change of diffArrays(removedSteps, addedSteps, { comparator: similar })) {
    for (let k = 0; k < change.count; k++) {
      if (change.added) {
        pendingAdded.push(added[a++] as number);
        continue;
      }
      const baseIndex = removed[r++] as number;
      placePending(baseIndex);
      if (!change.removed) baseMatches[baseIndex] = { otherIndex: added[a++] as number, changed: true };
    }
  }
  placePending(runEnd);
}

/**
 * Aligns every list against `lists[0]`.
 *
 * Steps that several other lists insert at the same place are aligned with each other by key, so
 * an extra step that arm64 and arm/v7 share shows as one row.
 */
export function alignAll<T extends AlignableStep>(lists: readonly (readonly T[])[], similar: (a: T, b: T) => boolean): MultiAlignment {
  const base = lists[0] ?? [];
  const pairs = lists.slice(1).map((other) => alignPair(base, other, similar));
  const rows: AlignedRow[] = [];
  const changed: boolean[][] = [];
  for (let gap = 0; gap <= base.length; gap++) {
    for (const row of mergeInsertions(lists, pairs, gap)) {
      rows.push(row);
      changed.push(row.map(() => false));
    }
    if (gap === base.length) break;
    const matches = pairs.map((pair) => pair.baseMatches[gap]);
    rows.push([gap, ...matches.map((match) => match?.otherIndex)]);
    changed.push([false, ...matches.map((match) => match?.changed === true)]);
  }
  return { rows, changed };
}

/** The rows inserted before base step `gap`, with equal steps of different lists on one row. */
function mergeInsertions<T extends AlignableStep>(
  lists: readonly (readonly T[])[],
  pairs: readonly PairwiseAlignment[],
  gap: number,
): readonly AlignedRow[] {
  let rows: (number | undefined)[][] = [];
  const keyOf = (row: readonly (number | undefined)[]): string => {
    const listIndex = row.findIndex((cell) => cell !== undefined);
    return lists[listIndex]?.[row[listIndex] as number]?.key ?? '';
  };
  pairs.forEach((pair, p) => {
    const inserted = pair.insertions.get(gap);
    if (inserted === undefined) return;
    const listIndex = p + 1;
    const keys = inserted.map((index) => lists[listIndex]?.[index]?.key ?? '');
    const merged: (number | undefined)[][] = [];
    let r = 0;
    let i = 0;
    for (const change of diffArrays(rows.map(keyOf), keys)) {
      for (let k = 0; k < change.count; k++) {
        if (change.added) {
          const row: (number | undefined)[] = lists.map(() => undefined);
          row[listIndex] = inserted[i++];
          merged.push(row);
        } else {
          const row = rows[r++] as (number | undefined)[];
          if (!change.removed) row[listIndex] = inserted[i++];
          merged.push(row);
        }
      }
    }
    rows = merged;
  });
  return rows;
}
