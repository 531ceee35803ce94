import type { FoundTagReport, MissingTagReport, PlatformImage } from '../../image/image-report';
import { MediaType } from '../../image/media-types';

/**
 * Small, realistic tag reports for the exporter tests: a BuildKit-built OCI index with attestation
 * manifests (the current Docker Hub shape), a classic single manifest, and a missing tag.
 */

/** A sha256 digest made of one repeated hex character, easy to tell apart in expected text. */
export function digestOf(character: string): string {
  return `sha256:${character.repeat(64)}`;
}

/** A linux/amd64 image built by BuildKit into an OCI manifest: no docker_version, `# buildkit` history. */
export function buildkitImage(overrides: Partial<PlatformImage> = {}): PlatformImage {
  return {
    digest: digestOf('1'),
    manifestSize: 1024,
    platform: { os: 'linux', architecture: 'amd64' },
    fromIndex: true,
    manifestMediaType: MediaType.ociManifest,
    kind: 'image',
    configDigest: digestOf('c'),
    configMediaType: MediaType.ociConfig,
    config: {
      architecture: 'amd64',
      os: 'linux',
      created: '2024-07-28T00:07:38.123456789Z',
      config: { Cmd: ['/usr/bin/bash'], Env: ['LANG=C.UTF-8'], Labels: { 'org.opencontainers.image.title': 'Arch Linux' } },
      history: [
        { created: '2024-07-28T00:07:38.123456789Z', created_by: 'COPY /rootfs/ / # buildkit', comment: 'buildkit.dockerfile.v0' },
        { created: '2024-07-28T00:07:38.123456789Z', created_by: 'RUN /bin/sh -c ldconfig # buildkit', comment: 'buildkit.dockerfile.v0' },
        { created: '2024-07-28T00:07:38.123456789Z', created_by: 'ENV LANG=C.UTF-8', empty_layer: true },
        { created: '2024-07-28T00:07:38.123456789Z', created_by: 'CMD ["/usr/bin/bash"]', empty_layer: true },
      ],
    },
    layers: [
      { digest: digestOf('a'), mediaType: MediaType.ociLayer, size: 151240373, lastModified: 'Mon, 29 Jul 2024 18:56:40 GMT' },
      { digest: digestOf('b'), mediaType: MediaType.ociLayer, size: 8277, lastModified: 'Mon, 29 Jul 2024 18:56:37 GMT' },
    ],
    ...overrides,
  };
}

/** The BuildKit provenance attestation that describes `buildkitImage()`. */
export function attestationImage(overrides: Partial<PlatformImage> = {}): PlatformImage {
  return {
    digest: digestOf('2'),
    manifestSize: 800,
    platform: { os: 'unknown', architecture: 'unknown' },
    fromIndex: true,
    manifestMediaType: MediaType.ociManifest,
    kind: 'attestation',
    attests: digestOf('1'),
    annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': digestOf('1') },
    configDigest: digestOf('d'),
    configMediaType: MediaType.ociConfig,
    config: {},
    layers: [
      { digest: digestOf('e'), mediaType: MediaType.inToto, size: 8106271, lastModified: 'Mon, 29 Jul 2024 18:56:37 GMT' },
      { digest: digestOf('f'), mediaType: MediaType.inToto, size: 11721, lastModified: 'Mon, 29 Jul 2024 18:56:37 GMT' },
    ],
    ...overrides,
  };
}

/** `archlinux:latest` as Docker Hub serves it today: an OCI index of one image and its attestation. */
export function ociIndexReport(overrides: Partial<FoundTagReport> = {}): FoundTagReport {
  return {
    kind: 'found',
    reference: { registry: 'docker.io', repository: 'library/archlinux', tag: 'latest' },
    display: 'archlinux:latest',
    pullName: 'archlinux',
    digest: digestOf('0'),
    mediaType: MediaType.ociIndex,
    manifestSize: 856,
    isIndex: true,
    images: [buildkitImage(), attestationImage()],
    ...overrides,
  };
}

/** `httpd:2.4.23` in 2016: a single Docker v2 manifest, so no list MIME and no per-image pull. */
export function singleManifestReport(overrides: Partial<FoundTagReport> = {}): FoundTagReport {
  const image: PlatformImage = {
    digest: digestOf('3'),
    manifestSize: 1580,
    platform: { os: 'linux', architecture: 'amd64' },
    fromIndex: false,
    manifestMediaType: MediaType.dockerManifest,
    kind: 'image',
    configDigest: digestOf('4'),
    configMediaType: MediaType.dockerConfig,
    config: {
      architecture: 'amd64',
      os: 'linux',
      docker_version: '1.12.1',
      config: { Cmd: ['httpd-foreground'], Entrypoint: null, Shell: null },
      history: [
        { created: '2016-09-13T23:22:40.123Z', created_by: '/bin/sh -c #(nop) ADD file:d6ee3ba7 in / ' },
        { created: '2016-09-13T23:22:41Z', created_by: '/bin/sh -c #(nop)  CMD ["/bin/bash"]', empty_layer: true },
        { created: '2016-09-14T01:03:33Z', created_by: '/bin/sh -c #(nop)  CMD ["httpd-foreground"]', empty_layer: true },
      ],
    },
    layers: [
      { digest: digestOf('5'), mediaType: MediaType.dockerLayer, size: 51365244, lastModified: 'Tue, 13 Sep 2016 23:25:12 GMT' },
      { digest: digestOf('6'), mediaType: MediaType.dockerLayer, size: 1250, lastModified: 'Wed, 14 Sep 2016 01:05:09 GMT' },
    ],
  };
  return {
    kind: 'found',
    reference: { registry: 'docker.io', repository: 'library/httpd', tag: '2.4.23' },
    display: 'httpd:2.4.23',
    pullName: 'httpd',
    digest: digestOf('3'),
    mediaType: MediaType.dockerManifest,
    manifestSize: 1580,
    isIndex: false,
    images: [image],
    ...overrides,
  };
}

/** A tag the registry answered 404 for. */
export function missingReport(display = 'consul:9.9', repository = 'library/consul'): MissingTagReport {
  const tag = display.slice(display.lastIndexOf(':') + 1);
  return { kind: 'missing', reference: { registry: 'docker.io', repository, tag }, display };
}
