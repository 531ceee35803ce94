import type { Platform } from './platform-model';

/**
 * Folds the spellings of one platform into one: `aarch64` → `arm64`, `x86_64` → `amd64`, `armhf` →
 * `arm/v7`, `macos` → `darwin` … (regclient types/platform/platform.go `normalize`, itself from
 * containerd's platforms package), and lower-cases os, architecture and variant.
 *
 * One deliberate difference: regclient and containerd *drop* arm64's `v8`; regscope *adds* it when
 * missing. Docker Hub and the official images write `linux/arm64/v8` (peers.md "Platforms"), the UI
 * test ids use it, and either way `arm64` and `arm64/v8` become the same platform.
 */
export function normalizePlatform(platform: Platform): Platform {
  return normalizeFields(platform, true);
}

/**
 * {@link normalizePlatform}, optionally without filling in default variants: for a match *spec*,
 * where a missing variant means "any variant", `linux/arm` must not turn into `linux/arm/v7`.
 */
export function normalizeFields(platform: Platform, fillDefaultVariant: boolean): Platform {
  let os = platform.os.toLowerCase();
  let architecture = platform.architecture.toLowerCase();
  let variant = platform.variant?.toLowerCase() ?? '';
  if (os === 'macos') os = 'darwin';
  switch (architecture) {
    case 'i386':
      architecture = '386';
      variant = '';
      break;
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      architecture = 'amd64';
      // x86-64 v1 is the baseline every amd64 CPU has: the same as no variant.
      if (variant === 'v1') variant = '';
      break;
    case 'aarch64':
    case 'arm64':
      architecture = 'arm64';
      // containerd accepts "8", "v8" and "v8.0" for the baseline.
      if (variant === '8' || variant === 'v8.0' || (variant === '' && fillDefaultVariant)) variant = 'v8';
      break;
    case 'armhf':
      architecture = 'arm';
      variant = 'v7';
      break;
    case 'armel':
      architecture = 'arm';
      variant = 'v6';
      break;
    case 'arm':
      if (variant === '7' || (variant === '' && fillDefaultVariant)) variant = 'v7';
      else if (variant === '5' || variant === '6' || variant === '8') variant = `v${variant}`;
      break;
  }
  const { variant: _variant, ...rest } = platform;
  return { ...rest, os, architecture, ...(variant !== '' ? { variant } : {}) };
}
