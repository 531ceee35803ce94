import type { Platform } from './platform-model';

/**
 * The fields repo-info's `platform_string` reads. `Platform` fits; so does the `{os, architecture}`
 * of an image config, whose fields may be missing.
 */
export interface RepoInfoPlatformFields {
  readonly os?: string;
  readonly architecture?: string;
  readonly variant?: string;
  readonly osVersion?: string;
  readonly osFeatures?: readonly string[];
  readonly features?: readonly string[];
}

/**
 * A platform as repo-info prints it: `linux; arm64 variant v8`, `windows version 10.0.14393.3274; amd64`.
 *
 * `.remote.pl`'s `platform_string` (repo-info-format.md §5.3): a missing os or architecture reads
 * `linux` / `amd64`, and a missing platform reads `linux; amd64`. The optional parts test for
 * *defined*, not truthy, so an empty `os.version` still prints ` version `.
 */
export function repoInfoPlatform(p: RepoInfoPlatformFields | undefined): string {
  const os =
    (p?.os ?? 'linux') +
    (p?.osVersion !== undefined ? ` version ${p.osVersion}` : '') +
    (p?.osFeatures !== undefined ? ` ft. ${p.osFeatures.join(', ')}` : '');
  const architecture =
    (p?.architecture ?? 'amd64') +
    (p?.variant !== undefined ? ` variant ${p.variant}` : '') +
    (p?.features !== undefined ? ` ft. ${p.features.join(', ')}` : '');
  return `${os}; ${architecture}`;
}

const OS_PART = /^(.*?)(?: version (.*?))?(?: ft\. (.*))?$/s;
const ARCHITECTURE_PART = /^(.*?)(?: variant (.*?))?(?: ft\. (.*))?$/s;

/**
 * The inverse of `repoInfoPlatform`: `linux; arm variant v6` → `{os: 'linux', architecture: 'arm', variant: 'v6'}`.
 *
 * For rebuilding images from a repo-info report (test fixtures). Feature lists come back split on
 * `, `; an os or architecture containing `; `, ` version `, ` variant ` or ` ft. ` cannot round-trip.
 */
export function parseRepoInfoPlatform(text: string): Platform {
  const separator = text.indexOf('; ');
  const osText = separator < 0 ? text : text.slice(0, separator);
  const architectureText = separator < 0 ? '' : text.slice(separator + 2);
  const [, os = '', osVersion, osFeatures] = OS_PART.exec(osText) ?? [];
  const [, architecture = '', variant, features] = ARCHITECTURE_PART.exec(architectureText) ?? [];
  return {
    os,
    architecture,
    ...(variant !== undefined ? { variant } : {}),
    ...(osVersion !== undefined ? { osVersion } : {}),
    ...(osFeatures !== undefined ? { osFeatures: osFeatures.split(', ') } : {}),
    ...(features !== undefined ? { features: features.split(', ') } : {}),
  };
}
