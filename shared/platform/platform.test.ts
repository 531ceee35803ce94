import { describe, expect, it } from 'vitest';
import { RegscopeError } from '../api/errors';
import type { Platform } from './platform-model';
import {
  bestPlatform,
  formatPlatform,
  isAttestationEntry,
  normalizePlatform,
  parsePlatform,
  platformEquals,
  platformKey,
  platformSatisfies,
  type IndexEntryLike,
} from './platform';

const p = (os: string, architecture: string, variant?: string, osVersion?: string): Platform => ({
  os,
  architecture,
  ...(variant !== undefined ? { variant } : {}),
  ...(osVersion !== undefined ? { osVersion } : {}),
});

describe('normalizePlatform (regclient types/platform normalize, arm64 keeps v8)', () => {
  it.each<[Platform, Platform]>([
    [p('linux', 'aarch64'), p('linux', 'arm64', 'v8')],
    [p('linux', 'arm64'), p('linux', 'arm64', 'v8')],
    [p('linux', 'arm64', '8'), p('linux', 'arm64', 'v8')],
    [p('linux', 'arm64', 'v8.0'), p('linux', 'arm64', 'v8')],
    [p('linux', 'arm64', 'v9'), p('linux', 'arm64', 'v9')],
    [p('linux', 'armhf'), p('linux', 'arm', 'v7')],
    [p('linux', 'armel'), p('linux', 'arm', 'v6')],
    [p('linux', 'arm'), p('linux', 'arm', 'v7')],
    [p('linux', 'arm', '7'), p('linux', 'arm', 'v7')],
    [p('linux', 'arm', '6'), p('linux', 'arm', 'v6')],
    [p('linux', 'arm', '5'), p('linux', 'arm', 'v5')],
    [p('linux', 'arm', 'v6'), p('linux', 'arm', 'v6')],
    [p('linux', 'x86_64'), p('linux', 'amd64')],
    [p('linux', 'x86-64'), p('linux', 'amd64')],
    [p('linux', 'amd64', 'v1'), p('linux', 'amd64')],
    [p('linux', 'amd64', 'v3'), p('linux', 'amd64', 'v3')],
    [p('linux', 'i386'), p('linux', '386')],
    [p('linux', 'i386', 'v1'), p('linux', '386')],
    [p('macos', 'arm64'), p('darwin', 'arm64', 'v8')],
    [p('Linux', 'AMD64'), p('linux', 'amd64')],
    [p('linux', 'ppc64le'), p('linux', 'ppc64le')],
    [p('linux', 's390x'), p('linux', 's390x')],
    [p('linux', 'riscv64'), p('linux', 'riscv64')],
    [p('windows', 'amd64', undefined, '10.0.17763.5820'), p('windows', 'amd64', undefined, '10.0.17763.5820')],
    [p('unknown', 'unknown'), p('unknown', 'unknown')],
  ])('%j → %j', (input, expected) => {
    expect(normalizePlatform(input)).toStrictEqual(expected);
  });

  it('keeps os.features and features', () => {
    const input: Platform = { os: 'windows', architecture: 'amd64', osFeatures: ['win32k'], features: ['sse4'] };
    expect(normalizePlatform(input)).toStrictEqual(input);
  });
});

describe('formatPlatform / parsePlatform', () => {
  it.each<[string, Platform]>([
    ['linux/amd64', p('linux', 'amd64')],
    ['linux/arm64/v8', p('linux', 'arm64', 'v8')],
    ['linux/arm/v7', p('linux', 'arm', 'v7')],
    ['linux/386', p('linux', '386')],
    ['windows/amd64/10.0.17763.5820', p('windows', 'amd64', undefined, '10.0.17763.5820')],
    ['windows/arm64/v8/10.0.26100.1', p('windows', 'arm64', 'v8', '10.0.26100.1')],
    ['unknown/unknown', p('unknown', 'unknown')],
  ])('%s round-trips', (text, platform) => {
    expect(parsePlatform(text)).toStrictEqual(platform);
    expect(formatPlatform(platform)).toBe(text);
  });

  it.each<[string, Platform]>([
    ['windows/amd64:10.0.17763.737', p('windows', 'amd64', undefined, '10.0.17763.737')], // crane
    ['windows/amd64,osver=10.0.17763.5820', p('windows', 'amd64', undefined, '10.0.17763.5820')], // regclient
    ['windows/amd64,osversion=10.0.17763.5820', p('windows', 'amd64', undefined, '10.0.17763.5820')],
    ['Linux/ARM64/V8', p('linux', 'arm64', 'v8')],
    ['linux/arm/7', p('linux', 'arm', '7')],
    ['linux/aarch64', p('linux', 'aarch64')],
  ])('parses %s', (text, platform) => {
    expect(parsePlatform(text)).toStrictEqual(platform);
  });

  it.each<[string, string]>([
    ['', 'expected os/arch'],
    ['linux', 'expected os/arch'],
    ['linux/', 'os and architecture'],
    ['/amd64', 'os and architecture'],
    ['linux/amd64/v8/10.0.1/x', 'expected os/arch'],
    ['linux/arm/v7/v8', '"v8" is neither'],
    ['windows/amd64/10.0.1/v8', '"v8" is neither'],
    ['windows/amd64/10.0.1:10.0.2', 'os version twice'],
    ['windows/amd64:10.0.1,osver=10.0.2', 'os version twice'],
    ['linux/amd64,prefer=x', 'unknown option'],
    ['linux/amd 64', 'os and architecture'],
    ['linux/amd64:1 0', 'dotted numbers'],
    ['a'.repeat(300), 'longer than 256'],
  ])('refuses %j', (text, message) => {
    let error: unknown;
    try {
      parsePlatform(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RegscopeError);
    expect((error as RegscopeError).data).toMatchObject({ code: 'invalid-argument', stage: 'request' });
    expect((error as RegscopeError).data.message).toContain(message);
  });

  it('prints an empty os or architecture as unknown', () => {
    expect(formatPlatform(p('', ''))).toBe('unknown/unknown');
  });
});

describe('platformEquals', () => {
  it.each<[Platform, Platform, boolean]>([
    [p('linux', 'arm64'), p('linux', 'arm64', 'v8'), true],
    [p('linux', 'aarch64'), p('linux', 'arm64', 'v8'), true],
    [p('linux', 'armhf'), p('linux', 'arm', 'v7'), true],
    [p('linux', 'arm'), p('linux', 'arm', 'v7'), true],
    [p('linux', 'arm', 'v6'), p('linux', 'arm', 'v7'), false],
    [p('linux', 'x86_64'), p('linux', 'amd64'), true],
    [p('linux', 'amd64'), p('windows', 'amd64'), false],
    [p('windows', 'amd64', undefined, '10.0.17763.5820'), p('windows', 'amd64', undefined, '10.0.17763.5820'), true],
    [p('windows', 'amd64', undefined, '10.0.17763.5820'), p('windows', 'amd64', undefined, '10.0.17763.5830'), false],
    [p('windows', 'amd64', undefined, '10.0.17763.5820'), p('windows', 'amd64'), false],
    [{ ...p('windows', 'amd64'), osFeatures: ['a', 'b'] }, { ...p('windows', 'amd64'), osFeatures: ['b', 'a'] }, true],
    [{ ...p('windows', 'amd64'), osFeatures: ['win32k'] }, p('windows', 'amd64'), false],
    [{ ...p('linux', 'amd64'), features: [] }, p('linux', 'amd64'), true],
  ])('%j = %j → %s', (a, b, equal) => {
    expect(platformEquals(a, b)).toBe(equal);
    expect(platformEquals(b, a)).toBe(equal);
  });
});

describe('platformSatisfies (empty spec fields mean any; not symmetric)', () => {
  it.each<[Platform, Platform, boolean]>([
    [p('linux', 'amd64'), p('linux', 'amd64'), true],
    [p('linux', ''), p('linux', 's390x'), true],
    [p('', 'amd64'), p('windows', 'amd64'), true],
    [p('', ''), p('unknown', 'unknown'), true],
    [p('linux', 'arm'), p('linux', 'arm', 'v6'), true],
    [p('linux', 'arm', 'v6'), p('linux', 'arm'), false],
    [p('linux', 'arm64'), p('linux', 'arm64', 'v8'), true],
    [p('linux', 'arm64', 'v8'), p('linux', 'arm64'), true],
    [p('linux', 'aarch64'), p('linux', 'arm64'), true],
    [p('linux', 'armhf'), p('linux', 'arm', 'v7'), true],
    [p('linux', 'armhf'), p('linux', 'arm', 'v6'), false],
    [p('linux', 'amd64'), p('linux', 'arm64'), false],
    [p('windows', 'amd64', undefined, '10.0.17763'), p('windows', 'amd64', undefined, '10.0.17763.5820'), true],
    [p('windows', 'amd64', undefined, '10.0.17763.5820'), p('windows', 'amd64', undefined, '10.0.17763.5820'), true],
    [p('windows', 'amd64', undefined, '10.0.1776'), p('windows', 'amd64', undefined, '10.0.17763.5820'), false],
    [p('windows', 'amd64', undefined, '10.0.17763'), p('windows', 'amd64'), false],
    [{ ...p('windows', 'amd64'), osFeatures: ['win32k'] }, { ...p('windows', 'amd64'), osFeatures: ['win32k', 'x'] }, true],
    [{ ...p('windows', 'amd64'), osFeatures: ['win32k'] }, p('windows', 'amd64'), false],
    [p('windows', 'amd64'), { ...p('windows', 'amd64'), osFeatures: ['win32k'] }, true],
  ])('%j by %j → %s', (spec, candidate, satisfied) => {
    expect(platformSatisfies(spec, candidate)).toBe(satisfied);
  });
});

describe('bestPlatform (regclient Compatible + Better)', () => {
  const amd64 = p('linux', 'amd64');
  const arm64 = p('linux', 'arm64', 'v8');
  const armv5 = p('linux', 'arm', 'v5');
  const armv6 = p('linux', 'arm', 'v6');
  const armv7 = p('linux', 'arm', 'v7');
  const ltsc2019 = p('windows', 'amd64', undefined, '10.0.17763.5820');
  const ltsc2022 = p('windows', 'amd64', undefined, '10.0.20348.2700');
  const attestation = p('unknown', 'unknown');
  const all = [attestation, amd64, arm64, armv5, armv6, armv7, ltsc2019, ltsc2022];

  it.each<[string, Platform, Platform[], Platform | undefined]>([
    ['linux/amd64 host', amd64, all, amd64],
    ['aarch64 host', p('linux', 'aarch64'), all, arm64],
    ['arm64 image without variant', p('linux', 'arm64', 'v8'), [amd64, p('linux', 'arm64')], p('linux', 'arm64')],
    ['armv7 host takes its own variant', armv7, all, armv7],
    ['armv7 host, older variants only: the newest', armv7, [armv5, armv6], armv6],
    ['armv6 host cannot run v7', armv6, [armv7], undefined],
    ['x86_64 host', p('linux', 'x86_64'), [arm64, amd64], amd64],
    ['windows ltsc2019 host needs its build', p('windows', 'amd64', undefined, '10.0.17763.1000'), all, ltsc2019],
    ['windows ltsc2022 host', p('windows', 'amd64', undefined, '10.0.20348.1'), [ltsc2019, ltsc2022], ltsc2022],
    ['windows host without a build: the newest build', p('windows', 'amd64'), [ltsc2019, ltsc2022], ltsc2022],
    ['windows host prefers windows over linux', p('windows', 'amd64'), [amd64, ltsc2019], ltsc2019],
    ['windows host runs linux images (Docker Desktop)', p('windows', 'amd64'), [amd64, arm64], amd64],
    ['macOS host runs linux images (Docker Desktop)', p('darwin', 'arm64'), [amd64, arm64], arm64],
    ['macOS host prefers darwin', p('darwin', 'arm64'), [arm64, p('darwin', 'arm64')], p('darwin', 'arm64')],
    ['nothing compatible', p('linux', 's390x'), all, undefined],
    ['no candidates', amd64, [], undefined],
    ['only attestations', amd64, [attestation], undefined],
  ])('%s', (_name, host, candidates, expected) => {
    expect(bestPlatform(host, candidates)).toStrictEqual(expected);
  });

  it('returns the candidate object itself, extra fields and all', () => {
    const entry = { ...amd64, digest: 'sha256:x' };
    expect(bestPlatform(amd64, [arm64, entry])).toBe(entry);
  });
});

describe('platformKey', () => {
  it.each<[Platform, string]>([
    [p('linux', 'amd64'), 'linux/amd64'],
    [p('linux', 'x86_64'), 'linux/amd64'],
    [p('linux', 'arm64'), 'linux/arm64/v8'],
    [p('linux', 'aarch64', '8'), 'linux/arm64/v8'],
    [p('linux', 'armhf'), 'linux/arm/v7'],
    [p('windows', 'amd64', undefined, '10.0.17763.5820'), 'windows/amd64/10.0.17763.5820'],
    [{ ...p('windows', 'amd64', undefined, '10.0.17763.5820'), osFeatures: ['win32k', 'a'] }, 'windows/amd64/10.0.17763.5820+a+win32k'],
    [p('unknown', 'unknown'), 'unknown/unknown'],
  ])('%j → %s', (platform, key) => {
    expect(platformKey(platform)).toBe(key);
  });
});

describe('isAttestationEntry', () => {
  const attestationAnnotations = {
    'vnd.docker.reference.type': 'attestation-manifest',
    'vnd.docker.reference.digest': 'sha256:abc',
  };
  it.each<[string, IndexEntryLike, boolean]>([
    ['buildx attestation', { platform: p('unknown', 'unknown'), annotations: attestationAnnotations }, true],
    ['annotation without a platform', { annotations: attestationAnnotations }, true],
    ['unknown/unknown without the annotation', { platform: p('unknown', 'unknown') }, false],
    ['another reference type', { platform: p('unknown', 'unknown'), annotations: { 'vnd.docker.reference.type': 'other' } }, false],
    ['an image', { platform: p('linux', 'amd64'), annotations: { 'org.opencontainers.image.ref.name': '1' } }, false],
    ['nothing', {}, false],
  ])('%s → %s', (_name, entry, expected) => {
    expect(isAttestationEntry(entry)).toBe(expected);
  });
});
