import type { ImageReference } from '../reference/reference-model';
import type { Platform } from '../platform/platform-model';

/**
 * What the core learns about one tag: everything the repo-info report, the JSON export and the
 * image view need, and nothing they would have to fetch again.
 *
 * Built by the registry core (electron/core/report/collect-tag.ts); consumed by the exporters and
 * view-model builders in shared/.
 */

/** One `config.history[]` entry, as the image config has it. */
export interface HistoryEntry {
  readonly created?: string;
  readonly created_by?: string;
  readonly empty_layer?: boolean;
  readonly comment?: string;
  readonly author?: string;
}

/** The `config` object inside an image config (the runtime defaults). */
export interface ContainerConfig {
  readonly Cmd?: readonly string[] | null;
  readonly Entrypoint?: readonly string[] | null;
  readonly Shell?: readonly string[] | null;
  readonly Env?: readonly string[] | null;
  readonly Labels?: Readonly<Record<string, string>> | null;
  readonly WorkingDir?: string;
  readonly User?: string;
  readonly ExposedPorts?: Readonly<Record<string, unknown>> | null;
  readonly StopSignal?: string;
}

/** The fields of an image config blob that regscope reads. Unknown fields are dropped. */
export interface ImageConfig {
  readonly architecture?: string;
  readonly os?: string;
  readonly variant?: string;
  readonly 'os.version'?: string;
  readonly created?: string;
  readonly docker_version?: string;
  readonly author?: string;
  readonly config?: ContainerConfig | null;
  readonly history?: readonly HistoryEntry[];
  readonly rootfs?: { readonly type?: string; readonly diff_ids?: readonly string[] };
}

/** A layer of an image, with the facts a blob HEAD added. */
export interface LayerInfo {
  readonly digest: string;
  /** Descriptor media type; empty when the descriptor had none. */
  readonly mediaType: string;
  /** Compressed size in bytes from the descriptor. */
  readonly size?: number;
  /** Download locations of a foreign (non-distributable) layer. */
  readonly urls?: readonly string[];
  /** `Last-Modified` of the final answer to the layer's HEAD (after redirects), as sent. */
  readonly lastModified?: string;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** What kind of manifest a list entry is. Attestations describe another entry, not a platform. */
export type ImageKind = 'image' | 'attestation';

/** One image manifest: a platform of a list, or the whole tag when it is a single manifest. */
export interface PlatformImage {
  /** Digest of this image manifest. */
  readonly digest: string;
  /** Size of the image manifest in bytes. */
  readonly manifestSize: number;
  /** The list entry's platform, or `{os, architecture}` of the config for a single manifest. */
  readonly platform: Platform;
  /** True when the image came from a list or index (repo-info then prints its own `docker pull`). */
  readonly fromIndex: boolean;
  /** Media type of the image manifest (Docker schema 2 or OCI). */
  readonly manifestMediaType: string;
  readonly kind: ImageKind;
  /** For an attestation: the digest of the image it describes (`vnd.docker.reference.digest`). */
  readonly attests?: string;
  /** Annotations of the list entry and the manifest, merged (entry wins). */
  readonly annotations?: Readonly<Record<string, string>>;
  readonly configDigest: string;
  readonly configMediaType: string;
  readonly config: ImageConfig;
  readonly layers: readonly LayerInfo[];
}

/** A tag (or digest) that the registry does not have: repo-info prints "does not exist". */
export interface MissingTagReport {
  readonly kind: 'missing';
  readonly reference: ImageReference;
  /** The reference as reports print it: `python:3.8-rc-alpine`, `ghcr.io/acme/app:v1`. */
  readonly display: string;
}

/** A tag that resolved to a manifest or a list. */
export interface FoundTagReport {
  readonly kind: 'found';
  readonly reference: ImageReference;
  /** The reference as reports print it: `python:3.8-rc-alpine`, `ghcr.io/acme/app:v1`. */
  readonly display: string;
  /** The repository as `docker pull` wants it: `python`, `acme/app`, `ghcr.io/acme/app`. */
  readonly pullName: string;
  /** `Docker-Content-Digest` of the tag (the list's digest for a list). */
  readonly digest: string;
  /** The `mediaType` inside the top-level JSON. */
  readonly mediaType: string;
  /** Size of the top-level manifest in bytes. */
  readonly manifestSize: number;
  /** True for a manifest list or OCI index. */
  readonly isIndex: boolean;
  /** Annotations of the index itself. */
  readonly annotations?: Readonly<Record<string, string>>;
  /** Every entry in list order (attestations included), or the one image of a single manifest. */
  readonly images: readonly PlatformImage[];
}

export type TagReport = MissingTagReport | FoundTagReport;
