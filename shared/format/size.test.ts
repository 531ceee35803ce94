import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBytes, formatRepoInfoSize } from './size';

/** /work/shared/seeds: two real repo-info reports (this file is /work/main/shared/format/size.test.ts). */
const SEEDS_DIR = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

/** Every `Size:` and `Total Size:` value of both seeds, as [bytes, text as printed]. */
function seedSizes(): Array<[number, string]> {
  const sizes: Array<[number, string]> = [];
  for (const name of readdirSync(SEEDS_DIR)) {
    const text = readFileSync(`${SEEDS_DIR}${name}`, 'utf8');
    for (const match of text.matchAll(/^(?:-\tTotal Size: \*\*|\t\tSize: )(.+?)(?:\*\*)?  $/gm)) {
      const printed = match[1] ?? '';
      const bytes = /\((\d+) bytes\)$/.exec(printed)?.[1] ?? /^(\d+)\.0 B$/.exec(printed)?.[1];
      sizes.push([Number(bytes), printed]);
    }
  }
  return sizes;
}

/**
 * `%.1f` computed on the exact binary value with BigInt, ties to even: an independent reference
 * that does not share the `toFixed` shortcut of the implementation.
 */
function exactFixed1(value: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponentBits === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (exponentBits === 0 ? 1 : exponentBits) - 1075;
  // value * 10 = mantissa * 10 * 2^exponent; round that to an integer, ties to even.
  let tenths: bigint;
  if (exponent >= 0) {
    tenths = mantissa * 10n * (1n << BigInt(exponent));
  } else {
    const denominator = 1n << BigInt(-exponent);
    const numerator = mantissa * 10n;
    tenths = numerator / denominator;
    const twice = (numerator % denominator) * 2n;
    if (twice > denominator || (twice === denominator && tenths % 2n === 1n)) tenths += 1n;
  }
  return `${String(tenths / 10n)}.${String(tenths % 10n)}`;
}

describe('formatRepoInfoSize', () => {
  // repo-info-format.md §5.5, every row of the table.
  it.each<[number, string]>([
    [0, '0.0 B'],
    [231, '231.0 B'],
    [999, '999.0 B'],
    [1000, '1000.0 B'],
    [1001, '1.0 KB (1001 bytes)'],
    [1150, '1.1 KB (1150 bytes)'],
    [1218, '1.2 KB (1218 bytes)'],
    [1250, '1.2 KB (1250 bytes)'],
    [1350, '1.4 KB (1350 bytes)'],
    [2250, '2.2 KB (2250 bytes)'],
    [301889, '301.9 KB (301889 bytes)'],
    [999950, '1000.0 KB (999950 bytes)'],
    [1000024, '1000.0 KB (1000024 bytes)'],
    [1000999, '1001.0 KB (1000999 bytes)'],
    [1001000, '1.0 MB (1001000 bytes)'],
    [32956405, '33.0 MB (32956405 bytes)'],
    [688636945, '688.6 MB (688636945 bytes)'],
    [4069985900, '4.1 GB (4069985900 bytes)'],
    [1000000000000, '1000.0 GB (1000000000000 bytes)'],
    [2000000000000000, '2000.0 TB (2000000000000000 bytes)'],
  ])('§5.5: %d bytes → %s', (bytes, expected) => {
    expect(formatRepoInfoSize(bytes)).toBe(expected);
  });

  const fromSeeds = seedSizes();

  it('finds every Size and Total Size line of the seeds (41 + 36)', () => {
    expect(fromSeeds).toHaveLength(77);
  });

  it.each([...new Map(fromSeeds).entries()])('seed: %d bytes → %s', (bytes, expected) => {
    expect(formatRepoInfoSize(bytes)).toBe(expected);
  });

  it.each<[number, string]>([
    [3250, '3.2 KB (3250 bytes)'],
    [3750, '3.8 KB (3750 bytes)'],
    [1000250, '1000.2 KB (1000250 bytes)'],
    [2250000, '2.2 MB (2250000 bytes)'],
  ])('breaks exact .25/.75 ties to the even digit: %d → %s', (bytes, expected) => {
    expect(formatRepoInfoSize(bytes)).toBe(expected);
  });

  it('agrees with exact ties-to-even %.1f for any size up to 2^53', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.maxSafeInteger().map(Math.abs)), (bytes) => {
        let unit = 0;
        while (unit < 4 && Math.trunc(bytes / 1000 ** unit) > 1000) unit += 1;
        const number = exactFixed1(bytes / 1000 ** unit);
        expect(formatRepoInfoSize(bytes).startsWith(`${number} `)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('formatBytes', () => {
  it.each<[number, string]>([
    [0, '0 B'],
    [231, '231 B'],
    [999, '999 B'],
    [1000, '1.0 KB'],
    [301889, '301.9 KB'],
    [999949, '999.9 KB'],
    [999950, '1.0 MB'],
    [32956405, '33.0 MB'],
    [4069985900, '4.1 GB'],
    [2000000000000000, '2.0 PB'],
  ])('%d bytes → %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});
