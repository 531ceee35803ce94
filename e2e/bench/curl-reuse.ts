import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FULL_MANIFEST_ACCEPT } from '../fixtures/media-types';
import { runProcess } from './proc';

/**
 * The practical floor: the same requests as the report, made by one curl process per dependency
 * level, with `--next` between URLs so curl keeps one connection alive (environment.md §5). No
 * client can skip a level: each needs the answers of the one before.
 */

/** One request of a batch. */
export interface CurlRequest {
  readonly url: string;
  /** HEAD (`-I`): a layer's facts. Otherwise a GET whose body is returned. */
  readonly head?: boolean;
  readonly accept?: string;
}

/** Runs `requests` in one curl process (sequential, one reused connection); returns GET bodies by index. */
export async function curlBatch(requests: readonly CurlRequest[]): Promise<(string | undefined)[]> {
  if (requests.length === 0) return [];
  const dir = await mkdtemp(join(tmpdir(), 'regscope-bench-curl-'));
  try {
    const args: string[] = [];
    requests.forEach((request, i) => {
      if (i > 0) args.push('--next');
      args.push('-sf', ...(request.head ? ['-I'] : []), ...(request.accept ? ['-H', `Accept: ${request.accept}`] : []), '-o', request.head ? '/dev/null' : join(dir, String(i)), request.url);
    });
    await runProcess('curl', args, { timeoutMs: 60_000 });
    return await Promise.all(requests.map((request, i) => (request.head ? undefined : readFile(join(dir, String(i)), 'utf8'))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface RawManifest {
  readonly manifests?: readonly { readonly digest: string }[];
  readonly config?: { readonly digest: string };
  readonly layers?: readonly { readonly digest: string }[];
}

/** Counts of one floor run: processes and requests (to compare with regscope's request count). */
export interface FloorCount {
  readonly processes: number;
  readonly requests: number;
}

/**
 * The reports of `tags` of `host/repository` at the floor: level 1 the tags' manifests, level 2 the
 * list entries, level 3 every config GET and layer HEAD. Work is deduplicated across tags (a
 * shared base layer is asked once), as regscope does. `listTags` adds the tag listing as level 0.
 */
export async function curlReuseReport(host: string, repository: string, tags: readonly string[] | 'list'): Promise<FloorCount> {
  const base = `http://${host}/v2/${repository}`;
  let processes = 0;
  let requests = 0;
  const batch = async (list: readonly CurlRequest[]): Promise<(string | undefined)[]> => {
    processes++;
    requests += list.length;
    return curlBatch(list);
  };
  let names = tags;
  if (names === 'list') {
    const [body] = await batch([{ url: `${base}/tags/list?n=10000` }]);
    names = (JSON.parse(body ?? '{}') as { tags?: string[] }).tags ?? [];
  }
  const tops = (await batch(names.map((tag) => ({ url: `${base}/manifests/${tag}`, accept: FULL_MANIFEST_ACCEPT })))).map((body) => JSON.parse(body ?? '{}') as RawManifest);
  const childDigests = [...new Set(tops.flatMap((top) => (top.manifests ?? []).map((entry) => entry.digest)))];
  const children = (await batch(childDigests.map((digest) => ({ url: `${base}/manifests/${digest}`, accept: FULL_MANIFEST_ACCEPT })))).map((body) => JSON.parse(body ?? '{}') as RawManifest);
  const images = [...tops.filter((top) => !top.manifests), ...children];
  const configs = [...new Set(images.flatMap((image) => (image.config ? [image.config.digest] : [])))];
  const layers = [...new Set(images.flatMap((image) => (image.layers ?? []).map((layer) => layer.digest)))];
  await batch([...configs.map((digest) => ({ url: `${base}/blobs/${digest}` })), ...layers.map((digest) => ({ url: `${base}/blobs/${digest}`, head: true }))]);
  return { processes, requests };
}
