import type { FixturePlatform } from '../fixtures/image-builder';
import type { ImageFixture, ListFixture } from '../fixtures/fixture-catalogue';
import type { SerializedCatalogue } from '../registry/test-registries';
import type { E2eDescription } from './e2e-description';

/** The fixture catalogue; the suite starts the registries with fixtures, so it is never null. */
export function catalogueOf(e2e: E2eDescription): SerializedCatalogue {
  const catalogue = e2e.registries.catalogue;
  if (catalogue === null) throw new Error('the registries were started without fixtures');
  return catalogue;
}

/**
 * The `data-platform` a chip of this platform must carry (design.md "The UI contract"):
 * `os/architecture[/variant][/os.version]`, e.g. `linux/arm64/v8`, `windows/amd64/10.0.17763.5820`.
 * Written here from the contract, not imported from the app, so the test checks the app.
 */
export function platformKey(platform: FixturePlatform): string {
  return [platform.os, platform.architecture, platform.variant, platform['os.version']].filter((part): part is string => part !== undefined && part !== '').join('/');
}

/** True for a BuildKit attestation manifest (its platform is `unknown/unknown`). */
export function isAttestation(image: ImageFixture): boolean {
  return image.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest';
}

/** The platform images of a list, attestation manifests left out. */
export function platformImages(list: ListFixture): readonly ImageFixture[] {
  return list.images.filter((image) => !isAttestation(image));
}

/** The image of `list` whose platform key is `key`; throws when there is none. */
export function imageByKey(list: ListFixture, key: string): ImageFixture {
  const image = platformImages(list).find((candidate) => platformKey(candidate.platform) === key);
  if (image === undefined) throw new Error(`${list.repository} has no ${key} image`);
  return image;
}

/** Compressed size of an image: the sum of its layer sizes (what a pull downloads). */
export function imageSize(image: ImageFixture): number {
  return image.layers.reduce((sum, layer) => sum + layer.size, 0);
}

/** Layer digests that appear in more than one platform image of `list`. */
export function sharedLayerDigests(list: ListFixture): ReadonlySet<string> {
  const seen = new Map<string, number>();
  for (const image of platformImages(list)) {
    for (const digest of new Set(image.layers.map((layer) => layer.digest))) seen.set(digest, (seen.get(digest) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, count]) => count > 1).map(([digest]) => digest));
}

/** Every tag the catalogue pushed to `repository` (e.g. `library/python`), in no particular order. */
export function tagsOf(catalogue: SerializedCatalogue, repository: string): readonly string[] {
  const lists: readonly { readonly repository: string; readonly tags: readonly string[] }[] = [
    catalogue.python,
    catalogue.pythonSlim,
    catalogue.windows,
    catalogue.windowsMulti,
    catalogue.buildx,
    catalogue.historyShapes,
    catalogue.manyTags,
    ...catalogue.seedReplicas,
  ];
  return [...new Set(lists.filter((list) => list.repository === repository).flatMap((list) => list.tags))];
}
