import { describe, expect, it } from 'vitest';
import { filterTagIndex, filterTags, prepareTagIndex, type TagQuery } from './tag-list';

const TAGS = ['latest', '3.11', '3.11-slim', '3.11-Alpine', '3.12-rc1', 'nanoserver-ltsc2022', 'sha256-abc.sig'];

describe('filterTags', () => {
  it.each<[string, TagQuery, readonly string[]]>([
    ['empty text keeps every tag', { text: '', mode: 'substring' }, TAGS],
    ['substring', { text: '3.11', mode: 'substring' }, ['3.11', '3.11-slim', '3.11-Alpine']],
    ['substring ignores case by default', { text: 'alpine', mode: 'substring' }, ['3.11-Alpine']],
    ['substring can match case', { text: 'alpine', mode: 'substring', caseSensitive: true }, []],
    ['substring treats regex characters literally', { text: '.sig', mode: 'substring' }, ['sha256-abc.sig']],
    ['regex', { text: '^3\\.1[12]$', mode: 'regex' }, ['3.11']],
    ['regex is unanchored', { text: 'rc\\d', mode: 'regex' }, ['3.12-rc1']],
    ['regex ignores case by default', { text: 'ALPINE$', mode: 'regex' }, ['3.11-Alpine']],
    ['regex can match case', { text: 'ALPINE$', mode: 'regex', caseSensitive: true }, []],
    ['regex exclusion by lookahead', { text: '^(?!sha256-).*\\d$', mode: 'regex' }, ['3.11', '3.12-rc1', 'nanoserver-ltsc2022']],
  ])('%s', (_name, query, expected) => {
    expect(filterTags(TAGS, query)).toEqual({ ok: true, tags: expected });
  });

  it.each(['(', '[a-', '*latest', 'a{2,1}'])('reports the invalid regex %s instead of throwing', (text) => {
    const result = filterTags(TAGS, { text, mode: 'regex' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/regular expression/i);
  });

  it('gives the same answer on consecutive calls (no regex state carried over)', () => {
    const index = prepareTagIndex(['a1', 'a2', 'a3']);
    const query: TagQuery = { text: 'a\\d', mode: 'regex' };
    expect(filterTagIndex(index, query)).toEqual(filterTagIndex(index, query));
    expect(filterTagIndex(index, query)).toEqual({ ok: true, tags: ['a1', 'a2', 'a3'] });
  });
});

describe('filterTagIndex on 100,000 tags', () => {
  const tags = Array.from({ length: 100_000 }, (_, i) => `${Math.floor(i / 1000)}.${i % 1000}-${i % 3 === 0 ? 'Slim' : 'bookworm'}`);
  const index = prepareTagIndex(tags);

  it.each<[string, TagQuery, (tag: string) => boolean]>([
    ['substring, any case', { text: 'slim', mode: 'substring' }, (tag) => tag.toLowerCase().includes('slim')],
    ['substring, exact case', { text: 'Slim', mode: 'substring', caseSensitive: true }, (tag) => tag.includes('Slim')],
    ['substring in the middle', { text: '.99-', mode: 'substring' }, (tag) => tag.includes('.99-')],
    ['regex', { text: '^42\\.\\d+-s', mode: 'regex' }, (tag) => /^42\.\d+-s/i.test(tag)],
  ])('%s keeps exactly the matching tags, in order', (_name, query, matches) => {
    const result = filterTagIndex(index, query);
    expect(result).toEqual({ ok: true, tags: tags.filter(matches) });
  });

  it('finds one tag among 100,000', () => {
    expect(filterTagIndex(index, { text: '99.999-', mode: 'substring' })).toEqual({ ok: true, tags: ['99.999-Slim'] });
  });
});
