/**
 * The platform switcher: one chip per platform image of a tag (attestations become a count on the
 * chip of the image they describe), and which chip to open first on this machine.
 */
import type { PlatformImage } from '../image/image-report';
import type { Platform } from '../platform/platform-model';
import { bestPlatform, formatPlatform } from '../platform/platform';
import { describeWindowsVersion } from '../platform/windows-release';
import { indexAttestations } from './attestations';
import { imageSizeBytes } from './image-facts';

/** One chip of the platform switcher. */
export interface PlatformChip {
  /**
   * `data-platform` of the chip: `formatPlatform`, e.g. `linux/arm64/v8`,
   * `windows/amd64/10.0.17763.5820`. A platform listed twice gets `@<digest>` on its second chip.
   */
  readonly key: string;
  /** Text on the chip: `linux/arm64/v8`, `windows/amd64 · ltsc2019 10.0.17763.5820`. */
  readonly label: string;
  /** Manifest digest of the image. */
  readonly digest: string;
  /** The platform, for matching against the host. */
  readonly platform: Platform;
  /** Number of attestation manifests (provenance, SBOM) that describe this image. */
  readonly attestationCount: number;
  /** Compressed size of the image. */
  readonly sizeBytes: number;
}

/** Chips for the platform images of a tag, in list order. */
export function buildPlatformChips(images: readonly PlatformImage[]): readonly PlatformChip[] {
  const { bySubject } = indexAttestations(images);
  const keys = new Set<string>();
  const chips: PlatformChip[] = [];
  for (const image of images) {
    if (image.kind !== 'image') continue;
    const formatted = formatPlatform(image.platform);
    const key = keys.has(formatted) ? `${formatted}@${image.digest}` : formatted;
    keys.add(key);
    chips.push({
      key,
      label: chipLabel(image.platform),
      digest: image.digest,
      platform: image.platform,
      attestationCount: bySubject.get(image.digest)?.length ?? 0,
      sizeBytes: imageSizeBytes(image),
    });
  }
  return chips;
}

/** `linux/arm64/v8`; for Windows the release name instead of the bare build. */
function chipLabel(platform: Platform): string {
  if (platform.os !== 'windows' || platform.osVersion === undefined) return formatPlatform(platform);
  const { osVersion: _osVersion, ...withoutVersion } = platform;
  return `${formatPlatform(withoutVersion)} · ${describeWindowsVersion(platform.osVersion)}`;
}

/** Node's names (`process.platform`, `process.arch`) for what images call otherwise. */
const NODE_NAMES: Readonly<Record<string, string>> = { win32: 'windows', x64: 'amd64', ia32: '386' };

/**
 * The chip to open first on `host`: the image the host would run (`bestPlatform`: same os and
 * architecture, a variant the CPU covers; Docker Desktop on macOS and Windows runs Linux images),
 * else linux/amd64, else the first chip. Node's `process.platform`/`process.arch` names are understood.
 */
export function chooseDefaultChip(chips: readonly PlatformChip[], host: Platform): PlatformChip | undefined {
  const hostPlatform: Platform = {
    ...host,
    os: NODE_NAMES[host.os] ?? host.os,
    architecture: NODE_NAMES[host.architecture] ?? host.architecture,
  };
  const platforms = chips.map((chip) => chip.platform);
  const best = bestPlatform(hostPlatform, platforms);
  const index = best === undefined ? -1 : platforms.indexOf(best);
  if (index >= 0) return chips[index];
  return chips.find((chip) => chip.platform.os === 'linux' && chip.platform.architecture === 'amd64') ?? chips[0];
}
