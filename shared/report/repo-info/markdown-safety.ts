/**
 * Keeping registry text from breaking out of its place in the repo-info markdown.
 *
 * repo-info prints registry strings raw, and the format must stay byte-exact, so nothing here changes
 * the output for text a real image has. Only hostile text is altered: a line of backticks inside the
 * dockerfile block gets a longer fence (CommonMark: a fence closes only with at least as many
 * backticks), a backtick inside an inline code span gets a longer delimiter, and a control character
 * (a newline that would start a `## heading`) in a one-line field becomes a space.
 */

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/** The fence for a code block holding `content`: three backticks unless a line could close it early. */
export function fenceFor(content: readonly string[]): string {
  let needed = 3;
  for (const line of content.join('\n').split('\n')) {
    const run = /^ {0,3}(`{3,})/.exec(line);
    if (run?.[1]) needed = Math.max(needed, run[1].length + 1);
  }
  return '`'.repeat(needed);
}

/** An inline code span for `text`: `` `text` `` unless the text itself has backticks. */
export function codeSpan(text: string): string {
  const run = longestBacktickRun(text);
  if (run === 0) return `\`${text}\``;
  const delimiter = '`'.repeat(run + 1);
  return `${delimiter} ${text} ${delimiter}`;
}

/** A field that must stay on its line: control characters (newlines, escapes) become spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
}
