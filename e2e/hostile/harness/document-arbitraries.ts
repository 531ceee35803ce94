import fc from 'fast-check';
import { MediaType } from '../../../shared/image/media-types';

/**
 * fast-check arbitraries for what a hostile registry can send as a manifest, index or config:
 * mostly the right shape with wrong types, extreme numbers, odd keys and control characters mixed
 * in, so the properties spend their runs near the schema's edges rather than on random noise.
 */
const KNOWN_TYPES = [MediaType.ociIndex, MediaType.ociManifest, MediaType.dockerManifest, MediaType.dockerManifestList, MediaType.dockerManifestV1Signed, MediaType.dockerManifestV1, 'application/json', 'text/html'];

/** Text as a hostile registry would send it: any code unit, controls and lone surrogates included. */
export const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 12 }), fc.constantFrom('', '\u001b[2J', '\u202e', '__proto__', 'constructor'));

const validDigest = fc.stringMatching(/^[0-9a-f]{64}$/).map((hex) => `sha256:${hex}`);
/** Numbers a size field may carry: good ones, negatives, fractions, beyond 2^53, non-numbers. */
export const anySize = fc.oneof(fc.maxSafeNat(), fc.integer(), fc.double(), fc.constantFrom(2 ** 53, 2 ** 64, -0, 1e308), anyText, fc.constant(null));

const anyJson = fc.jsonValue({ maxDepth: 2 });

export const descriptorLike = fc.record(
  {
    mediaType: fc.oneof(fc.constantFrom(...KNOWN_TYPES, MediaType.ociLayer), anyText),
    digest: fc.oneof(validDigest, anyText),
    size: anySize,
    urls: fc.oneof(fc.array(anyText, { maxLength: 3 }), anyJson),
    annotations: fc.oneof(fc.dictionary(anyText, anyText, { maxKeys: 3 }), anyJson),
    platform: fc.oneof(fc.record({ os: anyText, architecture: anyText, variant: anyText }, { requiredKeys: [] }), anyJson),
  },
  { requiredKeys: [] },
);

/** Manifest- and index-shaped objects with hostile values. */
export const manifestLike = fc.record(
  {
    schemaVersion: fc.oneof(fc.constant(2), fc.constant(1), anyJson),
    mediaType: fc.oneof(fc.constantFrom(...KNOWN_TYPES), anyText),
    config: fc.oneof(descriptorLike, anyJson),
    layers: fc.oneof(fc.array(descriptorLike, { maxLength: 3 }), anyJson),
    manifests: fc.oneof(fc.array(descriptorLike, { maxLength: 3 }), anyJson),
    annotations: fc.oneof(fc.dictionary(anyText, anyText, { maxKeys: 3 }), anyJson),
    subject: fc.oneof(descriptorLike, anyJson),
  },
  { requiredKeys: [] },
);

/** Image-config-shaped objects with hostile values. */
export const configLike = fc.record(
  {
    architecture: fc.oneof(anyText, anyJson),
    os: fc.oneof(anyText, anyJson),
    created: fc.oneof(anyText, anyJson),
    config: fc.oneof(
      fc.record({ Cmd: fc.oneof(fc.array(anyText, { maxLength: 3 }), anyJson), Env: fc.oneof(fc.array(anyText, { maxLength: 3 }), anyJson), Labels: fc.oneof(fc.dictionary(anyText, anyText, { maxKeys: 3 }), anyJson), ExposedPorts: anyJson }, { requiredKeys: [] }),
      anyJson,
    ),
    history: fc.oneof(fc.array(fc.record({ created: fc.oneof(anyText, anyJson), created_by: fc.oneof(anyText, anyJson), empty_layer: anyJson }, { requiredKeys: [] }), { maxLength: 3 }), anyJson),
    rootfs: fc.oneof(fc.record({ type: anyText, diff_ids: fc.oneof(fc.array(anyText, { maxLength: 3 }), anyJson) }, { requiredKeys: [] }), anyJson),
  },
  { requiredKeys: [] },
);

/** The bytes of a document: whole, cut anywhere, or raw noise. */
export function bytesOf(documents: fc.Arbitrary<unknown>): fc.Arbitrary<Buffer> {
  return fc.oneof(
    documents.map((value) => Buffer.from(JSON.stringify(value) ?? 'null')),
    fc.tuple(documents, fc.nat()).map(([value, cut]) => {
      const text = JSON.stringify(value) ?? 'null';
      return Buffer.from(text.slice(0, cut % (text.length + 1)));
    }),
    fc.uint8Array({ maxLength: 64 }).map((array) => Buffer.from(array)),
    anyJson.map((value) => Buffer.from(JSON.stringify(value))),
  );
}

/** Content-Type headers: the known types, with parameters, or anything. */
export const contentType = fc.oneof(fc.constantFrom(...KNOWN_TYPES), fc.constantFrom(...KNOWN_TYPES).map((type) => `${type}; charset=utf-8`), anyText, fc.constant(undefined));

const validDescriptor = fc.record(
  {
    mediaType: fc.constantFrom(MediaType.ociLayer, MediaType.dockerLayer, MediaType.ociConfig),
    digest: validDigest,
    size: fc.maxSafeNat(),
    annotations: fc.dictionary(anyText, anyText, { maxKeys: 2 }),
  },
  { requiredKeys: ['digest', 'size'] },
);
const validPlatform = fc.record({ os: anyText, architecture: anyText, variant: anyText }, { requiredKeys: ['os', 'architecture'] });
const validImage = fc.record({ schemaVersion: fc.constant(2), mediaType: fc.constantFrom(MediaType.ociManifest, MediaType.dockerManifest), config: validDescriptor, layers: fc.array(validDescriptor, { maxLength: 4 }) });
const validIndex = fc.record({
  schemaVersion: fc.constant(2),
  mediaType: fc.constantFrom(MediaType.ociIndex, MediaType.dockerManifestList),
  manifests: fc.array(fc.tuple(validDescriptor, validPlatform).map(([descriptor, platform]) => ({ ...descriptor, platform })), { maxLength: 4 }),
});

/**
 * Valid manifests and indexes with, half of the time, one field replaced by a hostile value (at the
 * top or in the first entry): the documents that sit right on the schema's edge.
 */
export const nearlyValid = fc
  .tuple(
    fc.oneof(validImage, validIndex),
    fc.option(fc.tuple(fc.constantFrom('top', 'entry'), fc.constantFrom('schemaVersion', 'mediaType', 'config', 'layers', 'manifests', 'annotations', 'size', 'digest', 'platform', 'urls'), fc.oneof(anySize, fc.jsonValue({ maxDepth: 2 }))), { freq: 1 }),
  )
  .map(([document, mutation]) => {
    const copy: Record<string, unknown> = structuredClone(document);
    if (!mutation) return copy;
    const [where, key, value] = mutation;
    const entries = (copy.layers ?? copy.manifests) as Array<Record<string, unknown>> | undefined;
    const target = where === 'entry' && entries?.[0] ? entries[0] : copy;
    target[key] = value;
    return copy;
  });
