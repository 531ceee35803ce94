import type { FixturePlatform } from '../fixtures/image-builder';

/**
 * A platform as a repo-info report prints it (docs/repo-info-format.md §5.3):
 * `linux; arm64 variant v8`, `windows version 10.0.17763.5820; amd64`.
 */
export function repoInfoPlatform(platform: FixturePlatform): string {
  const os = `${platform.os}${platform['os.version'] === undefined ? '' : ` version ${platform['os.version']}`}`;
  return `${os}; ${platform.architecture}${platform.variant === undefined ? '' : ` variant ${platform.variant}`}`;
}

/** Every occurrence of each key of `map` replaced by its value (seed digests → replica digests). */
export function replaceAll(text: string, map: Readonly<Record<string, string>>): string {
  let result = text;
  for (const [from, to] of Object.entries(map)) result = result.split(from).join(to);
  return result;
}
