import { createHash } from 'node:crypto';
import type { BlobFacts } from '../registry/blobs';
import { cleanFacts, cleanMediaType, isCacheDigest, isSeenAt } from './cache-inputs';
import type { CachedBytes, CachedTag } from './content-cache';
import { digestOf } from '../registry/digest';

/**
 * The bytes of each kind of cache file, and their checks on the way back in.
 *
 * A decoder returns `undefined` for anything it did not write itself (torn, truncated, flipped,
 * edited, or placed under another entry's name); the caller deletes such a file and refetches.
 *
 * Content file: one JSON header line, then the bytes.
 *   {"v":1,"length":1234,"mediaType":"…","check":"<16 hex>"}\n<bytes>
 * The digest in the file name protects the bytes; `check` protects the header, whose media type
 * would otherwise survive a flipped bit and make a good manifest look ambiguous.
 *
 * Record files (facts, tags): one JSON object whose `key` repeats the file name's key.
 */

const VERSION = 1;
/** A header is ~150 bytes; anything longer is not ours. */
export const MAX_HEADER_BYTES = 512;
const NEWLINE = 0x0a;

function headerCheck(digest: string, length: number, mediaType: string | undefined): string {
  return createHash('sha256').update(JSON.stringify([digest, length, mediaType ?? null])).digest('hex').slice(0, 16);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseObject(text: string | Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text.toString());
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The file stored for verified `bytes`. */
export function encodeContent(digest: string, bytes: Buffer, mediaType: string | undefined): Buffer {
  const header = { v: VERSION, length: bytes.byteLength, ...(mediaType ? { mediaType } : {}), check: headerCheck(digest, bytes.byteLength, mediaType) };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), bytes]);
}

/** The bytes and media type of a content file, or `undefined` unless both check out. */
export function decodeContent(digest: string, file: Buffer): CachedBytes | undefined {
  const newline = file.subarray(0, MAX_HEADER_BYTES).indexOf(NEWLINE);
  if (newline < 0) return undefined;
  const header = parseObject(file.subarray(0, newline));
  if (!header || header.v !== VERSION) return undefined;
  const { length, mediaType, check } = header;
  if (typeof length !== 'number' || (mediaType !== undefined && cleanMediaType(mediaType) !== mediaType)) return undefined;
  const type = mediaType as string | undefined;
  if (check !== headerCheck(digest, length, type)) return undefined;
  const bytes = file.subarray(newline + 1);
  if (bytes.byteLength !== length) return undefined;
  if (digestOf(bytes, digest.startsWith('sha512:') ? 'sha512' : 'sha256') !== digest) return undefined;
  return type ? { bytes, mediaType: type } : { bytes };
}

/** The file stored for a layer's facts (already cleaned). */
export function encodeFacts(key: string, facts: BlobFacts): Buffer {
  return Buffer.from(JSON.stringify({ v: VERSION, key, ...facts }));
}

/** Facts from a record file, or `undefined` unless it is a well-formed record for `key`. */
export function decodeFacts(key: string, file: Buffer): BlobFacts | undefined {
  const record = parseObject(file);
  if (!record || record.v !== VERSION || record.key !== key) return undefined;
  const facts = { lastModified: record.lastModified, contentLength: record.contentLength } as BlobFacts;
  const clean = cleanFacts(facts);
  // A field present but malformed means the file was not written by us.
  if ((record.lastModified !== undefined) !== (clean.lastModified !== undefined)) return undefined;
  if ((record.contentLength !== undefined) !== (clean.contentLength !== undefined)) return undefined;
  return clean;
}

/** The file stored for a tag → digest entry (already checked). */
export function encodeTag(key: string, tag: CachedTag): Buffer {
  return Buffer.from(JSON.stringify({ v: VERSION, key, digest: tag.digest, ...(tag.mediaType ? { mediaType: tag.mediaType } : {}), seenAt: tag.seenAt }));
}

/** A tag entry from a record file, or `undefined` unless it is a well-formed record for `key`. */
export function decodeTag(key: string, file: Buffer): CachedTag | undefined {
  const record = parseObject(file);
  if (!record || record.v !== VERSION || record.key !== key) return undefined;
  const { digest, mediaType, seenAt } = record;
  if (!isCacheDigest(digest) || !isSeenAt(seenAt)) return undefined;
  if (mediaType !== undefined && cleanMediaType(mediaType) !== mediaType) return undefined;
  return typeof mediaType === 'string' ? { digest, mediaType, seenAt } : { digest, seenAt };
}
