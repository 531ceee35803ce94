import { openDiskCache } from '../../electron/core/cache/disk-cache';
import { RegscopeCore } from '../../electron/core/regscope-core';

/** One request the core put on the wire. */
export interface WireRequest {
  readonly method: string;
  readonly url: string;
  readonly status: number;
}

/** Requests by kind: what a warm run must avoid is manifest GETs. */
export interface RequestCounts {
  readonly total: number;
  readonly manifestGets: number;
  readonly manifestHeads: number;
  readonly blobGets: number;
  readonly blobHeads: number;
  readonly other: number;
}

/** A core that logs every request it makes (`onRequest`), optionally on a disk cache. */
export function countingCore(options: { readonly mirror?: string; readonly cacheDir?: string } = {}): { core: RegscopeCore; log: WireRequest[] } {
  const log: WireRequest[] = [];
  const core = new RegscopeCore({
    ...(options.mirror ? { mirror: options.mirror } : {}),
    onRequest: (entry) => log.push(entry),
    ...(options.cacheDir ? { cache: openDiskCache(options.cacheDir) } : {}),
  });
  return { core, log };
}

/** Classifies logged requests by method and endpoint. */
export function countRequests(log: readonly WireRequest[]): RequestCounts {
  const is = (method: string, part: string) => log.filter((r) => r.method === method && new URL(r.url).pathname.includes(part)).length;
  const manifestGets = is('GET', '/manifests/');
  const manifestHeads = is('HEAD', '/manifests/');
  const blobGets = is('GET', '/blobs/');
  const blobHeads = is('HEAD', '/blobs/');
  return { total: log.length, manifestGets, manifestHeads, blobGets, blobHeads, other: log.length - manifestGets - manifestHeads - blobGets - blobHeads };
}

/** `61 (1 manifest GET… )` in words, for notes. */
export function describeCounts(counts: RequestCounts): string {
  return `${counts.total} requests: ${counts.manifestGets} manifest GET, ${counts.manifestHeads} manifest HEAD, ${counts.blobGets} blob GET, ${counts.blobHeads} blob HEAD, ${counts.other} other`;
}
