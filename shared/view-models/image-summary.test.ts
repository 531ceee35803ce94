import { describe, expect, it } from 'vitest';
import type { FoundTagReport, PlatformImage } from '../image/image-report';
import { MediaType } from '../image/media-types';
import { AMD64, ARM64, PROVENANCE, SPDX, WINDOWS_2019, makeAttestation, makeImage } from './__fixtures__/images';
import { buildTagSummary, summarizeImage, type ImageSummary } from './image-summary';

function tag(images: readonly PlatformImage[]): FoundTagReport {
  return {
    kind: 'found',
    reference: { registry: 'docker.io', repository: 'library/python', tag: '3.12' },
    display: 'python:3.12',
    pullName: 'python',
    digest: 'sha256:list',
    mediaType: MediaType.ociIndex,
    manifestSize: 2000,
    isIndex: true,
    images,
  };
}

const amd64 = makeImage({
  platform: AMD64,
  layers: [['sha256:base', 29_000_000], ['sha256:py', 4_000_000]],
  config: { created: '2024-05-01T10:00:00Z', docker_version: '20.10.23' },
  container: {
    Entrypoint: ['docker-entrypoint.sh'],
    Cmd: ['python3'],
    Env: ['PATH=/usr/local/bin:/usr/bin', 'LANG=C.UTF-8', 'EQUALS=a=b'],
    Labels: { 'org.opencontainers.image.version': '3.12', 'org.opencontainers.image.source': 'https://x' },
    WorkingDir: '/app',
    ExposedPorts: { '8080/tcp': {} },
  },
});
const arm64 = makeImage({ platform: ARM64, layers: [['sha256:base', 29_000_000], ['sha256:py-arm', 3_000_000]] });
const windows = makeImage({ platform: WINDOWS_2019, layers: [['sha256:win', 1_500_000_000]], container: { Shell: ['powershell', '-Command'] } });

describe('summarizeImage', () => {
  it.each<[string, PlatformImage, Partial<ImageSummary>]>([
    [
      'a Linux image',
      amd64,
      {
        platformLabel: 'linux/amd64',
        os: 'linux',
        architecture: 'amd64',
        sizeBytes: 33_000_000,
        sizeLabel: '33.0 MB',
        layerCount: 2,
        created: '2024-05-01T10:00:00Z',
        dockerVersion: '20.10.23',
        entrypoint: '["docker-entrypoint.sh"]',
        cmd: '["python3"]',
        workingDir: '/app',
        exposedPorts: '8080/tcp',
        env: [
          { name: 'PATH', value: '/usr/local/bin:/usr/bin' },
          { name: 'LANG', value: 'C.UTF-8' },
          { name: 'EQUALS', value: 'a=b' },
        ],
        labels: [
          { name: 'org.opencontainers.image.source', value: 'https://x' },
          { name: 'org.opencontainers.image.version', value: '3.12' },
        ],
      },
    ],
    ['an arm64 image', arm64, { platformLabel: 'linux/arm64/v8', variant: 'v8', sizeBytes: 32_000_000, env: [], labels: [] }],
    [
      'a Windows image',
      windows,
      { platformLabel: 'windows/amd64/10.0.17763.5820', osVersion: '10.0.17763.5820', windowsRelease: 'ltsc2019 10.0.17763.5820', shell: '["powershell","-Command"]' },
    ],
  ])('%s', (_name, image, expected) => {
    expect(summarizeImage(image)).toMatchObject(expected);
  });

  it.each<[string, keyof ImageSummary]>([
    ['no Docker version for BuildKit images', 'dockerVersion'],
    ['no Windows release on Linux', 'windowsRelease'],
    ['no Entrypoint when unset', 'entrypoint'],
  ])('%s', (_name, field) => {
    expect(summarizeImage(arm64)).not.toHaveProperty(field);
  });
});

describe('buildTagSummary', () => {
  it('lists platforms only, with attestations as badges on the image they describe', () => {
    const summary = buildTagSummary(tag([amd64, makeAttestation(amd64.digest, [PROVENANCE, SPDX]), arm64, makeAttestation(arm64.digest, [PROVENANCE])]));
    expect(summary.images.map((image) => [image.platformLabel, image.attestations.map((badge) => badge.kinds)])).toEqual([
      ['linux/amd64', [['provenance', 'sbom']]],
      ['linux/arm64/v8', [['provenance']]],
    ]);
    expect(summary.unattachedAttestations).toEqual([]);
  });

  it('counts shared layers once in the bytes of all platforms', () => {
    expect(buildTagSummary(tag([amd64, arm64])).distinctBytes).toBe(29_000_000 + 4_000_000 + 3_000_000);
  });

  it('keeps an attestation of an unknown image instead of dropping it', () => {
    const summary = buildTagSummary(tag([amd64, makeAttestation('sha256:gone', [PROVENANCE])]));
    expect(summary.images).toHaveLength(1);
    expect(summary.unattachedAttestations.map((badge) => badge.subject)).toEqual(['sha256:gone']);
  });
});
