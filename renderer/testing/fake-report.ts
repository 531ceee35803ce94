/**
 * A believable multi-platform tag for tests and screenshots: linux/amd64, linux/arm64/v8 and a
 * Windows ltsc2019 image, with BuildKit attestations on the two Linux images, a layer both Linux
 * images share, and histories that differ the way real ones do (an arch-specific package, an extra
 * step). `-slim` tags share the base layer with the full tag. Test support only.
 */
import type { FoundTagReport, HistoryEntry, LayerInfo, PlatformImage } from '../../shared/image/image-report';
import type { Platform } from '../../shared/platform/platform-model';
import { familiarRepository, parseReference } from '../../shared/reference/parse-reference';

const LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip';
const FOREIGN = 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip';

/** A sha256 digest from a short seed, stable across runs. */
export function fakeDigest(seed: string): string {
  let hex = '';
  let h = 2166136261;
  while (hex.length < 64) {
    for (const char of `${seed}#${String(hex.length)}`) h = Math.imul(h ^ char.charCodeAt(0), 16777619) >>> 0;
    hex += h.toString(16).padStart(8, '0');
  }
  return `sha256:${hex.slice(0, 64)}`;
}

function layer(seed: string, size: number, mediaType = LAYER): LayerInfo {
  return { digest: fakeDigest(seed), mediaType, size, lastModified: 'Tue, 05 Mar 2024 10:12:00 GMT' };
}

const nop = (text: string, created = '2024-03-05T10:00:00Z'): HistoryEntry => ({ created, created_by: `/bin/sh -c #(nop)  ${text}`, empty_layer: true });
const run = (text: string, created = '2024-03-05T10:05:00Z'): HistoryEntry => ({ created, created_by: `/bin/sh -c ${text}` });

function linuxImage(tag: string, platform: Platform, arch: string, slim: boolean): PlatformImage {
  const digest = fakeDigest(`${tag}-${arch}`);
  const extra = arch === 'arm64';
  const packages = slim ? 'ca-certificates netbase tzdata' : `ca-certificates curl git netbase tzdata${extra ? ' libatomic1' : ''}`;
  const history: HistoryEntry[] = [
    { created: '2024-02-13T00:00:00Z', created_by: `/bin/sh -c #(nop) ADD file:${arch}rootfs in / ` },
    nop('CMD ["bash"]', '2024-02-13T00:00:01Z'),
    nop('ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin'),
    nop('ENV LANG=C.UTF-8'),
    run(`set -eux; apt-get update; apt-get install -y --no-install-recommends ${packages}; rm -rf /var/lib/apt/lists/*`),
    ...(extra ? [run('dpkg --add-architecture armhf && apt-get update && apt-get install -y libc6:armhf')] : []),
    nop('ENV PYTHON_VERSION=3.12.2'),
    run(`set -eux; wget -O python.tar.xz "https://www.python.org/ftp/python/3.12.2/Python-3.12.2.tar.xz"; ./configure --build="${arch === 'amd64' ? 'x86_64' : 'aarch64'}-linux-gnu" --enable-optimizations; make -j "$(nproc)"; make install`),
    run('set -eux; for src in idle3 pydoc3 python3 python3-config; do ln -svT "$src" "/usr/local/bin/${src%3}"; done'),
    { created: '2024-03-05T10:09:00Z', created_by: 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit' },
    nop('CMD ["python3"]'),
  ];
  const scale = slim ? 0.45 : 1;
  const layers = [
    layer(`${arch}-base`, arch === 'amd64' ? 29_150_000 : 28_840_000),
    layer(`${tag}-${arch}-apt`, Math.round((extra ? 24_900_000 : 17_400_000) * scale)),
    ...(extra ? [layer(`${tag}-${arch}-armhf`, 12_300_000)] : []),
    layer(`${tag}-${arch}-python`, Math.round((arch === 'amd64' ? 31_200_000 : 30_100_000) * scale)),
    layer(`${tag}-links`, 244),
    layer('entrypoint', 1_820),
  ];
  return {
    digest,
    manifestSize: 1_612,
    platform,
    fromIndex: true,
    manifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
    kind: 'image',
    configDigest: fakeDigest(`${tag}-${arch}-config`),
    configMediaType: 'application/vnd.oci.image.config.v1+json',
    config: {
      architecture: platform.architecture,
      os: 'linux',
      ...(platform.variant === undefined ? {} : { variant: platform.variant }),
      created: '2024-03-05T10:09:00Z',
      config: {
        Cmd: ['python3'],
        Entrypoint: ['docker-entrypoint.sh'],
        Env: ['PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin', 'LANG=C.UTF-8', 'PYTHON_VERSION=3.12.2', ...(extra ? ['GNU_ARCH=aarch64'] : ['GNU_ARCH=x86_64'])],
        Labels: { 'org.opencontainers.image.source': 'https://github.com/docker-library/python', 'org.opencontainers.image.version': '3.12.2', '<b>odd</b>': 'text, not <i>markup</i>' },
        WorkingDir: '/app',
      },
      history,
    },
    layers,
  };
}

function windowsImage(tag: string): PlatformImage {
  const platform: Platform = { os: 'windows', architecture: 'amd64', osVersion: '10.0.17763.5820' };
  return {
    digest: fakeDigest(`${tag}-windows`),
    manifestSize: 2_100,
    platform,
    fromIndex: true,
    manifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    kind: 'image',
    configDigest: fakeDigest(`${tag}-windows-config`),
    configMediaType: 'application/vnd.docker.container.image.v1+json',
    config: {
      architecture: 'amd64',
      os: 'windows',
      'os.version': '10.0.17763.5820',
      created: '2024-03-06T08:00:00Z',
      docker_version: '20.10.23',
      config: { Cmd: ['python'], Shell: ['powershell', '-Command', "$ErrorActionPreference = 'Stop';"], Env: ['PYTHON_VERSION=3.12.2'] },
      history: [
        { created: '2024-02-10T00:00:00Z', created_by: 'Apply image 10.0.17763.5820' },
        { created: '2024-03-06T07:58:00Z', created_by: 'cmd /S /C #(nop)  ENV PYTHON_VERSION=3.12.2', empty_layer: true },
        { created: '2024-03-06T07:59:00Z', created_by: "powershell -Command $ErrorActionPreference = 'Stop'; Invoke-WebRequest -Uri https://www.python.org/ftp/python/3.12.2/python-3.12.2-amd64.exe -OutFile python.exe" },
        { created: '2024-03-06T08:00:00Z', created_by: 'cmd /S /C #(nop)  CMD ["python"]', empty_layer: true },
      ],
    },
    layers: [{ ...layer('windows-base', 1_521_000_000, FOREIGN), urls: ['https://mcr.microsoft.com/v2/windows/servercore/blobs/x'] }, layer(`${tag}-windows-python`, 48_600_000)],
  };
}

function attestation(tag: string, subject: string, arch: string): PlatformImage {
  return {
    digest: fakeDigest(`${tag}-${arch}-att`),
    manifestSize: 840,
    platform: { os: 'unknown', architecture: 'unknown' },
    fromIndex: true,
    manifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
    kind: 'attestation',
    attests: subject,
    annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': subject },
    configDigest: fakeDigest('att-config'),
    configMediaType: 'application/vnd.oci.image.config.v1+json',
    config: {},
    layers: [
      { digest: fakeDigest(`${tag}-${arch}-prov`), mediaType: 'application/vnd.in-toto+json', size: 12_000, annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' } },
      { digest: fakeDigest(`${tag}-${arch}-sbom`), mediaType: 'application/vnd.in-toto+json', size: 88_000, annotations: { 'in-toto.io/predicate-type': 'https://spdx.dev/Document' } },
    ],
  };
}

/** The fake report of `reference` (any tag; `-slim` tags are smaller, `-single` tags have one platform). */
export function fakeReport(reference: string): FoundTagReport {
  const ref = parseReference(reference);
  const tag = ref.tag ?? 'latest';
  const slim = tag.includes('slim');
  const amd64 = linuxImage(tag, { os: 'linux', architecture: 'amd64' }, 'amd64', slim);
  const arm64 = linuxImage(tag, { os: 'linux', architecture: 'arm64', variant: 'v8' }, 'arm64', slim);
  const images = tag.includes('single') ? [amd64] : [amd64, attestation(tag, amd64.digest, 'amd64'), arm64, attestation(tag, arm64.digest, 'arm64'), windowsImage(tag)];
  const display = `${familiarRepository(ref)}:${tag}`;
  return {
    kind: 'found',
    reference: ref,
    display,
    pullName: familiarRepository(ref),
    digest: fakeDigest(`${tag}-index`),
    mediaType: images.length > 1 ? 'application/vnd.oci.image.index.v1+json' : 'application/vnd.oci.image.manifest.v1+json',
    manifestSize: 3_400,
    isIndex: images.length > 1,
    images,
  };
}
