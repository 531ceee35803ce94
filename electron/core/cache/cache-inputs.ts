import { createHash } from 'node:crypto';
import type { BlobFacts } from '../registry/blobs';
import { digestOf } from '../registry/digest';

/**
 * What the cache accepts from its callers, checked before anything touches a path or a file.
 *
 * Digests become file names only after matching `sha256:<64 hex>` / `sha512:<128 hex>`; registry,
 * repository and tag are hashed into keys and never written anywhere, so a registry URL carrying
 * credentials or a presigned query cannot leak into the cache. Registry-supplied values (media
 * type, `Last-Modified`, length) are kept only when well-formed: a hostile registry can make the
 * cache forget a field, never throw.
 */

// Anchored at both ends: `isVerifiableDigest` splits on ':' and would let `sha256:<hex>:../x` by.
const DIGEST = /^(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$/;

/** True for a digest the cache can store and verify. */
export function isCacheDigest(value: unknown): value is string {
  return typeof value === 'string' && DIGEST.test(value);
}

/** Throws a `RangeError` unless `digest` is a sha256/sha512 digest (a caller bug). */
export function checkDigest(digest: unknown): asserts digest is string {
  if (!isCacheDigest(digest)) throw new RangeError(`not a sha256/sha512 digest: ${JSON.stringify(String(digest).slice(0, 80))}`);
}

/** Throws a `RangeError` unless `bytes` hash to `digest`: the cache never stores unverified content. */
export function checkContent(digest: string, bytes: Uint8Array): void {
  checkDigest(digest);
  const actual = digestOf(bytes, digest.startsWith('sha512:') ? 'sha512' : 'sha256');
  if (actual !== digest) throw new RangeError(`bytes hash to ${actual}, not ${digest}`);
}

// RFC 6838 restricted names; parameters (`; charset=…`) are not part of a manifest's type.
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;

/** The media type without parameters, or `undefined` when it is not one. */
export function cleanMediaType(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const bare = value.split(';', 1)[0]?.trim() ?? '';
  return MEDIA_TYPE.test(bare) ? bare : undefined;
}

// An HTTP date is 29 characters; the slack admits the obsolete formats, not a 10 KB header.
const HEADER_TEXT = /^[\x20-\x7e]{1,64}$/;

/** The facts with malformed fields dropped. */
export function cleanFacts(facts: BlobFacts): BlobFacts {
  const { lastModified, contentLength } = facts;
  return {
    ...(typeof lastModified === 'string' && HEADER_TEXT.test(lastModified) ? { lastModified } : {}),
    ...(typeof contentLength === 'number' && Number.isSafeInteger(contentLength) && contentLength >= 0 ? { contentLength } : {}),
  };
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** True for the `seenAt` the cache writes (UTC ISO 8601). */
export function isSeenAt(value: unknown): value is string {
  return typeof value === 'string' && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/** A 64-hex key: JSON framing keeps `("a/b", "c")` and `("a", "b/c")` apart. */
function keyOf(parts: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The key of a layer's facts; `registry` is whatever identifies the registry to the caller. */
export function factsKey(registry: string, digest: string): string {
  return keyOf(['facts', registry, digest]);
}

/** The key of a tag → digest entry. */
export function tagKey(registry: string, repository: string, tag: string): string {
  return keyOf(['tag', registry, repository, tag]);
}
