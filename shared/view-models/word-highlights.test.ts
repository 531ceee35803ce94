import { describe, expect, it } from 'vitest';
import { addedWords, removedWords, type HighlightedWord } from './word-highlights';

/** `[same]{+added+}[-removed-]` shorthand for a list of words. */
function show(words: readonly HighlightedWord[]): string {
  return words.map(({ text, change }) => (change === 'same' ? text : change === 'added' ? `{+${text}+}` : `[-${text}-]`)).join('');
}

describe('addedWords', () => {
  it.each<[string, string, boolean, string]>([
    ['ENV X=1', 'ENV X=2', true, 'ENV X={+2+}'],
    ['RUN apt-get install -y curl', 'RUN apt-get install -y curl wget', true, 'RUN apt-get install -y curl {+wget+}'],
    ['RUN a\tb', 'RUN a b', false, 'RUN a{+ +}b'],
    ['RUN a\tb', 'RUN a b', true, 'RUN a b'],
  ])('%s → %s (ignore whitespace %s)', (base, text, ignoreWhitespace, expected) => {
    const words = addedWords(base, text, { ignoreWhitespace });
    expect(show(words)).toBe(expected);
    expect(words.map((word) => word.text).join('')).toBe(text);
  });
});

describe('removedWords', () => {
  it.each<[string, readonly string[], string]>([
    ['ENV X=1', ['ENV X=2'], 'ENV X=[-1-]'],
    ['RUN curl -o x.tgz https://e/amd64.tgz', ['RUN curl -o x.tgz https://e/arm64.tgz'], 'RUN curl -o x.tgz https://e/[-amd64-].tgz'],
    ['ENV A=1 B=2', ['ENV A=9 B=2', 'ENV A=1 B=9'], 'ENV A=[-1-] B=[-2-]'],
    ['ENV A=1', [], 'ENV A=1'],
  ])('%s against %j', (base, others, expected) => {
    const words = removedWords(base, others, { ignoreWhitespace: true });
    expect(show(words)).toBe(expected);
    expect(words.map((word) => word.text).join('')).toBe(base);
  });
});
