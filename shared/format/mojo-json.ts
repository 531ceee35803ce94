/**
 * JSON text of a string array exactly as Mojo::JSON's `encode_json` writes it, for repo-info's
 * Entrypoint, Default Command and `SHELL` lines (repo-info-format.md §5.4).
 */

/** Mojo::JSON's `%ESCAPE` table, reversed: the characters it writes as a two-character escape. */
const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  // The one visible difference from JSON.stringify: Mojo escapes the solidus (`["\/bin\/sh"]`).
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  // Mojo also escapes the two JavaScript line terminators (its table's `u2028`/`u2029` keys). This
  // comes from Mojo::JSON's source; the spec's rule "non-ASCII is not escaped" holds for all else.
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** Characters Mojo::JSON escapes: C0 controls, the two line terminators, `\`, `"` and `/`. */
const NEEDS_ESCAPE = /[\u0000-\u001f\u2028\u2029\\"/]/g;

function escapeCharacter(character: string): string {
  return (
    SHORT_ESCAPES[character] ??
    // Other controls: `sprintf '\u%.4X'`, so upper-case hex.
    `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
  );
}

/**
 * `["a","b"]` with Mojo::JSON's escaping: compact, `/` as `\/`, control characters as `\uXXXX` with
 * upper-case hex, other non-ASCII characters as they are.
 *
 * Perl then concatenates these UTF-8 bytes into a character string, which may double-encode
 * non-ASCII text in real repo-info output (§5.4, open question §10). That is not reproduced: the
 * text here is correct Unicode.
 */
export function mojoJson(value: readonly string[]): string {
  return `[${value.map((item) => `"${item.replace(NEEDS_ESCAPE, escapeCharacter)}"`).join(',')}]`;
}

/**
 * The inverse of `mojoJson`: a string array from its text, or `undefined` when the text is not a
 * JSON array of strings. Standard JSON already reads `\/` as `/`.
 */
export function parseMojoJson(text: string): string[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  const items: string[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'string') return undefined;
    items.push(item);
  }
  return items;
}
