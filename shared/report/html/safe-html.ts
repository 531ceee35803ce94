/**
 * HTML built by a template tag that escapes every interpolated value, so report text (history,
 * labels, annotations, all attacker-controlled in a hostile image) can never become markup.
 */

/** Markup that is already safe: made only by `html` or `rawHtml`. */
export class SafeHtml {
  /** The markup. */
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated into `html`: text (escaped), markup, lists of markup, or nothing. */
export type HtmlValue = string | number | SafeHtml | readonly SafeHtml[] | null | undefined | false;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML that reads the same in an element or in a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((item: SafeHtml) => item.value).join('');
  return escapeHtml(String(value));
}

/** `html\`<td>${text}</td>\``: the literal parts are trusted markup, every `${value}` is escaped unless it is `SafeHtml`. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Trusted constant markup (the stylesheet); never pass data through this. */
export function rawHtml(trusted: string): SafeHtml {
  return new SafeHtml(trusted);
}
