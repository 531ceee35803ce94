import type { FoundTagReport, ImageConfig, LayerInfo, PlatformImage } from '../../shared/image/image-report';
import { isForeignLayerMediaType, isIndexMediaType, MediaType } from '../../shared/image/media-types';
import type { Platform } from '../../shared/platform/platform-model';
import { DOCKER_HUB } from '../../shared/reference/reference-model';
import { getManifest } from './registry-fetch';

/**
 * A deliberately small collector that gathers what a repo-info report needs, the way repo-info
 * does (repo-info-format.md §2), straight over fetch. It exists only to prove that the seed
 * replicas reproduce the seeds, independently of the app's own collector (electron/core/report).
 */

interface Descriptor {
  readonly mediaType?: string;
  readonly digest: string;
  readonly size?: number;
  readonly urls?: readonly string[];
  readonly platform?: { architecture: string; os: string; variant?: string; 'os.version'?: string };
}

function platformOf(descriptor: Descriptor): Platform {
  const p = descriptor.platform;
  if (!p) return { os: 'linux', architecture: 'amd64' };
  return { os: p.os, architecture: p.architecture, ...(p.variant ? { variant: p.variant } : {}), ...(p['os.version'] ? { osVersion: p['os.version'] } : {}) };
}

/** HEAD that follows redirects (fetch keeps the method on a 307) and returns the final Last-Modified. */
async function lastModified(url: string): Promise<string | undefined> {
  const res = await fetch(url, { method: 'HEAD' });
  return res.headers.get('last-modified') ?? undefined;
}

async function image(baseUrl: string, repository: string, descriptor: Descriptor): Promise<PlatformImage> {
  const manifest = await getManifest(baseUrl, repository, descriptor.digest);
  if (manifest.status !== 200 || manifest.digest !== descriptor.digest) throw new Error(`manifest ${descriptor.digest}: ${manifest.status}`);
  const body = manifest.json as { mediaType: string; config: Descriptor; layers: Descriptor[] };
  const configRes = await fetch(`${baseUrl}/v2/${repository}/blobs/${body.config.digest}`);
  const config = (await configRes.json()) as ImageConfig;
  const layers = await Promise.all(
    body.layers.map(async (layer): Promise<LayerInfo> => {
      const mediaType = layer.mediaType ?? '';
      const url = isForeignLayerMediaType(mediaType) ? layer.urls?.[0] : `${baseUrl}/v2/${repository}/blobs/${layer.digest}`;
      const modified = url !== undefined ? await lastModified(url) : undefined;
      return {
        digest: layer.digest,
        mediaType,
        ...(layer.size !== undefined ? { size: layer.size } : {}),
        ...(layer.urls ? { urls: layer.urls } : {}),
        ...(modified !== undefined ? { lastModified: modified } : {}),
      };
    }),
  );
  return {
    digest: descriptor.digest,
    manifestSize: manifest.bytes.length,
    platform: platformOf(descriptor),
    fromIndex: true,
    manifestMediaType: body.mediaType,
    kind: 'image',
    configDigest: body.config.digest,
    configMediaType: body.config.mediaType ?? MediaType.dockerConfig,
    config,
    layers,
  };
}

/** The report data of a list tag, as repo-info would gather it from `baseUrl` (use the redirect registry for Last-Modified). */
export async function collectListReport(baseUrl: string, repository: string, tag: string, display: string, pullName: string): Promise<FoundTagReport> {
  const top = await getManifest(baseUrl, repository, tag);
  const mediaType = String(top.json['mediaType']);
  if (top.status !== 200 || top.digest === null || !isIndexMediaType(mediaType)) throw new Error(`${repository}:${tag} is not a list (${top.status})`);
  const entries = top.json['manifests'] as Descriptor[];
  const images: PlatformImage[] = [];
  // In list order, one after another, as repo-info does.
  for (const entry of entries) images.push(await image(baseUrl, repository, entry));
  return {
    kind: 'found',
    reference: { registry: DOCKER_HUB, repository, tag },
    display,
    pullName,
    digest: top.digest,
    mediaType,
    manifestSize: top.bytes.length,
    isIndex: true,
    images,
  };
}
