/**
 * The facts panel of the image view: one summary per platform of a tag, with the tag's
 * attestation manifests attached as badges to the images they describe instead of listed as
 * `unknown/unknown` platforms.
 */
import { formatBytes } from '../format/size';
import type { FoundTagReport, PlatformImage } from '../image/image-report';
import type { Platform } from '../platform/platform-model';
import { formatPlatform } from '../platform/platform';
import { describeWindowsVersion } from '../platform/windows-release';
import { indexAttestations, type AttestationBadge } from './attestations';
import { execArrayText, exposedPortsText, imageSizeBytes, sortedLabels, splitEnv, type NamedValue } from './image-facts';

/** What the image view shows about one platform image. */
export interface ImageSummary {
  /** Digest of the image manifest. */
  readonly digest: string;
  /** Digest of the config blob (Docker's "Image ID"). */
  readonly configDigest: string;
  /** Media type of the image manifest. */
  readonly manifestMediaType: string;
  /** The platform as the list (or the config) states it. */
  readonly platform: Platform;
  /** The platform as text: `linux/arm64/v8`, `windows/amd64/10.0.17763.5820`. */
  readonly platformLabel: string;
  /** Operating system. */
  readonly os: string;
  /** CPU architecture. */
  readonly architecture: string;
  /** CPU variant, e.g. `v8`. */
  readonly variant?: string;
  /** Windows build, e.g. `10.0.17763.5820`. */
  readonly osVersion?: string;
  /** Windows release and build, e.g. `ltsc2019 10.0.17763.5820`; Windows images only. */
  readonly windowsRelease?: string;
  /** Compressed size: the sum of the layer sizes. */
  readonly sizeBytes: number;
  /** `sizeBytes` as shown, e.g. `33.0 MB`. */
  readonly sizeLabel: string;
  /** Number of layers. */
  readonly layerCount: number;
  /** `created` of the image config, as stored. */
  readonly created?: string;
  /** `docker_version` of the image config; BuildKit images have none. */
  readonly dockerVersion?: string;
  /** Entrypoint as JSON text, e.g. `["docker-entrypoint.sh"]`. */
  readonly entrypoint?: string;
  /** Cmd as JSON text, e.g. `["python3"]`. */
  readonly cmd?: string;
  /** Shell as JSON text (Windows images set it). */
  readonly shell?: string;
  /** Working directory. */
  readonly workingDir?: string;
  /** User the container runs as. */
  readonly user?: string;
  /** Exposed ports in numeric order, e.g. `80/tcp, 443/tcp`. */
  readonly exposedPorts?: string;
  /** Environment variables, split at the first `=`, in config order. */
  readonly env: readonly NamedValue[];
  /** Labels, sorted by name. */
  readonly labels: readonly NamedValue[];
  /** Attestation manifests that describe this image (provenance, SBOM), in list order. */
  readonly attestations: readonly AttestationBadge[];
}

/** What the image view shows about a tag. */
export interface TagSummary {
  /** The reference as shown, e.g. `python:3.12-slim`. */
  readonly display: string;
  /** Digest of the tag (the list's digest for a list). */
  readonly digest: string;
  /** Media type of the top-level manifest. */
  readonly mediaType: string;
  /** True for a manifest list or OCI index. */
  readonly isIndex: boolean;
  /** One summary per platform image, in list order; attestations are not among them. */
  readonly images: readonly ImageSummary[];
  /** Attestations whose image is not in the list, kept so none are silently lost. */
  readonly unattachedAttestations: readonly AttestationBadge[];
  /** Bytes of all distinct layers of the platform images: what pulling every platform costs. */
  readonly distinctBytes: number;
}

/** Summarises every platform image of a tag. */
export function buildTagSummary(report: FoundTagReport): TagSummary {
  const { bySubject, unattached } = indexAttestations(report.images);
  const platforms = report.images.filter((image) => image.kind === 'image');
  return {
    display: report.display,
    digest: report.digest,
    mediaType: report.mediaType,
    isIndex: report.isIndex,
    images: platforms.map((image) => summarizeImage(image, bySubject.get(image.digest) ?? [])),
    unattachedAttestations: unattached,
    distinctBytes: distinctLayerBytes(platforms),
  };
}

/** Summarises one platform image; `attestations` are the badges that describe it. */
export function summarizeImage(image: PlatformImage, attestations: readonly AttestationBadge[] = []): ImageSummary {
  const { platform, config } = image;
  const container = config.config ?? {};
  const sizeBytes = imageSizeBytes(image);
  const os = platform.os || config.os || '';
  const osVersion = platform.osVersion ?? config['os.version'];
  const variant = platform.variant ?? config.variant;
  return {
    digest: image.digest,
    configDigest: image.configDigest,
    manifestMediaType: image.manifestMediaType,
    platform,
    platformLabel: formatPlatform(platform),
    os,
    architecture: platform.architecture || config.architecture || '',
    ...optional('variant', variant),
    ...optional('osVersion', osVersion),
    ...optional('windowsRelease', os === 'windows' && osVersion !== undefined ? describeWindowsVersion(osVersion) : undefined),
    sizeBytes,
    sizeLabel: formatBytes(sizeBytes),
    layerCount: image.layers.length,
    ...optional('created', config.created),
    ...optional('dockerVersion', config.docker_version),
    ...optional('entrypoint', execArrayText(container.Entrypoint)),
    ...optional('cmd', execArrayText(container.Cmd)),
    ...optional('shell', execArrayText(container.Shell)),
    ...optional('workingDir', container.WorkingDir),
    ...optional('user', container.User),
    ...optional('exposedPorts', exposedPortsText(container.ExposedPorts)),
    env: splitEnv(container.Env),
    labels: sortedLabels(container.Labels),
    attestations,
  };
}

/** `{[key]: value}` when value is a non-empty string, else nothing. */
function optional<K extends string>(key: K, value: string | undefined): { readonly [P in K]?: string } {
  return value === undefined || value === '' ? {} : ({ [key]: value } as { readonly [P in K]?: string });
}

function distinctLayerBytes(images: readonly PlatformImage[]): number {
  const sizes = new Map<string, number>();
  for (const image of images) for (const layer of image.layers) sizes.set(layer.digest, layer.size ?? 0);
  let total = 0;
  for (const size of sizes.values()) total += size;
  return total;
}
