import { createHash } from 'node:crypto';
import { MediaType } from '../../../shared/image/media-types';

/**
 * Content for the scripted registry: exact bytes with their digest, so a test can serve the truth,
 * or a lie about it, on purpose.
 */
export interface Content {
  readonly bytes: Buffer;
  readonly digest: string;
  readonly size: number;
  readonly mediaType: string;
}

export function sha256(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Bytes as content of a media type. */
export function content(bytes: Buffer | string, mediaType: string): Content {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return { bytes: buffer, digest: sha256(buffer), size: buffer.byteLength, mediaType };
}

/** A JSON document as content (compact, as registries store them). */
export function jsonContent(value: unknown, mediaType: string): Content {
  return content(JSON.stringify(value), mediaType);
}

/** The descriptor of content, as a manifest lists it. */
export function descriptor(of: Content, extra: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return { mediaType: of.mediaType, digest: of.digest, size: of.size, ...extra };
}

/** A layer the registry answers HEAD for; its bytes are never fetched (regscope only HEADs layers). */
export function layer(seed: string): Content {
  return content(`layer ${seed}`, MediaType.ociLayer);
}

/** A small, valid linux/amd64 image config. */
export function imageConfig(overrides: Readonly<Record<string, unknown>> = {}, seed = 'base'): Content {
  return jsonContent(
    {
      architecture: 'amd64',
      os: 'linux',
      created: '2024-07-28T00:07:38Z',
      // The seed makes configs of different test images differ, so a swapped config is detectable.
      config: { Cmd: ['/bin/sh'], Env: ['PATH=/usr/bin'], Labels: { seed } },
      history: [{ created: '2024-07-28T00:07:38Z', created_by: '/bin/sh -c #(nop) ADD file:abc in / ' }],
      rootfs: { type: 'layers', diff_ids: [] },
      ...overrides,
    },
    MediaType.ociConfig,
  );
}

/** An OCI image manifest over a config and layers. */
export function imageManifest(config: Content, layers: readonly Content[], extra: Readonly<Record<string, unknown>> = {}): Content {
  return jsonContent({ schemaVersion: 2, mediaType: MediaType.ociManifest, config: descriptor(config), layers: layers.map((item) => descriptor(item)), ...extra }, MediaType.ociManifest);
}

/** An OCI index over image manifests, one platform each. */
export function imageIndex(entries: ReadonlyArray<{ manifest: Content; platform: Readonly<Record<string, unknown>> }>, extra: Readonly<Record<string, unknown>> = {}): Content {
  return jsonContent({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: entries.map((entry) => descriptor(entry.manifest, { platform: entry.platform })), ...extra }, MediaType.ociIndex);
}

/** A complete single-platform image: config, one layer, manifest. */
export interface Image {
  readonly config: Content;
  readonly layers: readonly Content[];
  readonly manifest: Content;
}

export function image(seed = 'base', configOverrides: Readonly<Record<string, unknown>> = {}): Image {
  const config = imageConfig(configOverrides, seed);
  const layers = [layer(seed)];
  return { config, layers, manifest: imageManifest(config, layers) };
}
