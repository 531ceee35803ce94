import { createHash } from 'node:crypto';
import type { BlobFacts } from '../registry/blobs';
import { digestOf } from '../registry/digest';
import { cleanFacts, cleanMediaType, isCacheDigest, isSeenAt } from './cache-inputs';
import type { CachedBytes, CachedTag } from './content-cache';

/**
 * The bytes of each kind of cache file, and their checks on the way back in.
 *
 * A decoder returns `undefined` for anything it did not write itself (torn, truncated, flipped,
 * edited, or placed under another entry's name); the caller deletes such a file and refetches.
 *
 * Content file: one JSON header line, then the bytes.
 *   {"v":1,"length":1234,"mediaType":"…","check":"<16 hex>"}\n<bytes>
 * Record files (facts, tags): one JSON object whose `key` repeats the file name's key.
 *   {"v":1,"key":"<64 hex>","digest":"sha256:…","seenAt":"…","check":"<16 hex>"}
 *
 * The digest in the file name protects the bytes; `check` (sha256 of the JSON before it) protects
 * everything else: without it a flipped bit could turn a length or a digest into another valid one
 * that would be believed.
 */

const VERSION = 1;
/** A header is ~150 bytes; anything longer is not ours. */
export const MAX_HEADER_BYTES = 512;
const NEWLINE = 0x0a;

function checksum(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 16);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `fields` as JSON with their checksum appended. */
function seal(fields: Record<string, unknown>): string {
  return JSON.stringify({ ...fields, check: checksum(JSON.stringify(fields)) });
}

/** The fields of a sealed JSON object of our version, or `undefined` if anything is off. */
function unseal(text: Buffer): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isObject(value)) return undefined;
  // Key order survives parsing, so the fields re-serialize to exactly what was sealed.
  const { check, ...fields } = value;
  return check === checksum(JSON.stringify(fields)) && fields.v === VERSION ? fields : undefined;
}

/** The file stored for verified `bytes`. */
export function encodeContent(bytes: Buffer, mediaType: string | undefined): Buffer {
  return Buffer.concat([Buffer.from(`${seal({ v: VERSION, length: bytes.byteLength, ...(mediaType ? { mediaType } : {}) })}\n`), bytes]);
}

/** The bytes and media type of a content file, or `undefined` unless both check out. */
export function decodeContent(digest: string, file: Buffer): CachedBytes | undefined {
  const newline = file.subarray(0, MAX_HEADER_BYTES).indexOf(NEWLINE);
  if (newline < 0) return undefined;
  const header = unseal(file.subarray(0, newline));
  if (!header) return undefined;
  const { length, mediaType } = header;
  if (typeof length !== 'number' || (mediaType !== undefined && cleanMediaType(mediaType) !== mediaType)) return undefined;
  const type = mediaType as string | undefined;
  const bytes = file.subarray(newline + 1);
  if (bytes.byteLength !== length) return undefined;
  if (digestOf(bytes, digest.startsWith('sha512:') ? 'sha512' : 'sha256') !== digest) return undefined;
  return type ? { bytes, mediaType: type } : { bytes };
}

/** The file stored for a layer's facts (already cleaned). */
export function encodeFacts(key: string, facts: BlobFacts): Buffer {
  return Buffer.from(seal({ v: VERSION, key, ...facts }));
}

/** Facts from a record file, or `undefined` unless it is a well-formed record for `key`. */
export function decodeFacts(key: string, file: Buffer): BlobFacts | undefined {
  const record = unseal(file);
  if (!record || record.key !== key) return undefined;
  const facts = { lastModified: record.lastModified, contentLength: record.contentLength } as BlobFacts;
  const clean = cleanFacts(facts);
  // A field present but malformed means the file was not written by us.
  if ((record.lastModified !== undefined) !== (clean.lastModified !== undefined)) return undefined;
  if ((record.contentLength !== undefined) !== (clean.contentLength !== undefined)) return undefined;
  return clean;
}

/** The file stored for a tag → digest entry (already checked). */
export function encodeTag(key: string, tag: CachedTag): Buffer {
  return Buffer.from(seal({ v: VERSION, key, digest: tag.digest, ...(tag.mediaType ? { mediaType: tag.mediaType } : {}), seenAt: tag.seenAt }));
}

/** A tag entry from a record file, or `undefined` unless it is a well-formed record for `key`. */
export function decodeTag(key: string, file: Buffer): CachedTag | undefined {
  const record = unseal(file);
  if (!record || record.key !== key) return undefined;
  const { digest, mediaType, seenAt } = record;
  if (!isCacheDigest(digest) || !isSeenAt(seenAt)) return undefined;
  if (mediaType !== undefined && cleanMediaType(mediaType) !== mediaType) return undefined;
  return typeof mediaType === 'string' ? { digest, mediaType, seenAt } : { digest, seenAt };
}
