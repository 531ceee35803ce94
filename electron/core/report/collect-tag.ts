import { RegscopeError } from '../../../shared/api/errors';
import type { FoundTagReport, ImageKind, LayerInfo, PlatformImage, TagReport } from '../../../shared/image/image-report';
import { isForeignLayerMediaType, isImageManifestMediaType, isIndexMediaType } from '../../../shared/image/media-types';
import { platformFromDescriptor } from '../../../shared/image/descriptor-platform';
import type { Descriptor, ImageManifest } from '../../../shared/image/manifest-schemas';
import { isAttestationEntry } from '../../../shared/platform/platform';
import type { Platform } from '../../../shared/platform/platform-model';
import { familiarReference, familiarRepository } from '../../../shared/reference/parse-reference';
import type { ImageReference } from '../../../shared/reference/reference-model';
import { checkDeclaredSize, checkReceivedSize } from '../registry/declared-size';
import { MAX_MANIFEST_BYTES } from '../registry/manifests';
import type { RegistryAccess } from '../registry/registry-access';

/**
 * Everything about one tag, fetched level by level: the tag's manifest; then every list entry's
 * manifest at once; then every config and every layer HEAD at once. The run's memo makes sure a
 * layer shared by two platforms is asked about once (repo-info §2: "results are cached per digest").
 */
export interface CollectOptions {
  readonly signal?: AbortSignal;
  /** Hears about list entries that are skipped (unknown artifact types, nested indexes). */
  readonly warn?: (message: string) => void;
}

/**
 * Which list entries become images. image-spec: an index entry of an unknown media type must be
 * ignored, not an error, so one artifact beside the images does not hide them. A nested index is
 * skipped the same way (repo-info died on it; repo-info-format.md §10 leaves the choice to us).
 */
function isShownEntry(entry: Descriptor): boolean {
  return entry.mediaType === undefined || isImageManifestMediaType(entry.mediaType);
}

/** A list entry's platform; an entry without one is linux/amd64, as repo-info prints it (§5.3). */
function platformOfEntry(descriptor: Descriptor): Platform {
  return platformFromDescriptor(descriptor.platform) ?? { os: 'linux', architecture: 'amd64' };
}

async function layersOf(access: RegistryAccess, repository: string, manifest: ImageManifest, display: string, signal?: AbortSignal): Promise<LayerInfo[]> {
  return Promise.all(
    manifest.layers.map(async (layer): Promise<LayerInfo> => {
      const mediaType = layer.mediaType ?? '';
      const foreign = isForeignLayerMediaType(mediaType);
      // A foreign layer is not in the registry: its date comes from urls[0]; without urls, nothing.
      const facts = foreign
        ? layer.urls?.[0]
          ? await access.foreignLayerFacts(layer.urls[0], layer.digest, display, signal)
          : {}
        : await access.blobFacts(repository, layer.digest, display, signal);
      return {
        digest: layer.digest,
        mediaType,
        size: layer.size,
        ...(layer.urls ? { urls: layer.urls } : {}),
        ...(facts.lastModified ? { lastModified: facts.lastModified } : {}),
        ...(layer.annotations ? { annotations: layer.annotations } : {}),
      };
    }),
  );
}

async function imageOf(
  access: RegistryAccess,
  repository: string,
  display: string,
  manifest: ImageManifest,
  facts: { digest: string; size: number; mediaType: string; platform?: Platform; entry?: Descriptor },
  signal?: AbortSignal,
): Promise<PlatformImage> {
  const [config, layers] = await Promise.all([
    access.config(repository, manifest.config, display, signal),
    layersOf(access, repository, manifest, display, signal),
  ]);
  const entry = facts.entry;
  const attestation = entry ? isAttestationEntry({ ...(entry.platform ? { platform: platformOfEntry(entry) } : {}), ...(entry.annotations ? { annotations: entry.annotations } : {}) }) : false;
  const kind: ImageKind = attestation ? 'attestation' : 'image';
  const annotations = { ...manifest.annotations, ...entry?.annotations };
  const attests = entry?.annotations?.['vnd.docker.reference.digest'];
  return {
    digest: facts.digest,
    manifestSize: facts.size,
    platform: facts.platform ?? { os: config.os || 'linux', architecture: config.architecture || 'amd64' },
    fromIndex: Boolean(entry),
    manifestMediaType: facts.mediaType,
    kind,
    ...(attestation && attests ? { attests } : {}),
    ...(Object.keys(annotations).length ? { annotations } : {}),
    configDigest: manifest.config.digest,
    configMediaType: manifest.config.mediaType ?? '',
    config,
    layers,
  };
}

/** Collects the report of one reference (a missing tag gives a `missing` report, not an error). */
export async function collectTag(access: RegistryAccess, reference: ImageReference, options: CollectOptions = {}): Promise<TagReport> {
  const ref: ImageReference = reference.tag || reference.digest ? reference : { ...reference, tag: 'latest' };
  const display = familiarReference(ref);
  const signal = options.signal;
  const top = await access.manifest(ref.repository, ref.digest ?? ref.tag ?? 'latest', display, signal);
  if (top === 'missing') return { kind: 'missing', reference: ref, display };
  const base = { kind: 'found' as const, reference: ref, display, pullName: familiarRepository(ref), digest: top.digest, mediaType: top.mediaType, manifestSize: top.size };
  if (top.kind === 'image') {
    const image = await imageOf(access, ref.repository, display, top.manifest, { digest: top.digest, size: top.size, mediaType: top.mediaType }, signal);
    return { ...base, isIndex: false, images: [image] } satisfies FoundTagReport;
  }
  const skip = (entry: Descriptor, type: string | undefined) =>
    options.warn?.(`${display}: skipped list entry ${entry.digest.slice(0, 19)}… (${isIndexMediaType(type) ? 'a nested index' : `unsupported type ${type ?? 'unknown'}`})`);
  const images = await Promise.all(
    top.index.manifests.map(async (entry): Promise<PlatformImage | undefined> => {
      if (!isShownEntry(entry)) return void skip(entry, entry.mediaType);
      checkDeclaredSize(entry.size, MAX_MANIFEST_BYTES, { what: 'manifest', digest: entry.digest, display, stage: 'manifest' });
      const child = await access.manifest(ref.repository, entry.digest, display, signal);
      if (child === 'missing') {
        throw new RegscopeError({ code: 'not-found', stage: 'manifest', reference: display, message: `the list names ${entry.digest.slice(0, 19)}… but the registry does not have it` });
      }
      checkReceivedSize(child.size, entry.size, { what: 'manifest', digest: entry.digest, display, stage: 'manifest' });
      if (child.kind !== 'image') return void skip(entry, child.mediaType);
      return imageOf(access, ref.repository, display, child.manifest, { digest: entry.digest, size: child.size, mediaType: child.mediaType, platform: platformOfEntry(entry), entry }, signal);
    }),
  );
  const shown = images.filter((image): image is PlatformImage => image !== undefined);
  return { ...base, isIndex: true, ...(top.index.annotations ? { annotations: top.index.annotations } : {}), images: shown } satisfies FoundTagReport;
}
