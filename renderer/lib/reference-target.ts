import { RegscopeError } from '../../shared/api/errors';
import { familiarReference, familiarRepository, parseReference } from '../../shared/reference/parse-reference';
import type { Route } from '../router/routes';

/** Where the reference box goes: a route, or the parser's message to show under it. */
export type ReferenceTarget = { readonly ok: true; readonly route: Route } | { readonly ok: false; readonly message: string };

/**
 * What people paste besides plain references: a `docker pull …` line, or a Docker Hub page URL.
 * Anything else is passed through for the parser to judge.
 */
export function cleanReferenceInput(text: string): string {
  let value = text.trim().replace(/^docker\s+(?:image\s+)?(?:pull|run|inspect)\s+(?:--platform[=\s]\S+\s+)?/i, '');
  const hub = /^(?:https?:\/\/)?hub\.docker\.com\/(?:_\/([^/?#]+)|r\/([^/?#]+\/[^/?#]+))/i.exec(value);
  if (hub !== null) value = hub[1] ?? hub[2] ?? value;
  return value;
}

/**
 * The page for what was typed: an image when it names a tag or digest, else the repository's tag
 * list. Docker Hub is the default registry, as for `docker pull`.
 */
export function referenceTarget(text: string): ReferenceTarget {
  const value = cleanReferenceInput(text);
  try {
    const ref = parseReference(value);
    if (ref.tag === undefined && ref.digest === undefined) return { ok: true, route: { kind: 'repo', repository: familiarRepository(ref) } };
    return { ok: true, route: { kind: 'image', reference: familiarReference(ref) } };
  } catch (error) {
    return { ok: false, message: error instanceof RegscopeError ? error.data.message : String(error) };
  }
}
