import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EPOCH_HTTP_DATE, formatHttpDate, parseMojoDate, repoInfoDate, reprintHttpDate } from './http-date';

const SEEDS_DIR = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

/** Every date printed in the seeds (history `# …` lines and layer `Last Modified:` lines). */
function seedDates(): string[] {
  const dates = new Set<string>();
  for (const name of readdirSync(SEEDS_DIR)) {
    const text = readFileSync(`${SEEDS_DIR}${name}`, 'utf8');
    for (const match of text.matchAll(/^(?:# |\t\tLast Modified: )(\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT)/gm)) {
      dates.add(match[1] ?? '');
    }
  }
  return [...dates];
}

describe('repoInfoDate', () => {
  it.each<[string | undefined, string]>([
    ['2019-01-30T22:19:52Z', 'Wed, 30 Jan 2019 22:19:52 GMT'],
    ['2019-01-30T22:19:52.999999Z', 'Wed, 30 Jan 2019 22:19:52 GMT'],
    ['2019-02-06T01:45:11.123456789Z', 'Wed, 06 Feb 2019 01:45:11 GMT'],
    ['2019-01-30T23:19:52+01:00', 'Wed, 30 Jan 2019 22:19:52 GMT'],
    ['2019-01-30T16:49:52.5-05:30', 'Wed, 30 Jan 2019 22:19:52 GMT'],
    ['2019-01-31T00:30:00+02:00', 'Wed, 30 Jan 2019 22:30:00 GMT'],
    ['2019-01-30t22:19:52z', 'Wed, 30 Jan 2019 22:19:52 GMT'],
    ['2019-01-30 22:19:52', 'Wed, 30 Jan 2019 22:19:52 GMT'],
    ['2020-02-29T12:00:00Z', 'Sat, 29 Feb 2020 12:00:00 GMT'],
    ['2000-02-29T00:00:00Z', 'Tue, 29 Feb 2000 00:00:00 GMT'],
    ['2016-11-22T23:24:34.123Z', 'Tue, 22 Nov 2016 23:24:34 GMT'],
    ['9999-12-31T23:59:59Z', 'Fri, 31 Dec 9999 23:59:59 GMT'],
    ['1970-01-01T00:00:00Z', EPOCH_HTTP_DATE],
  ])('%s → %s', (created, expected) => {
    expect(repoInfoDate(created)).toBe(expected);
  });

  it.each<[string, string | undefined, string]>([
    ['Go zero time becomes 2001 (Time::Local two-digit year)', '0001-01-01T00:00:00Z', 'Mon, 01 Jan 2001 00:00:00 GMT'],
    ['a three-digit year counts from 1900', '0119-01-30T22:19:52Z', 'Wed, 30 Jan 2019 22:19:52 GMT'],
    ['a missing date', undefined, EPOCH_HTTP_DATE],
    ['an empty date', '', EPOCH_HTTP_DATE],
    ['an offset without a colon', '2019-01-30T22:19:52+0100', EPOCH_HTTP_DATE],
    ['garbage', 'yesterday', EPOCH_HTTP_DATE],
    ['30 February', '2019-02-30T00:00:00Z', EPOCH_HTTP_DATE],
    ['29 February of a common year', '2019-02-29T00:00:00Z', EPOCH_HTTP_DATE],
    ['month 13', '2019-13-01T00:00:00Z', EPOCH_HTTP_DATE],
    ['hour 24', '2019-01-30T24:00:00Z', EPOCH_HTTP_DATE],
    ['a leap second', '2016-12-31T23:59:60Z', EPOCH_HTTP_DATE],
    ['a date before 1970', '1969-12-31T23:00:00Z', EPOCH_HTTP_DATE],
    ['an offset that lands before 1970', '1970-01-01T00:30:00+01:00', EPOCH_HTTP_DATE],
    ['nanoseconds within half a ULP carry, as in Perl', '2019-01-30T22:19:52.999999999Z', 'Wed, 30 Jan 2019 22:19:53 GMT'],
    ['a trailing newline (Perl `$`)', '2019-01-30T22:19:52Z\n', 'Wed, 30 Jan 2019 22:19:52 GMT'],
    ['trailing text', '2019-01-30T22:19:52Z trailing', EPOCH_HTTP_DATE],
    ['an epoch number', '784111777', 'Sun, 06 Nov 1994 08:49:37 GMT'],
  ])('%s', (_name, created, expected) => {
    expect(repoInfoDate(created)).toBe(expected);
  });
});

describe('reprintHttpDate', () => {
  it.each(seedDates())('re-prints the seed date %s unchanged', (date) => {
    expect(reprintHttpDate(date)).toBe(date);
  });

  it.each<[string, string | undefined]>([
    ['Sun, 6 Nov 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 08:49:37 GMT'],
    ['Sun,  06 Nov 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 08:49:37 GMT'],
    ['Sunday, 06-Nov-94 08:49:37 GMT', 'Sun, 06 Nov 1994 08:49:37 GMT'],
    ['Sun Nov  6 08:49:37 1994', 'Sun, 06 Nov 1994 08:49:37 GMT'],
    ['Thu, 06 Foo 1994 08:49:37 GMT', 'Thu, 06 Jan 1994 08:49:37 GMT'],
    ['Sun, 06 Nov 1994 08:49:37 UTC', undefined],
    ['Sun 06 Nov 1994 08:49:37 GMT', undefined],
    ['', undefined],
  ])('%s → %s (an unknown month name is January, as Perl reads undef)', (header, expected) => {
    expect(reprintHttpDate(header)).toBe(expected);
  });
});

describe('formatHttpDate', () => {
  it('matches the JS Date calendar for every second up to year 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253402300799 }), (epoch) => {
        expect(formatHttpDate(epoch)).toBe(new Date(epoch * 1000).toUTCString());
      }),
      { numRuns: 5_000 },
    );
  });

  it('and parseMojoDate reads its output back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253402300799 }), (epoch) => {
        expect(parseMojoDate(formatHttpDate(epoch))).toBe(epoch);
      }),
      { numRuns: 2_000 },
    );
  });

  it.each<[number, string]>([
    [-1, EPOCH_HTTP_DATE],
    [Number.NaN, EPOCH_HTTP_DATE],
    [1548886792.999, 'Wed, 30 Jan 2019 22:19:52 GMT'],
  ])('%d → %s', (epoch, expected) => {
    expect(formatHttpDate(epoch)).toBe(expected);
  });
});
