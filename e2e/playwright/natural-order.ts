/**
 * The version-aware order a user expects from the tag browser ("3.9 before 3.10", "3.11 before
 * 3.11-slim"), written independently of the app's implementation so the test can check it: runs
 * of digits compare by value, everything else by character code, a prefix sorts first.
 */
export function compareNatural(a: string, b: string): number {
  const left = a.match(/\d+|\D+/g) ?? [];
  const right = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] as string;
    const y = right[i] as string;
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const byValue = BigInt(x) - BigInt(y);
      if (byValue !== 0n) return byValue < 0n ? -1 : 1;
      continue;
    }
    // Compare where they first differ, by character code (digits sort before letters).
    return x < y ? -1 : 1;
  }
  if (left.length !== right.length) return left.length - right.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy of `tags` in natural order. */
export function sortNatural(tags: readonly string[]): readonly string[] {
  return [...tags].sort(compareNatural);
}
