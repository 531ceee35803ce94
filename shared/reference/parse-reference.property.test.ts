import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RegscopeError } from '../api/errors';
import { MAX_REFERENCE_LENGTH, parseReference, parseRepository } from './parse-reference';
import { formatReference } from './format-reference';
import type { ImageReference } from './reference-model';

/** Runs `fn`; anything thrown must be a RegscopeError. */
function onlyRegscopeErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof RegscopeError)) throw error;
  }
}

// Characters the grammar cares about, so generated strings get past the first checks.
const GRAMMAR_CHARS = fc.constantFrom(...'abcz019AZ._-_/:@[]%$ \u00e9'.split(''), 'sha256:', 'library/', 'localhost', 'docker.io/');

// Shapes that make a naive backtracking port of the distribution/reference pattern blow up.
const ADVERSARIAL_UNITS = ['a', 'a-', 'a.', 'a_', 'a__', 'a/', '0', '0:', '[', ':', '[::', 'a-b.', '-', '.', 'a@', 'aA'];

describe('parseReference properties', () => {
  it('throws nothing but RegscopeError on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (input) => {
        onlyRegscopeErrors(() => parseReference(input));
        onlyRegscopeErrors(() => parseRepository(input));
      }),
      { numRuns: 1000 },
    );
  });

  it('throws nothing but RegscopeError on grammar-shaped strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: GRAMMAR_CHARS, maxLength: 60 }), (input) => {
        onlyRegscopeErrors(() => parseReference(input));
      }),
      { numRuns: 3000 },
    );
  });

  it('handles adversarial repetitions under the cap', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ADVERSARIAL_UNITS),
        fc.integer({ min: 1, max: MAX_REFERENCE_LENGTH / 4 }),
        fc.constantFrom('', '!', ':', '@', '/', '-', ':tag', `@sha256:${'a'.repeat(64)}`),
        (unit, times, tail) => {
          const input = (unit.repeat(times) + tail).slice(0, MAX_REFERENCE_LENGTH);
          onlyRegscopeErrors(() => parseReference(input));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses every input over the cap, up to 20k characters, by its length', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ADVERSARIAL_UNITS, 'python'),
        fc.integer({ min: MAX_REFERENCE_LENGTH + 1, max: 20_000 }),
        (unit, length) => {
          const input = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
          expect(() => parseReference(input)).toThrow(/too long/);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reads back what formatReference writes', () => {
    const component = fc
      .tuple(fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.array(fc.tuple(fc.constantFrom('.', '_', '__', '-', '---'), fc.stringMatching(/^[a-z0-9]{1,6}$/)), { maxLength: 2 }))
      .map(([head, rest]) => head + rest.map(([sep, part]) => sep + part).join(''));
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);
    const registry = fc.oneof(
      fc.constant('docker.io'),
      fc.constant('localhost'),
      fc.tuple(label, label).map(([a, b]) => `${a}.${b}`),
      fc.tuple(label, fc.integer({ min: 1, max: 65535 })).map(([host, port]) => `${host}:${port}`),
      fc.constant('[::1]:5000'),
    );
    const tag = fc.stringMatching(/^\w[\w.-]{0,20}$/);
    const digest = fc.stringMatching(/^[0-9a-f]{64}$/).map((hex) => `sha256:${hex}`);
    const reference = fc
      .record({ registry, path: fc.array(component, { minLength: 1, maxLength: 3 }), tag: fc.option(tag), digest: fc.option(digest) })
      .map(({ registry: host, path, tag: t, digest: d }): ImageReference => {
        const repository = host === 'docker.io' && path.length === 1 ? `library/${path[0]}` : path.join('/');
        return { registry: host, repository, ...(t !== null ? { tag: t } : {}), ...(d !== null ? { digest: d } : {}) };
      });
    fc.assert(
      fc.property(reference, (ref) => {
        expect(parseReference(formatReference(ref))).toStrictEqual(ref);
      }),
      { numRuns: 1000 },
    );
  });
});
