import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RegscopeError } from '../api/errors';
import { MAX_SCOPE_LENGTH, formatScope, parseScope } from './scope';

function onlyRegscopeErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof RegscopeError)) throw error;
  }
}

describe('parseScope properties', () => {
  it('throws nothing but RegscopeError on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        onlyRegscopeErrors(() => parseScope(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('throws nothing but RegscopeError on scope-shaped strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab:,/ ()*'.split(''), 'repository', 'pull'), maxLength: 40 }), (text) => {
        onlyRegscopeErrors(() => parseScope(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses every scope over the cap, up to 20k characters, by its length', () => {
    fc.assert(
      fc.property(fc.constantFrom(':', 'a', 'a:', ','), fc.integer({ min: MAX_SCOPE_LENGTH + 1, max: 20_000 }), (unit, length) => {
        const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
        expect(() => parseScope(text)).toThrow(/longer than 4096/);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps colons in the name: the type ends at the first colon, the actions start after the last', () => {
    const name = fc.string({ unit: fc.constantFrom(...'ab1:/.-['.split('')), minLength: 1, maxLength: 30 });
    const actions = fc.array(fc.constantFrom('pull', 'push', 'delete', '*'), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.constantFrom('repository', 'registry'), name, actions, (type, resource, acts) => {
        const text = `${type}:${resource}:${acts.join(',')}`;
        expect(parseScope(text)).toEqual({ type, name: resource, actions: acts });
        expect(formatScope(parseScope(text))).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});
