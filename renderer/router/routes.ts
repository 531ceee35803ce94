/**
 * Hash routes (design.md "The UI contract"), parsed and formatted in one place:
 *
 * - `#/`                                   start
 * - `#/repo/<repository>`                  tag browser
 * - `#/image/<reference>[?platform=<p>]`   one tag or digest; `platform` picks the open chip
 * - `#/compare/<reference>?platforms=<p1>,<p2>`   two platforms of one tag side by side
 * - `#/compare/<ref1>?with=<ref2>[&platforms=<p1>[,<p2>]]`   two tags: p1 of ref1 against p2 of
 *   ref2 (one platform means the same on both sides; none means each tag's first platform, or the
 *   platform of ref1 that ref2 also has)
 *
 * References are written with encodeURIComponent, except that `/`, `:` and `@` stay readable
 * (`#/image/ghcr.io/acme/app:v1@sha256:…`); all three are legal in a URL fragment. Parsing accepts
 * both the readable and the fully encoded form.
 */

/** Where the app is. */
export type Route =
  | { readonly kind: 'start' }
  | { readonly kind: 'repo'; readonly repository: string }
  | { readonly kind: 'image'; readonly reference: string; readonly platform?: string }
  | { readonly kind: 'compare'; readonly reference: string; readonly platforms: readonly string[]; readonly with?: string }
  | { readonly kind: 'unknown'; readonly hash: string };

/** A reference or platform for a route: encoded, with `/`, `:` and `@` left readable. */
export function encodeRouteText(text: string): string {
  return encodeURIComponent(text).replace(/%2F/gi, '/').replace(/%3A/gi, ':').replace(/%40/gi, '@');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a stray `%` typed by hand: take the text as it is
  }
}

function readQuery(query: string): ReadonlyMap<string, string> {
  const params = new Map<string, string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const key = decode(equals < 0 ? part : part.slice(0, equals));
    if (!params.has(key)) params.set(key, equals < 0 ? '' : part.slice(equals + 1));
  }
  return params;
}

/** The route of `location.hash` (with or without the leading `#`). */
export function parseRoute(hash: string): Route {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '' || raw === '/') return { kind: 'start' };
  const question = raw.indexOf('?');
  const path = question < 0 ? raw : raw.slice(0, question);
  const query = readQuery(question < 0 ? '' : raw.slice(question + 1));
  const match = /^\/(repo|image|compare)\/(.+)$/.exec(path);
  const rest = match?.[2] === undefined ? '' : decode(match[2]);
  if (match === null || rest === '') return { kind: 'unknown', hash: raw };
  switch (match[1]) {
    case 'repo':
      return { kind: 'repo', repository: rest };
    case 'image': {
      const platform = decode(query.get('platform') ?? '');
      return platform === '' ? { kind: 'image', reference: rest } : { kind: 'image', reference: rest, platform };
    }
    default: {
      const platforms = (query.get('platforms') ?? '').split(',').map(decode).filter((p) => p !== '');
      const other = decode(query.get('with') ?? '');
      return other === '' ? { kind: 'compare', reference: rest, platforms } : { kind: 'compare', reference: rest, platforms, with: other };
    }
  }
}

/** The hash (`#/…`) of a route. */
export function formatRoute(route: Route): string {
  switch (route.kind) {
    case 'start':
      return '#/';
    case 'repo':
      return `#/repo/${encodeRouteText(route.repository)}`;
    case 'image':
      return `#/image/${encodeRouteText(route.reference)}${route.platform === undefined ? '' : `?platform=${encodeRouteText(route.platform)}`}`;
    case 'compare': {
      const params: string[] = [];
      if (route.with !== undefined) params.push(`with=${encodeRouteText(route.with)}`);
      if (route.platforms.length > 0) params.push(`platforms=${route.platforms.map(encodeRouteText).join(',')}`);
      return `#/compare/${encodeRouteText(route.reference)}${params.length > 0 ? `?${params.join('&')}` : ''}`;
    }
    case 'unknown':
      return `#${route.hash}`;
  }
}

/** A key that changes whenever the route means another page (not for a platform switch). */
export function routeKey(route: Route): string {
  switch (route.kind) {
    case 'image':
      return `image:${route.reference}`;
    default:
      return formatRoute(route);
  }
}
