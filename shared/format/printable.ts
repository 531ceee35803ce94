/**
 * Text from a registry (or any untrusted source) made safe to show in one line: control characters
 * (terminal escapes, newlines) and Unicode direction overrides / invisible formatting characters
 * (U+202E would reorder an error line) become `?`, and long text is cut.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

export function printable(text: string, max = 500): string {
  const cleaned = text.replace(UNSAFE, '?');
  return cleaned.length <= max ? cleaned : `${cleaned.slice(0, max)}…`;
}
