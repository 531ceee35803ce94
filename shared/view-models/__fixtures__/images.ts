/**
 * Small builders of `PlatformImage` values for the view-model tests. Test-only; nothing imports
 * this outside `*.test.ts`.
 */
import type { ContainerConfig, HistoryEntry, ImageConfig, LayerInfo, PlatformImage } from '../../image/image-report';
import { MediaType } from '../../image/media-types';
import type { Platform } from '../../platform/platform-model';

/** What a test states about an image; everything else gets a plausible default. */
export interface ImageSpec {
  /** Manifest digest; derived from the platform when left out. */
  readonly digest?: string;
  /** Platform of the list entry; `linux/amd64` when left out. */
  readonly platform?: Platform;
  /** Layers as `[digest, size]`; a size of `undefined` means the descriptor had none. */
  readonly layers?: readonly (readonly [string, number | undefined])[];
  /** Full layer records, when a test needs media types or annotations. */
  readonly layerInfos?: readonly LayerInfo[];
  /** `config.history`. */
  readonly history?: readonly HistoryEntry[];
  /** The runtime config (`config.config`). */
  readonly container?: ContainerConfig;
  /** Other top-level config fields. */
  readonly config?: Partial<ImageConfig>;
  /** Attestation manifest of this image digest. */
  readonly attests?: string;
}

/** A `PlatformImage` with the given facts. */
export function makeImage(spec: ImageSpec = {}): PlatformImage {
  const platform = spec.platform ?? { os: 'linux', architecture: 'amd64' };
  const digest = spec.digest ?? `sha256:${[platform.os, platform.architecture, platform.variant].filter(Boolean).join('-')}`;
  const layers =
    spec.layerInfos ??
    (spec.layers ?? []).map(([layerDigest, size]): LayerInfo => ({
      digest: layerDigest,
      mediaType: MediaType.dockerLayer,
      ...(size === undefined ? {} : { size }),
    }));
  return {
    digest,
    manifestSize: 1000,
    platform,
    fromIndex: true,
    manifestMediaType: MediaType.ociManifest,
    kind: spec.attests === undefined ? 'image' : 'attestation',
    ...(spec.attests === undefined ? {} : { attests: spec.attests }),
    configDigest: `${digest}-config`,
    configMediaType: MediaType.ociConfig,
    config: {
      architecture: platform.architecture,
      os: platform.os,
      ...(spec.history === undefined ? {} : { history: spec.history }),
      ...(spec.container === undefined ? {} : { config: spec.container }),
      ...spec.config,
    },
    layers,
  };
}

/** A history entry that made a layer, as Docker writes a shell-form RUN. */
export function run(command: string): HistoryEntry {
  return { created_by: `/bin/sh -c ${command}` };
}

/** A metadata-only history entry (`ENV`, `CMD`, ...), as the classic builder writes it. */
export function nop(instruction: string): HistoryEntry {
  return { created_by: `/bin/sh -c #(nop)  ${instruction}`, empty_layer: true };
}

/** The platforms the tests use most. */
export const AMD64: Platform = { os: 'linux', architecture: 'amd64' };
/** linux/arm64/v8. */
export const ARM64: Platform = { os: 'linux', architecture: 'arm64', variant: 'v8' };
/** linux/arm/v7. */
export const ARMV7: Platform = { os: 'linux', architecture: 'arm', variant: 'v7' };
/** Windows Server 2019. */
export const WINDOWS_2019: Platform = { os: 'windows', architecture: 'amd64', osVersion: '10.0.17763.5820' };

/** A BuildKit attestation manifest for `subject`, with one in-toto layer per predicate type. */
export function makeAttestation(subject: string, predicateTypes: readonly string[], digest = `${subject}-att`): PlatformImage {
  return makeImage({
    digest,
    platform: { os: 'unknown', architecture: 'unknown' },
    attests: subject,
    layerInfos: predicateTypes.map((predicateType, i) => ({
      digest: `${digest}-layer${String(i)}`,
      mediaType: MediaType.inToto,
      size: 1000,
      annotations: { 'in-toto.io/predicate-type': predicateType },
    })),
  });
}

/** SLSA provenance v0.2, as BuildKit writes it. */
export const PROVENANCE = 'https://slsa.dev/provenance/v0.2';
/** SPDX SBOM, as BuildKit writes it. */
export const SPDX = 'https://spdx.dev/Document';
