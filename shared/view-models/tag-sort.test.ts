import { describe, expect, it } from 'vitest';
import { compareTagsNatural, sortTags } from './tag-sort';

describe('compareTagsNatural', () => {
  it.each<[string, string]>([
    ['1.9', '1.10'],
    ['1.10', '1.10.1'],
    ['3.11', '3.11-slim'],
    ['3.11-alpine', '3.11-slim'],
    ['3.9-slim', '3.10'],
    ['py3.9', 'py3.10'],
    ['v2', 'v10'],
    ['01', '1'],
    ['99999999999999999999', '100000000000000000000'],
    ['1.0', '1.0rc1'],
    ['20.04', 'latest'],
  ])('%s sorts before %s', (earlier, later) => {
    expect(compareTagsNatural(earlier, later)).toBeLessThan(0);
    expect(compareTagsNatural(later, earlier)).toBeGreaterThan(0);
  });

  it.each(['latest', '1.10.1', ''])('%s equals itself', (tag) => {
    expect(compareTagsNatural(tag, tag)).toBe(0);
  });
});

describe('sortTags', () => {
  const tags = ['latest', '3.10', '3.9', '3.11-slim', '3.11', '3.9-slim', '1.10.1', '1.9', '1.10'];

  it.each<[string, Parameters<typeof sortTags>[1], Parameters<typeof sortTags>[2], readonly string[]]>([
    ['natural', 'natural', 'asc', ['1.9', '1.10', '1.10.1', '3.9', '3.9-slim', '3.10', '3.11', '3.11-slim', 'latest']],
    ['natural, newest first', 'natural', 'desc', ['latest', '3.11-slim', '3.11', '3.10', '3.9-slim', '3.9', '1.10.1', '1.10', '1.9']],
    ['byte order', 'byte', 'asc', ['1.10', '1.10.1', '1.9', '3.10', '3.11', '3.11-slim', '3.9', '3.9-slim', 'latest']],
  ])('%s', (_name, mode, direction, expected) => {
    expect(sortTags(tags, mode, direction)).toEqual(expected);
  });

  it('leaves its input alone', () => {
    const input = ['b', 'a'];
    sortTags(input, 'byte');
    expect(input).toEqual(['b', 'a']);
  });
});
