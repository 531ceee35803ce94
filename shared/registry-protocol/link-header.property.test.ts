import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LINK_HEADER_LENGTH, parseNextLink } from './link-header';

const BASE = 'https://registry.example/v2/library/python/tags/list?n=100';

describe('parseNextLink properties', () => {
  it('never throws, and gives undefined or an http(s) URL, on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom(BASE, 'not a url', ''), (header, base) => {
        const next = parseNextLink(header, base);
        if (next !== undefined) expect(new URL(next).protocol).toMatch(/^https?:$/);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on Link-shaped strings', () => {
    const unit = fc.constantFrom(...'<>;=", \\/?&'.split(''), 'rel', 'next', '</v2/x?last=a>', 'http://', 'javascript:');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (header) => {
        const next = parseNextLink(header, BASE);
        if (next !== undefined) expect(new URL(next).protocol).toMatch(/^https?:$/);
      }),
      { numRuns: 3000 },
    );
  });

  it('ignores every header over the cap, up to 20k characters', () => {
    fc.assert(
      fc.property(fc.constantFrom('<', 'a', '</x>; rel="next", ', '"'), fc.integer({ min: MAX_LINK_HEADER_LENGTH + 1, max: 20_000 }), (unit, length) => {
        const header = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
        expect(parseNextLink(header, BASE)).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });

  it('resolves any next target against the base, wherever the link stands', () => {
    const last = fc.stringMatching(/^[\w.-]{1,20}$/);
    const others = fc.array(fc.constantFrom('</a>; rel="prev"', '</b>; rel=last', '</c>'), { maxLength: 2 });
    fc.assert(
      fc.property(last, others, others, fc.constantFrom('rel="next"', 'rel=next', 'REL="Next"'), (tag, before, after, rel) => {
        const target = `/v2/library/python/tags/list?last=${tag}&n=100`;
        const header = [...before, `<${target}>; ${rel}`, ...after].join(', ');
        expect(parseNextLink(header, BASE)).toBe(new URL(target, BASE).href);
      }),
      { numRuns: 500 },
    );
  });
});
