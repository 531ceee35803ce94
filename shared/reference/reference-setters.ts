import type { ImageReference } from './reference-model';
import { invalidReference } from './reference-error';
import { digestProblem, tagProblem } from './reference-grammar';
import { formatReference } from './format-reference';

/**
 * The same repository at `tag`, without a digest.
 *
 * Copy-on-set as regclient's `Ref.SetTag` (types/ref/ref.go): the old digest belonged to the old
 * tag, so keeping it would name a different image than the tag says.
 *
 * @throws RegscopeError `invalid-reference` when `tag` is not a valid tag.
 */
export function withTag(ref: ImageReference, tag: string): ImageReference {
  const problem = tagProblem(tag);
  if (problem) throw invalidReference(formatReference(ref), problem);
  return { registry: ref.registry, repository: ref.repository, tag };
}

/**
 * The same repository at `digest`, without a tag (regclient `Ref.SetDigest`).
 *
 * @throws RegscopeError `invalid-reference` when `digest` is not a sha256/sha512 digest.
 */
export function withDigest(ref: ImageReference, digest: string): ImageReference {
  const problem = digestProblem(digest);
  if (problem) throw invalidReference(formatReference(ref), problem);
  return { registry: ref.registry, repository: ref.repository, digest };
}
