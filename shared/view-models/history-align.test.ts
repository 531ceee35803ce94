import { describe, expect, it } from 'vitest';
import { alignAll, type AlignableStep } from './history-align';

/** Steps written as `KIND:detail`; steps of the same KIND are similar. */
const steps = (text: string): readonly AlignableStep[] => (text === '' ? [] : text.split(' ').map((key) => ({ key })));
const similar = (a: AlignableStep, b: AlignableStep): boolean => a.key.split(':')[0] === b.key.split(':')[0];

/** Renders the alignment as one string per row: each list's key, `-` for none, `*` when changed. */
function render(lists: readonly string[]): readonly string[] {
  const parsed = lists.map(steps);
  const { rows, changed } = alignAll(parsed, similar);
  return rows.map((row, r) =>
    row.map((cell, l) => (cell === undefined ? '-' : `${parsed[l]?.[cell]?.key ?? '?'}${changed[r]?.[l] === true ? '*' : ''}`)).join(' | '),
  );
}

describe('alignAll', () => {
  it.each<[string, readonly string[], readonly string[]]>([
    ['identical', ['A B C', 'A B C'], ['A | A', 'B | B', 'C | C']],
    ['one extra step in the other list', ['A C', 'A B C'], ['A | A', '- | B', 'C | C']],
    ['one step missing from the other list', ['A B C', 'A C'], ['A | A', 'B | -', 'C | C']],
    ['a similar step is changed', ['A ENV:x=1 C', 'A ENV:x=2 C'], ['A | A', 'ENV:x=1 | ENV:x=2*', 'C | C']],
    ['a different step is removed then added', ['A RUN:x C', 'A ENV:y C'], ['A | A', 'RUN:x | -', '- | ENV:y', 'C | C']],
    [
      'pairs the similar step even when the others are in between',
      ['A RUN:x ENV:a=1 C', 'A ENV:a=2 COPY:z C'],
      ['A | A', 'RUN:x | -', 'ENV:a=1 | ENV:a=2*', '- | COPY:z', 'C | C'],
    ],
    ['extra steps at the end', ['A', 'A B C'], ['A | A', '- | B', '- | C']],
    ['extra steps at the start', ['C', 'A B C'], ['- | A', '- | B', 'C | C']],
    ['empty base', ['', 'A'], ['- | A']],
    ['empty other', ['A', ''], ['A | -']],
    [
      'the same extra step in two other lists is one row',
      ['A C', 'A B C', 'A B C'],
      ['A | A | A', '- | B | B', 'C | C | C'],
    ],
    [
      'different extra steps in two other lists are two rows',
      ['A C', 'A B C', 'A D C'],
      ['A | A | A', '- | B | -', '- | - | D', 'C | C | C'],
    ],
    ['only the base', ['A B'], ['A', 'B']],
  ])('%s', (_name, lists, expected) => {
    expect(render(lists)).toEqual(expected);
  });
});
