import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/**
 * Where each entry lives under the cache folder, and which names are ours.
 *
 *   VERSION                          layout version ("1")
 *   usage.json                       total bytes found by the last scan, and when (see usage-hint.ts)
 *   blobs/sha256/ab/<64 hex>         content (header line + bytes), named by digest
 *   blobs/sha512/ab/<128 hex>
 *   facts/ab/<64 hex>.json           layer facts, named by sha256 of [registry, digest]
 *   tags/ab/<64 hex>.json            tag → digest, named by sha256 of [registry, repository, tag]
 *   <same folder>/.<name>.<pid>.<random>.tmp   a write in progress (renamed into place when complete)
 *
 * Two hex characters of fan-out keep folders small on file systems that slow down with big ones.
 * Paths are built only from validated digests and hex keys. Eviction deletes only names matching
 * these patterns, so a `--cache-dir` pointed at a folder holding other files never loses them.
 */

export const LAYOUT_VERSION = '1';

export function versionPath(dir: string): string {
  return join(dir, 'VERSION');
}

/** Path of a content file; `digest` must already be validated. */
export function contentPath(dir: string, digest: string): string {
  const [algorithm = '', hex = ''] = digest.split(':');
  return join(dir, 'blobs', algorithm, hex.slice(0, 2), hex);
}

export function factsPath(dir: string, key: string): string {
  return join(dir, 'facts', key.slice(0, 2), `${key}.json`);
}

export function tagPath(dir: string, key: string): string {
  return join(dir, 'tags', key.slice(0, 2), `${key}.json`);
}

/** A fresh temporary name next to `path`: same folder, so the final `rename` is atomic. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** The folders holding entries, and the file names each may hold. */
export const ENTRY_FOLDERS: ReadonlyArray<{ readonly folder: readonly string[]; readonly entry: RegExp }> = [
  { folder: ['blobs', 'sha256'], entry: /^[0-9a-f]{64}$/ },
  { folder: ['blobs', 'sha512'], entry: /^[0-9a-f]{128}$/ },
  { folder: ['facts'], entry: /^[0-9a-f]{64}\.json$/ },
  { folder: ['tags'], entry: /^[0-9a-f]{64}\.json$/ },
];

/** Fan-out folder names. */
export const FAN_OUT = /^[0-9a-f]{2}$/;

/** Temporary files left by `tempPathFor` (ours, possibly from a crashed process). */
export const TEMP_FILE = /^\.[0-9a-f]{64,128}(\.json)?\.\d+\.[0-9a-f]{12}\.tmp$/;
