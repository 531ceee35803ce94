import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EPOCH_HTTP_DATE, formatHttpDate, parseMojoDate, repoInfoDate, reprintHttpDate } from '../../shared/format/http-date';
import { formatBytes, formatRepoInfoSize } from '../../shared/format/size';

/**
 * Property tests of the size and date formatters that print registry-supplied numbers and dates
 * (descriptor sizes, `created`, `Last-Modified`): for any input they never throw and always give
 * the documented shape. No timing assertions.
 */
const RUNS = { numRuns: 3000 };
const HTTP_DATE = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4,} \d{2}:\d{2}:\d{2} GMT$/;
/** The latest second with a four-digit year (9999-12-31T23:59:59Z). */
const YEAR_9999 = 253402300799;

/** Any number JavaScript can hold, special values included. */
const anyNumber = fc.oneof(fc.double(), fc.integer(), fc.maxSafeNat(), fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53, -(2 ** 53)));
/** Date-like text, and anything. */
const dateText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
  fc.stringMatching(/^\d{1,6}-\d{1,3}-\d{1,3}T\d{1,3}:\d{1,3}:\d{1,3}(\.\d{1,12})?([+-]\d{1,3}:\d{1,3}|Z)?$/),
  fc.stringMatching(/^\w{3}, \d{1,3} \w{3} \d{1,6} \d{1,2}:\d{1,2}:\d{1,2} GMT$/),
);

describe('size formatters', () => {
  it('formatRepoInfoSize: a size gives `<n>.<d> <unit>` and, above B, the exact byte count', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (bytes) => {
        const text = formatRepoInfoSize(bytes);
        const match = /^(\d+)\.(\d) (B|KB|MB|GB|TB)(?: \((\d+) bytes\))?$/.exec(text);
        expect(match, text).not.toBeNull();
        expect(match?.[3] === 'B').toBe(match?.[4] === undefined);
        if (match?.[4] !== undefined) expect(Number(match[4])).toBe(bytes);
      }),
      RUNS,
    );
  });

  it('formatBytes: a size gives `<n>[.<d>] <unit>`; integers below 1000 are exact', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (bytes) => {
        const text = formatBytes(bytes);
        expect(text).toMatch(/^-?\d+(?:\.\d)? (B|KB|MB|GB|TB|PB)$/);
        if (Math.abs(bytes) < 1000) expect(text).toBe(`${String(bytes)} B`);
      }),
      RUNS,
    );
  });

  it('neither throws for any number, and both return text', () => {
    fc.assert(
      fc.property(anyNumber, (value) => {
        expect(typeof formatRepoInfoSize(value)).toBe('string');
        expect(typeof formatBytes(value)).toBe('string');
        if (!Number.isFinite(value)) expect(formatBytes(value)).toBe('? B');
      }),
      RUNS,
    );
  });
});

describe('date formatters', () => {
  it('formatHttpDate: any number gives an RFC 7231 GMT date; unusable ones give epoch 0', () => {
    fc.assert(
      fc.property(anyNumber, (seconds) => {
        const text = formatHttpDate(seconds);
        expect(text).toMatch(HTTP_DATE);
        if (!Number.isFinite(seconds) || seconds < 0) expect(text).toBe(EPOCH_HTTP_DATE);
      }),
      RUNS,
    );
  });

  it('formatHttpDate and parseMojoDate round-trip every second of years 1970–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: YEAR_9999 }), (seconds) => {
        expect(parseMojoDate(formatHttpDate(seconds))).toBe(seconds);
      }),
      RUNS,
    );
  });

  it('parseMojoDate: any text gives undefined or a non-negative finite number', () => {
    fc.assert(
      fc.property(dateText, (text) => {
        const epoch = parseMojoDate(text);
        if (epoch !== undefined) expect(Number.isFinite(epoch) && epoch >= 0).toBe(true);
      }),
      RUNS,
    );
  });

  it('repoInfoDate and reprintHttpDate: any text gives the GMT shape (or undefined for reprint)', () => {
    fc.assert(
      fc.property(fc.option(dateText, { nil: undefined }), (text) => {
        expect(repoInfoDate(text)).toMatch(HTTP_DATE);
        if (text !== undefined) {
          const reprinted = reprintHttpDate(text);
          if (reprinted !== undefined) expect(reprinted).toMatch(HTTP_DATE);
        }
      }),
      RUNS,
    );
  });
});
