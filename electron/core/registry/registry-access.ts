import type { ImageConfig } from '../../../shared/image/image-report';
import type { RegistrySession } from '../auth/registry-session';
import type { HttpClient } from '../transport/http-client';
import { getConfig, headBlob, headForeignLayer, type BlobFacts } from './blobs';
import { getManifest, type FetchedManifest } from './manifests';
import { Memo } from './memo';

/**
 * The registry operations a report needs, for one registry, de-duplicated for the length of a run.
 *
 * Manifests by digest and configs are immutable, so one answer serves every platform and tag that
 * names them; layer facts are keyed by digest, foreign layers by URL. (The persistent cache of the
 * speed issue sits behind this same interface.)
 */
export interface RegistryAccess {
  manifest(repository: string, reference: string, display: string, signal?: AbortSignal): Promise<FetchedManifest | 'missing'>;
  config(repository: string, digest: string, display: string, signal?: AbortSignal): Promise<ImageConfig>;
  blobFacts(repository: string, digest: string, display: string, signal?: AbortSignal): Promise<BlobFacts>;
  foreignLayerFacts(url: string, display: string, signal?: AbortSignal): Promise<BlobFacts>;
}

/**
 * @param memo requests of this run (layer facts, foreign URLs)
 * @param immutable content-addressed answers kept across runs (manifests by digest, configs)
 */
export function memoizedAccess(session: RegistrySession, http: HttpClient, warn: (message: string) => void, memo: Memo = new Memo(), immutable: Memo = memo): RegistryAccess {
  const registry = session.baseUrl.href;
  return {
    manifest: (repository, reference, display, signal) =>
      // Tags move, digests do not: only by-digest answers are shared.
      reference.includes(':')
        ? immutable.get(`manifest ${registry}${repository}@${reference}`, () => getManifest(session, { repository, reference, display, ...(signal ? { signal } : {}) }))
        : getManifest(session, { repository, reference, display, ...(signal ? { signal } : {}) }),
    config: (repository, digest, display, signal) =>
      immutable.get(`config ${registry}${repository}@${digest}`, () => getConfig(session, { repository, digest, display, ...(signal ? { signal } : {}) })),
    blobFacts: (repository, digest, display, signal) =>
      memo.get(`blob ${repository}@${digest}`, () => headBlob(session, { repository, digest, display, ...(signal ? { signal } : {}) })),
    foreignLayerFacts: (url, display, signal) => memo.get(`foreign ${url}`, () => headForeignLayer(http, session.baseUrl, url, display, warn, signal)),
  };
}
