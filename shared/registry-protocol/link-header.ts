/**
 * Longest `Link` header read. A registry's pagination link is one URL with `last` and `n`; a
 * longer header is not worth parsing (undici caps all headers at 16 KiB anyway).
 */
export const MAX_LINK_HEADER_LENGTH = 8192;

/**
 * The `rel="next"` target of a `Link` header (RFC 8288), resolved against `base`.
 *
 * Registries page `/v2/<name>/tags/list` and `/v2/_catalog` with `Link: </v2/_catalog?last=x&n=1>;
 * rel="next"` (distribution spec "Listing Tags"). Several links, quoted or unquoted `rel`, and `rel`
 * lists (`rel="next last"`) are read. The target is resolved with `new URL(target, base)`, where
 * `base` is the URL of the request that got the header.
 *
 * Garbage of any kind (syntax errors, an unresolvable or non-http(s) target, an over-long header)
 * gives `undefined`, never an exception: no next page is a safe answer. Whether the next URL may be
 * followed (same origin, not seen before) is the pager's decision (reliability.md §5 row 18).
 */
export function parseNextLink(linkHeader: string | null | undefined, base: string): string | undefined {
  if (!linkHeader || linkHeader.length > MAX_LINK_HEADER_LENGTH) return undefined;
  const links = parseLinks(linkHeader);
  const next = links?.find((link) => link.rels.includes('next'));
  if (!next) return undefined;
  try {
    const url = new URL(next.target, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

interface Link {
  readonly target: string;
  /** Lower-cased relation types of the first `rel` parameter (RFC 8288 §3.3: later ones are ignored). */
  readonly rels: readonly string[];
}

/** `<target>; param=value; param="value", <target>…`; undefined on any syntax error. */
function parseLinks(header: string): Link[] | undefined {
  const links: Link[] = [];
  let pos = 0;
  const skipSpace = () => {
    while (pos < header.length && (header[pos] === ' ' || header[pos] === '\t')) pos++;
  };
  for (;;) {
    while (pos < header.length && (header[pos] === ',' || header[pos] === ' ' || header[pos] === '\t')) pos++;
    if (pos >= header.length) return links;
    if (header[pos] !== '<') return undefined;
    const close = header.indexOf('>', pos + 1);
    if (close < 0) return undefined;
    const target = header.slice(pos + 1, close);
    pos = close + 1;
    let rels: string[] | undefined;
    for (;;) {
      skipSpace();
      if (header[pos] !== ';') break;
      pos++;
      skipSpace();
      const keyStart = pos;
      while (pos < header.length && /[A-Za-z0-9!#$%&'*+.^_`|~-]/.test(header[pos] ?? '')) pos++;
      const key = header.slice(keyStart, pos).toLowerCase();
      if (key === '') return undefined;
      skipSpace();
      let value = '';
      if (header[pos] === '=') {
        pos++;
        skipSpace();
        if (header[pos] === '"') {
          const read = readQuoted(header, pos);
          if (!read) return undefined;
          [value, pos] = read;
        } else {
          const valueStart = pos;
          while (pos < header.length && !/[\s,;"]/.test(header[pos] ?? '')) pos++;
          value = header.slice(valueStart, pos);
        }
      }
      if (key === 'rel' && rels === undefined) {
        rels = value.toLowerCase().split(/[ \t]+/).filter((rel) => rel !== '');
      }
    }
    skipSpace();
    if (pos < header.length && header[pos] !== ',') return undefined;
    links.push({ target, rels: rels ?? [] });
  }
}

/** A quoted-string starting at `start` (on the quote): its unescaped value and the position after it. */
function readQuoted(text: string, start: number): [string, number] | undefined {
  let value = '';
  for (let pos = start + 1; pos < text.length; pos++) {
    const char = text[pos];
    if (char === '"') return [value, pos + 1];
    if (char === '\\') {
      pos++;
      if (pos >= text.length) return undefined;
    }
    value += text[pos];
  }
  return undefined;
}
