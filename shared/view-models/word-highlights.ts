/**
 * Word-level highlights inside a changed history step, from `diff`'s word diffs.
 */
import { diffWords, diffWordsWithSpace, type Change } from 'diff';

/** How a piece of a step's text differs from the other side. */
export type WordChange = 'same' | 'added' | 'removed';

/** A run of text with one highlight. Concatenating a cell's words gives back its text. */
export interface HighlightedWord {
  /** The text of this run, whitespace included. */
  readonly text: string;
  /** `added`: only in this platform; `removed`: only in the base (shown in the base cell). */
  readonly change: WordChange;
}

/** Whether whitespace differences count as changes (and get highlighted). */
export interface WordDiffOptions {
  /** Ignore whitespace: `diffWords`; otherwise `diffWordsWithSpace`, so a tab-vs-space change shows. */
  readonly ignoreWhitespace: boolean;
}

function wordDiff(from: string, to: string, options: WordDiffOptions): Change[] {
  return options.ignoreWhitespace ? diffWords(from, to) : diffWordsWithSpace(from, to);
}

/** The words of `text` (another platform's step), with what is not in `base` marked `added`. */
export function addedWords(base: string, text: string, options: WordDiffOptions): readonly HighlightedWord[] {
  const words: HighlightedWord[] = [];
  for (const change of wordDiff(base, text, options)) {
    if (!change.removed) appendWord(words, change.value, change.added ? 'added' : 'same');
  }
  return words;
}

/**
 * The words of `base`, with what any of `others` lacks marked `removed`.
 *
 * With several changed platforms a piece of the base is marked when at least one of them lacks it.
 */
export function removedWords(base: string, others: readonly string[], options: WordDiffOptions): readonly HighlightedWord[] {
  const removed = new Uint8Array(base.length);
  for (const other of others) {
    // Diffing other→base makes the common parts carry the base's own text, so offsets stay exact.
    let offset = 0;
    for (const change of wordDiff(other, base, options)) {
      if (change.removed) continue;
      if (change.added) removed.fill(1, offset, offset + change.value.length);
      offset += change.value.length;
    }
  }
  const words: HighlightedWord[] = [];
  let start = 0;
  for (let i = 1; i <= base.length; i++) {
    if (i < base.length && removed[i] === removed[start]) continue;
    appendWord(words, base.slice(start, i), removed[start] === 1 ? 'removed' : 'same');
    start = i;
  }
  return words;
}

function appendWord(words: HighlightedWord[], text: string, change: WordChange): void {
  if (text === '') return;
  const last = words[words.length - 1];
  if (last?.change === change) words[words.length - 1] = { text: last.text + text, change };
  else words.push({ text, change });
}
