import type { ImageConfig } from '../../../shared/image/image-report';
import type { RegistrySession } from '../auth/registry-session';
import type { ContentCache } from '../cache/content-cache';
import type { HttpClient } from '../transport/http-client';
import { getConfigBytes, headBlob, headForeignLayer, MAX_CONFIG_BYTES, parseConfig, type BlobFacts } from './blobs';
import { checkDeclaredSize, checkReceivedSize } from './declared-size';
import { getManifest, headManifest, parseManifest, type FetchedManifest } from './manifests';
import { Memo } from './memo';

/**
 * The registry operations a report needs, for one registry, in three layers:
 * 1. the run's memo: identical requests are never made twice in one run;
 * 2. the in-process memo of immutable answers (manifests by digest, configs), shared across runs;
 * 3. the persistent content-addressed cache, when there is one: manifests and configs by digest
 *    (re-verified on read), layer facts by digest, and tag → digest, revalidated with one HEAD. A warm
 *    report of an unchanged tag therefore costs one manifest HEAD and no GET.
 */
export interface RegistryAccess {
  manifest(repository: string, reference: string, display: string, signal?: AbortSignal): Promise<FetchedManifest | 'missing'>;
  /** The image config of a manifest's `config` descriptor; its size is checked before and after. */
  config(repository: string, descriptor: { readonly digest: string; readonly size: number }, display: string, signal?: AbortSignal): Promise<ImageConfig>;
  blobFacts(repository: string, digest: string, display: string, signal?: AbortSignal): Promise<BlobFacts>;
  foreignLayerFacts(url: string, digest: string, display: string, signal?: AbortSignal): Promise<BlobFacts>;
}

export interface AccessLayers {
  /** Requests of this run (layer facts, foreign URLs). */
  readonly run: Memo;
  /** Content-addressed answers kept for the life of the core. */
  readonly immutable: Memo;
  readonly cache?: ContentCache;
}

function isDigest(reference: string): boolean {
  return reference.includes(':');
}

/** A foreign URL without its query (presigned URLs carry credentials there) names the cache entry. */
function foreignKey(url: string): string {
  try {
    const parsed = new URL(url);
    return `foreign:${parsed.origin}${parsed.pathname}`;
  } catch {
    return `foreign:${url.slice(0, 200)}`;
  }
}

export function memoizedAccess(session: RegistrySession, http: HttpClient, warn: (message: string) => void, layers: AccessLayers = { run: new Memo(), immutable: new Memo() }): RegistryAccess {
  const registry = session.baseUrl.href;
  const { run, immutable, cache } = layers;
  const put = (task: Promise<void> | undefined) => void task?.catch(() => undefined);

  async function byDigest(repository: string, digest: string, display: string, signal?: AbortSignal): Promise<FetchedManifest | 'missing'> {
    const cached = await cache?.getBytes(digest);
    if (cached) return parseManifest(cached.bytes, cached.mediaType, digest, display);
    const fetched = await getManifest(session, { repository, reference: digest, display, ...(signal ? { signal } : {}) });
    if (fetched !== 'missing') put(cache?.putBytes(digest, fetched.bytes, fetched.mediaType));
    return fetched;
  }

  async function byTag(repository: string, tag: string, display: string, signal?: AbortSignal): Promise<FetchedManifest | 'missing'> {
    const remembered = await cache?.getTag(registry, repository, tag);
    if (remembered) {
      // Tags move: one HEAD (free on Docker Hub) says whether the remembered digest still holds.
      const head = await headManifest(session, { repository, reference: tag, display, ...(signal ? { signal } : {}) });
      if (head === 'missing') return 'missing';
      if (head.digest === remembered.digest) {
        const known = await immutable.get(`manifest ${registry}${repository}@${head.digest}`, () => byDigest(repository, head.digest ?? '', display, signal));
        if (known !== 'missing') return known;
      }
    }
    const fetched = await getManifest(session, { repository, reference: tag, display, ...(signal ? { signal } : {}) });
    if (fetched !== 'missing') {
      put(cache?.putTag(registry, repository, tag, { digest: fetched.digest, mediaType: fetched.mediaType }));
      put(cache?.putBytes(fetched.digest, fetched.bytes, fetched.mediaType));
    }
    return fetched;
  }

  return {
    manifest: (repository, reference, display, signal) =>
      isDigest(reference)
        ? immutable.get(`manifest ${registry}${repository}@${reference}`, () => byDigest(repository, reference, display, signal))
        : byTag(repository, reference, display, signal),
    config: (repository, { digest, size }, display, signal) =>
      immutable.get(`config ${registry}${repository}@${digest}`, async () => {
        checkDeclaredSize(size, MAX_CONFIG_BYTES, { what: 'image config', digest, display });
        const cached = await cache?.getBytes(digest);
        if (cached) return parseConfig(cached.bytes, { digest, display });
        const bytes = await getConfigBytes(session, { repository, digest, display, ...(signal ? { signal } : {}) });
        checkReceivedSize(bytes.length, size, { what: 'image config', digest, display, stage: 'config' });
        const config = parseConfig(bytes, { digest, display });
        put(cache?.putBytes(digest, bytes));
        return config;
      }),
    blobFacts: (repository, digest, display, signal) =>
      run.get(`blob ${repository}@${digest}`, async () => {
        const cached = await cache?.getBlobFacts(registry, digest);
        if (cached) return cached;
        const facts = await headBlob(session, { repository, digest, display, ...(signal ? { signal } : {}) });
        put(cache?.putBlobFacts(registry, digest, facts));
        return facts;
      }),
    foreignLayerFacts: (url, digest, display, signal) =>
      run.get(`foreign ${url}`, async () => {
        const key = foreignKey(url);
        const cached = await cache?.getBlobFacts(key, digest);
        if (cached) return cached;
        const facts = await headForeignLayer(http, session.baseUrl, url, display, warn, signal);
        put(cache?.putBlobFacts(key, digest, facts));
        return facts;
      }),
  };
}
