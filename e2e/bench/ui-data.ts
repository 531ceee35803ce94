import type { FoundTagReport, HistoryEntry, LayerInfo } from '../../shared/image/image-report';

/**
 * The `i`-th of 100,000 distinct tags, `A.B.C-variant` (`3.7.42-bookworm`): ten variants, ten majors,
 * ten minors, a hundred patches. Self-contained on purpose: it is also serialized into the page
 * (Function.prototype.toString), so it may use nothing from outside its own body.
 */
export function benchTag(i: number): string {
  const variants = ['alpine3.19', 'bookworm', 'bullseye', 'slim-bookworm', 'slim-bullseye', 'windowsservercore-ltsc2022', 'nanoserver-1809', 'jammy', 'noble', 'focal'];
  const variant = variants[i % 10] ?? 'x';
  return `${String(Math.floor(i / 10_000) % 10)}.${String(Math.floor(i / 1_000) % 10)}.${String(Math.floor(i / 10) % 100)}-${variant}`;
}

/** How many tags the fake `tags` job returns. */
export const UI_TAG_COUNT = 100_000;
/** How many layers (and history entries) the fake `inspect` report has. */
export const UI_LAYER_COUNT = 1_000;

/** A sha256 digest from a number (distinct, well-formed). */
function digestOf(kind: string, n: number): string {
  const hex = Array.from(`${kind}:${String(n)}`, (char) => char.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  return `sha256:${hex.padEnd(64, '0').slice(0, 64)}`;
}

/**
 * A found tag with one linux/amd64 image of `layers` layers and as many history entries (each
 * a `RUN`), sizes spread over four orders of magnitude like real images.
 */
export function manyLayersReport(registry: string, layers = UI_LAYER_COUNT): FoundTagReport {
  const layerInfos: LayerInfo[] = Array.from({ length: layers }, (_, i) => ({
    digest: digestOf('layer', i),
    mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
    size: 1_000 + ((i * 7_919) % 97) ** 3,
    lastModified: 'Tue, 05 Mar 2024 10:12:00 GMT',
  }));
  const history: HistoryEntry[] = Array.from({ length: layers }, (_, i) => ({
    created: '2024-03-05T10:00:00Z',
    created_by: `/bin/sh -c set -eux; apt-get install -y package-${String(i)} && rm -rf /var/lib/apt/lists/* # step ${String(i)}`,
  }));
  const repository = 'bench/layers';
  return {
    kind: 'found',
    reference: { registry, repository, tag: 'many' },
    display: `${registry}/${repository}:many`,
    pullName: `${registry}/${repository}`,
    digest: digestOf('manifest', 0),
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    manifestSize: 200_000,
    isIndex: false,
    images: [
      {
        digest: digestOf('manifest', 0),
        manifestSize: 200_000,
        platform: { os: 'linux', architecture: 'amd64' },
        fromIndex: false,
        manifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        kind: 'image',
        configDigest: digestOf('config', 0),
        configMediaType: 'application/vnd.docker.container.image.v1+json',
        config: { architecture: 'amd64', os: 'linux', created: '2024-03-05T10:00:00Z', config: { Cmd: ['/bin/sh'] }, history, rootfs: { type: 'layers', diff_ids: layerInfos.map((_, i) => digestOf('diff', i)) } },
        layers: layerInfos,
      },
    ],
  };
}
