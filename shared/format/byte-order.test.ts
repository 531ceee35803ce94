import { describe, expect, it } from 'vitest';
import { compareByteOrder } from './byte-order';

describe('compareByteOrder', () => {
  it.each<[string, string]>([
    ['4', '4-fastcgi'],
    ['4-fastcgi', '4-standalone'],
    ['4-standalone', '4.17.1'],
    ['4.17.1', 'fastcgi'],
    ['fastcgi', 'latest'],
    ['Z', 'a'],
    ['3.10', '3.9'],
    ['a', 'ab'],
    ['\uffff', '\u{10000}'],
  ])('%s sorts before %s', (earlier, later) => {
    expect(compareByteOrder(earlier, later)).toBeLessThan(0);
    expect(compareByteOrder(later, earlier)).toBeGreaterThan(0);
  });

  it('sorts a list into C-locale order', () => {
    expect(['b', 'B', '10', '9', '1-a', '1.a'].sort(compareByteOrder)).toEqual(['1-a', '1.a', '10', '9', 'B', 'b']);
  });
});
