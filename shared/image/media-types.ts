/**
 * Media types of the Docker and OCI manifest formats, and predicates over them.
 *
 * One place for every string so a typo is a compile error, not a silent mismatch.
 */
export const MediaType = {
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestV1: 'application/vnd.docker.distribution.manifest.v1+json',
  dockerManifestV1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  dockerForeignLayer: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  ociLayerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  ociLayerTar: 'application/vnd.oci.image.layer.v1.tar',
  ociNondistributableLayer: 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
  inToto: 'application/vnd.in-toto+json',
} as const;

/**
 * The Accept list sent for every manifest request.
 *
 * Order matters to registry 2.8: without the list types it rewrites a list to schema 1, and without
 * the OCI index type it answers 404 for an index (environment.md §2).
 */
export const MANIFEST_ACCEPT: readonly string[] = [
  MediaType.dockerManifestList,
  MediaType.dockerManifest,
  MediaType.ociIndex,
  MediaType.ociManifest,
  MediaType.dockerManifestV1Signed,
  MediaType.dockerManifestV1,
];

/** A manifest list or an OCI index: a manifest whose entries are other manifests. */
export function isIndexMediaType(mediaType: string | undefined): boolean {
  return mediaType === MediaType.dockerManifestList || mediaType === MediaType.ociIndex;
}

/** A single-image manifest (Docker schema 2 or OCI). */
export function isImageManifestMediaType(mediaType: string | undefined): boolean {
  return mediaType === MediaType.dockerManifest || mediaType === MediaType.ociManifest;
}

/** Legacy Docker schema 1, which registries stopped serving; recognised to give a clear error. */
export function isSchema1MediaType(mediaType: string | undefined): boolean {
  return mediaType === MediaType.dockerManifestV1 || mediaType === MediaType.dockerManifestV1Signed;
}

/** A layer whose bytes live outside the registry (Windows base layers), fetched from `urls`. */
export function isForeignLayerMediaType(mediaType: string | undefined): boolean {
  return (
    mediaType === MediaType.dockerForeignLayer ||
    mediaType === MediaType.ociNondistributableLayer ||
    mediaType === 'application/vnd.oci.image.layer.nondistributable.v1.tar' ||
    mediaType === 'application/vnd.oci.image.layer.nondistributable.v1.tar+zstd'
  );
}
