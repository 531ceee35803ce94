import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RegscopeError } from '../api/errors';
import { MAX_WWW_AUTHENTICATE_LENGTH, parseWwwAuthenticate } from './www-authenticate';

function onlyRegscopeErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof RegscopeError)) throw error;
  }
}

const HEADER_CHARS = fc.constantFrom(...'Bb aA="\\,=\t/:r;'.split(''), 'realm', 'scope', 'Bearer ', 'Basic ', '""', '\\"');

/** A quoted-string holding `value`, escaped as RFC 7230 §3.2.6 says. */
const quote = (value: string) => `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;

describe('parseWwwAuthenticate properties', () => {
  it('throws nothing but RegscopeError on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (header) => {
        onlyRegscopeErrors(() => parseWwwAuthenticate(header));
      }),
      { numRuns: 1000 },
    );
  });

  it('throws nothing but RegscopeError on header-shaped strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: HEADER_CHARS, maxLength: 80 }), (header) => {
        onlyRegscopeErrors(() => parseWwwAuthenticate(header));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses every header over the cap, up to 20k characters, by its length', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('a', '"', '\\', ',', ' ', 'Bearer realm="x",', 'a=', '""'),
        fc.integer({ min: MAX_WWW_AUTHENTICATE_LENGTH + 1, max: 20_000 }),
        (unit, length) => {
          const header = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
          expect(() => parseWwwAuthenticate(header)).toThrow(/at most 8192/);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reads back any parameters written as quoted strings', () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/).filter((name) => name !== 'scope');
    const value = fc.string({ unit: fc.constantFrom(...'ab "\\,=;/:'.split(''), 'ü'), maxLength: 20 });
    const params = fc.uniqueArray(fc.tuple(key, value), { selector: ([name]) => name, minLength: 1, maxLength: 5 });
    const challenges = fc.array(fc.tuple(fc.constantFrom('Bearer', 'Basic', 'bearer', 'X-Custom'), params), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(challenges, fc.constantFrom(',', ', ', ' ,\t'), (list, separator) => {
        const header = list.map(([scheme, ps]) => `${scheme} ${ps.map(([k, v]) => `${k}=${quote(v)}`).join(separator)}`).join(separator);
        const parsed = parseWwwAuthenticate(header);
        expect(parsed.map((c) => c.scheme)).toEqual(list.map(([scheme]) => scheme.toLowerCase()));
        parsed.forEach((challenge, i) => expect({ ...challenge.params }).toEqual(Object.fromEntries(list[i]?.[1] ?? [])));
      }),
      { numRuns: 1000 },
    );
  });
});
