import { RegscopeError } from '../api/errors';
import type { Platform } from './platform-model';
import { normalizePlatform } from './platform-normalize';

// One entry point for platform handling; the pieces live in small files beside this one.
export { normalizePlatform } from './platform-normalize';
export { platformEquals, platformSatisfies, bestPlatform } from './platform-compare';

/** Longest platform string parsed (`windows/arm64/v8/10.0.26100.33438` is 34 characters). */
export const MAX_PLATFORM_LENGTH = 256;

// regclient platform.go `partRE`; os.version also has dots.
const PART = /^[A-Za-z0-9_-]+$/;
const OS_VERSION = /^[A-Za-z0-9_.-]+$/;
// A Windows build (`10.0.17763.5820`): dotted numbers. Variants (`v7`, `v8`, `v3`) never have a dot.
const DOTTED_VERSION = /^[0-9]+(?:\.[0-9]+)+$/;

/**
 * `os/arch[/variant][/osversion]`: `linux/amd64`, `linux/arm64/v8`, `windows/amd64/10.0.17763.5820`.
 *
 * The fields are written as the manifest gives them (not normalised), so what the UI shows is what
 * the registry said; compare with {@link platformEquals} or {@link platformKey}. `os.version` is the
 * last path segment, as the UI's `data-platform` ids have it (design.md), instead of crane's
 * `:osversion`. An empty os or architecture prints as `unknown`.
 */
export function formatPlatform(platform: Platform): string {
  const parts = [platform.os || 'unknown', platform.architecture || 'unknown'];
  if (platform.variant) parts.push(platform.variant);
  if (platform.osVersion) parts.push(platform.osVersion);
  return parts.join('/');
}

/**
 * Parses `os/arch[/variant][/osversion]`, plus the other tools' spellings of the os version: crane's
 * `windows/amd64:10.0.17763.737` and regclient's `windows/amd64,osver=10.0.17763.5820` (peers.md).
 *
 * A third segment with dots is the os version, otherwise the variant. os, architecture and variant
 * are lower-cased but not normalised (see {@link normalizePlatform}).
 *
 * @throws RegscopeError `invalid-argument` (stage `request`).
 */
export function parsePlatform(text: string): Platform {
  const fail = (detail: string) =>
    new RegscopeError({
      code: 'invalid-argument',
      stage: 'request',
      message: `invalid platform "${text.length > 64 ? `${text.slice(0, 64)}…` : text}": ${detail}`,
    });
  if (text.length > MAX_PLATFORM_LENGTH) throw fail(`it is longer than ${MAX_PLATFORM_LENGTH} characters`);

  let path = text;
  let osVersion: string | undefined;
  const comma = path.indexOf(',');
  if (comma >= 0) {
    for (const argument of path.slice(comma + 1).split(',')) {
      const [key = '', value = '', extra] = argument.split('=');
      if (extra !== undefined || !['osver', 'osversion'].includes(key.trim().toLowerCase())) {
        throw fail(`unknown option "${argument}" (only osver=… is understood)`);
      }
      osVersion = value.trim();
    }
    path = path.slice(0, comma);
  }
  const colon = path.indexOf(':');
  if (colon >= 0) {
    if (osVersion !== undefined) throw fail('it gives the os version twice');
    osVersion = path.slice(colon + 1);
    path = path.slice(0, colon);
  }

  const segments = path.split('/');
  const [os = '', architecture = '', ...more] = segments;
  if (segments.length < 2 || segments.length > 4) throw fail('expected os/arch[/variant][/osversion], e.g. linux/arm64/v8');
  if (!PART.test(os) || !PART.test(architecture)) throw fail('os and architecture are letters, digits, "_" and "-"');
  let variant: string | undefined;
  for (const [index, segment] of more.entries()) {
    if (DOTTED_VERSION.test(segment)) {
      if (osVersion !== undefined) throw fail('it gives the os version twice');
      osVersion = segment;
    } else if (index === 0 && PART.test(segment)) {
      variant = segment.toLowerCase();
    } else {
      throw fail(`"${segment}" is neither a variant (v7) nor an os version (10.0.17763.5820)`);
    }
  }
  if (osVersion !== undefined && !OS_VERSION.test(osVersion)) throw fail('the os version is dotted numbers, e.g. 10.0.17763.5820');
  return {
    os: os.toLowerCase(),
    architecture: architecture.toLowerCase(),
    ...(variant !== undefined ? { variant } : {}),
    ...(osVersion !== undefined ? { osVersion } : {}),
  };
}

/**
 * A stable id for a platform, the same for every spelling of it: the normalised
 * {@link formatPlatform}, plus `+feature` for each `os.features` entry (sorted), since two Windows
 * entries may differ only there. `{os: 'linux', architecture: 'aarch64'}` → `linux/arm64/v8`.
 */
export function platformKey(platform: Platform): string {
  const normal = normalizePlatform(platform);
  const features = [...(normal.osFeatures ?? [])].sort();
  return formatPlatform(normal) + features.map((feature) => `+${feature}`).join('');
}

/** The part of an index entry that tells whether it is an attestation. */
export interface IndexEntryLike {
  readonly platform?: Platform;
  readonly annotations?: Readonly<Record<string, string>>;
}

/**
 * True when an index entry is a BuildKit attestation manifest (SBOM / provenance), not an image.
 *
 * buildx writes them as `platform: unknown/unknown` with the annotations
 * `vnd.docker.reference.type: attestation-manifest` and `vnd.docker.reference.digest: <image>`
 * (BuildKit docs "Attestation storage"). The annotation decides, since it is what says "attestation";
 * `unknown/unknown` alone is only a platform nobody can run, which {@link bestPlatform} skips anyway.
 */
export function isAttestationEntry(entry: IndexEntryLike): boolean {
  return entry.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest';
}
