import type { Platform } from './platform-model';
import { normalizeFields, normalizePlatform } from './platform-normalize';

/**
 * True when `a` and `b` are the same platform once normalised: os, architecture, variant,
 * `os.version` (exactly), and `os.features` / `features` as sets.
 */
export function platformEquals(a: Platform, b: Platform): boolean {
  const x = normalizePlatform(a);
  const y = normalizePlatform(b);
  return (
    x.os === y.os &&
    x.architecture === y.architecture &&
    (x.variant ?? '') === (y.variant ?? '') &&
    (x.osVersion ?? '') === (y.osVersion ?? '') &&
    sameSet(x.osFeatures, y.osFeatures) &&
    sameSet(x.features, y.features)
  );
}

/**
 * True when `candidate` is what `spec` asks for; every empty field of `spec` means "any"
 * (ggcr pkg/v1/platform.go `Satisfies`). Not symmetric: `linux/arm` is satisfied by `linux/arm/v6`,
 * not the other way round.
 *
 * - `spec.osVersion` matches equal versions and longer ones that extend it by dotted components,
 *   so `10.0.17763` matches `10.0.17763.5820` (the same Windows release, any patch level).
 * - `spec.osFeatures` / `spec.features` must all be present in the candidate's.
 */
export function platformSatisfies(spec: Platform, candidate: Platform): boolean {
  const want = normalizeFields(spec, false);
  const have = normalizePlatform(candidate);
  if (want.os !== '' && want.os !== have.os) return false;
  if (want.architecture !== '' && want.architecture !== have.architecture) return false;
  if (want.variant !== undefined && want.variant !== have.variant) return false;
  if (want.osVersion) {
    const version = have.osVersion ?? '';
    if (version !== want.osVersion && !version.startsWith(`${want.osVersion}.`)) return false;
  }
  return isSubset(want.osFeatures, have.osFeatures) && isSubset(want.features, have.features);
}

/**
 * The candidate a `host` would run, or undefined when none can run there.
 *
 * regclient types/platform/compare.go: a candidate must be `Compatible` (same os and architecture,
 * a variant the host's CPU covers; Windows needs the same build; Docker Desktop on macOS and Windows
 * also runs Linux images), and among those `Better` prefers the host's own os, architecture,
 * variant and os version, then the newest variant and os version. Attestation entries
 * (`unknown/unknown`) never match a real host.
 */
export function bestPlatform<P extends Platform>(host: Platform, candidates: readonly P[]): P | undefined {
  const h = normalizePlatform(host);
  let best: P | undefined;
  let bestNormal: Platform | undefined;
  for (const candidate of candidates) {
    const c = normalizePlatform(candidate);
    if (!compatible(h, c)) continue;
    if (!bestNormal || better(h, c, bestNormal)) {
      best = candidate;
      bestNormal = c;
    }
  }
  return best;
}

/** regclient compare.go `Compatible`, on normalised platforms. */
function compatible(host: Platform, target: Platform): boolean {
  const sameArch = host.architecture === target.architecture && variantCompatible(host.variant ?? '', target.variant ?? '');
  switch (host.os) {
    case 'linux':
    case 'freebsd':
      return host.os === target.os && sameArch;
    case 'windows':
      if (target.os === 'windows') return sameArch && osVersionCompatible(host.osVersion ?? '', target.osVersion ?? '');
      // Docker Desktop for Windows runs Linux images in a VM.
      return target.os === 'linux' && sameArch;
    case 'darwin':
      // Docker Desktop for Mac runs Linux images in a VM.
      return (target.os === 'darwin' || target.os === 'linux') && sameArch;
    default:
      return host.os === target.os && sameArch && (host.osVersion ?? '') === (target.osVersion ?? '');
  }
}

/** regclient compare.go `Better`: is `target` a closer match for `host` than `previous`? */
function better(host: Platform, target: Platform, previous: Platform): boolean {
  if (previous.os !== target.os) {
    if (target.os === host.os) return true;
    if (previous.os === host.os) return false;
  }
  if (previous.architecture !== target.architecture) {
    if (target.architecture === host.architecture) return true;
    if (previous.architecture === host.architecture) return false;
  }
  const [pv, tv, hv] = [previous.variant ?? '', target.variant ?? '', host.variant ?? ''];
  if (pv !== tv) {
    if (tv === hv) return true;
    if (pv === hv) return false;
    const order = variantNumber(tv) - variantNumber(pv);
    if (order !== 0) return order > 0;
  }
  const [po, to, ho] = [previous.osVersion ?? '', target.osVersion ?? '', host.osVersion ?? ''];
  if (po !== to) {
    if (to === ho) return true;
    if (po === ho) return false;
    const order = compareVersions(po, to);
    if (order !== 0) return order < 0;
  }
  return false;
}

/** regclient `variantCompatible`: a v8 CPU runs v7 and v6 code, not the other way round. */
function variantCompatible(host: string, target: string): boolean {
  const h = variantNumber(host);
  const t = variantNumber(target);
  return h >= t || (h === 1 && target === '') || (host === '' && t === 1);
}

/** `v7` → 7; anything else (`v8.2`, `""`) → 0, as regclient's `variantVer` (strconv.Atoi fails). */
function variantNumber(variant: string): number {
  const digits = variant.startsWith('v') ? variant.slice(1) : variant;
  return /^[0-9]{1,6}$/.test(digits) ? Number(digits) : 0;
}

/** Windows containers need the host's major.minor.build (regclient `osVerCompatible`). */
function osVersionCompatible(host: string, target: string): boolean {
  if (host === '') return true;
  return buildOf(host) === buildOf(target);
}

function buildOf(version: string): string {
  const parts = version.split('.');
  return parts.length < 4 ? version : parts.slice(0, 3).join('.');
}

/** regclient `semverCmp` on dotted numbers: -1, 0 or 1. */
function compareVersions(a: string, b: string): number {
  const as = a.split('.');
  const bs = b.split('.');
  for (let i = 0; i < as.length; i++) {
    const bPart = bs[i];
    if (bPart === undefined) return 1;
    const x = /^[0-9]+$/.test(as[i] ?? '') ? Number(as[i]) : NaN;
    const y = /^[0-9]+$/.test(bPart) ? Number(bPart) : NaN;
    if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1;
    if (Number.isNaN(y)) return 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function sameSet(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return isSubset(a, b) && isSubset(b, a);
}

function isSubset(small: readonly string[] | undefined, large: readonly string[] | undefined): boolean {
  return (small ?? []).every((item) => (large ?? []).includes(item));
}
