import { describe, expect, it } from 'vitest';
import type { Platform } from '../platform/platform-model';
import { AMD64, ARM64, ARMV7, PROVENANCE, SPDX, WINDOWS_2019, makeAttestation, makeImage } from './__fixtures__/images';
import { buildPlatformChips, chooseDefaultChip } from './platform-chips';

const amd64 = makeImage({ platform: AMD64, layers: [['sha256:a', 100], ['sha256:b', 50]] });
const arm64 = makeImage({ platform: ARM64, layers: [['sha256:c', 70]] });
const armv7 = makeImage({ platform: ARMV7 });
const windows = makeImage({ platform: WINDOWS_2019, layers: [['sha256:w', 1000]] });

describe('buildPlatformChips', () => {
  it('makes one chip per platform in list order, counting attestations on their image', () => {
    const chips = buildPlatformChips([amd64, makeAttestation(amd64.digest, [PROVENANCE, SPDX]), arm64, makeAttestation(arm64.digest, [PROVENANCE], 'sha256:att2'), windows]);
    expect(chips.map(({ key, label, digest, attestationCount, sizeBytes }) => ({ key, label, digest, attestationCount, sizeBytes }))).toEqual([
      { key: 'linux/amd64', label: 'linux/amd64', digest: amd64.digest, attestationCount: 1, sizeBytes: 150 },
      { key: 'linux/arm64/v8', label: 'linux/arm64/v8', digest: arm64.digest, attestationCount: 1, sizeBytes: 70 },
      {
        key: 'windows/amd64/10.0.17763.5820',
        label: 'windows/amd64 · ltsc2019 10.0.17763.5820',
        digest: windows.digest,
        attestationCount: 0,
        sizeBytes: 1000,
      },
    ]);
  });

  it('keeps keys unique when a platform is listed twice', () => {
    const again = makeImage({ digest: 'sha256:again', platform: AMD64 });
    expect(buildPlatformChips([amd64, again]).map((chip) => chip.key)).toEqual(['linux/amd64', 'linux/amd64@sha256:again']);
  });
});

describe('chooseDefaultChip', () => {
  it.each<[string, readonly (typeof amd64)[], Platform, string | undefined]>([
    ['the host platform', [amd64, arm64], ARM64, arm64.digest],
    ['arm64 host without a variant', [amd64, arm64], { os: 'linux', architecture: 'arm64' }, arm64.digest],
    ['Node names on a Mac', [amd64, arm64], { os: 'darwin', architecture: 'arm64' }, arm64.digest],
    ['Node names on Windows', [armv7, amd64], { os: 'win32', architecture: 'x64' }, amd64.digest],
    ['linux/amd64 when the host has no match', [armv7, amd64], { os: 'linux', architecture: 'riscv64' }, amd64.digest],
    ['the first chip when there is no amd64 either', [armv7, arm64], { os: 'linux', architecture: 'riscv64' }, armv7.digest],
    ['nothing for no chips', [], AMD64, undefined],
  ])('%s', (_name, images, host, expected) => {
    expect(chooseDefaultChip(buildPlatformChips(images), host)?.digest).toBe(expected);
  });
});
