/**
 * Orders for the tag list: version-aware ("natural") and plain byte order.
 *
 * Tags are ASCII (`[A-Za-z0-9_.-]`, distribution spec), so comparing UTF-16 code units is byte order.
 */

/** `natural`: numbers inside tags compare as numbers; `byte`: plain byte order, as registries list them. */
export type TagSortMode = 'natural' | 'byte';

/** Ascending (1.9 before 1.10) or descending (newest version first). */
export type SortDirection = 'asc' | 'desc';

const DIGIT_0 = 48;
const DIGIT_9 = 57;

function isDigit(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_9;
}

/** Plain byte order: `1.10` before `1.9`, `Latest` before `alpha`. */
export function compareTagsByteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Version-aware order: runs of digits compare by numeric value, everything else by byte.
 *
 * So `1.9 < 1.10 < 1.10.1`, `3.11 < 3.11-slim` (a tag sorts before its own suffixed variants),
 * `py3.9 < py3.10`. Numbers of any length compare correctly (no float conversion). Tags that only
 * differ in leading zeros (`01` and `1`) fall back to byte order, so the order is total.
 * Pre-release words are not interpreted: `1.0rc1` sorts after `1.0`.
 */
export function compareTagsNatural(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      const startA = i;
      const startB = j;
      while (i < a.length && isDigit(a.charCodeAt(i))) i++;
      while (j < b.length && isDigit(b.charCodeAt(j))) j++;
      const byNumber = compareDigitRuns(a, startA, i, b, startB, j);
      if (byNumber !== 0) return byNumber;
      continue;
    }
    if (ca !== cb) return ca - cb;
    i++;
    j++;
  }
  const byLength = a.length - i - (b.length - j);
  return byLength !== 0 ? byLength : compareTagsByteOrder(a, b);
}

/** Compares `a[startA, endA)` and `b[startB, endB)` as non-negative integers of any length. */
function compareDigitRuns(a: string, startA: number, endA: number, b: string, startB: number, endB: number): number {
  let za = startA;
  let zb = startB;
  while (za < endA - 1 && a.charCodeAt(za) === DIGIT_0) za++;
  while (zb < endB - 1 && b.charCodeAt(zb) === DIGIT_0) zb++;
  const lengthDifference = endA - za - (endB - zb);
  if (lengthDifference !== 0) return lengthDifference;
  for (; za < endA; za++, zb++) {
    const difference = a.charCodeAt(za) - b.charCodeAt(zb);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** A sorted copy of `tags`; the input is left alone. */
export function sortTags(tags: readonly string[], mode: TagSortMode, direction: SortDirection = 'asc'): readonly string[] {
  const compare = mode === 'natural' ? compareTagsNatural : compareTagsByteOrder;
  const sign = direction === 'asc' ? 1 : -1;
  return [...tags].sort((a, b) => sign * compare(a, b));
}
