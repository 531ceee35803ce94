/**
 * Compares two strings in UTF-8 byte order, like `sort` in the C locale.
 *
 * repo-info lists tags through `sort -u` in byte order (repo-info-format.md §7). Comparing code
 * points gives the same order as comparing UTF-8 bytes; JavaScript's `<` compares UTF-16 units,
 * which differs for characters above U+FFFF.
 */
export function compareByteOrder(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const difference = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}
