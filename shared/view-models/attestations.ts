/**
 * Attestation manifests (BuildKit provenance, SBOMs) attached to the image they describe, so the
 * platform switcher shows a badge on `linux/arm64` instead of an `unknown/unknown` chip.
 */
import type { PlatformImage } from '../image/image-report';

/** Layer annotation BuildKit sets on each in-toto statement layer. */
export const PREDICATE_TYPE_ANNOTATION = 'in-toto.io/predicate-type';

/** Manifest annotation naming the subject of a BuildKit attestation manifest. */
const REFERENCE_DIGEST_ANNOTATION = 'vnd.docker.reference.digest';

/** What a badge says an attestation holds, from its predicate types. */
export type AttestationKind = 'provenance' | 'sbom' | 'other';

/** One attestation manifest, as a badge on its image. */
export interface AttestationBadge {
  /** Digest of the attestation manifest. */
  readonly digest: string;
  /** Digest of the image it describes; undefined when the manifest does not say. */
  readonly subject?: string;
  /** The distinct `in-toto.io/predicate-type` values of its layers, in layer order. */
  readonly predicateTypes: readonly string[];
  /** The distinct kinds of those predicates, in layer order; empty when no layer names one. */
  readonly kinds: readonly AttestationKind[];
}

/** Attestations grouped by the image they describe. */
export interface AttestationIndex {
  /** Badges per subject image digest, in list order. */
  readonly bySubject: ReadonlyMap<string, readonly AttestationBadge[]>;
  /** Attestations whose subject is not an image of the list (or unknown), so none are lost. */
  readonly unattached: readonly AttestationBadge[];
}

/** The kind of an in-toto predicate type URI. */
export function attestationKind(predicateType: string): AttestationKind {
  if (/^https:\/\/slsa\.dev\/provenance\//.test(predicateType)) return 'provenance';
  if (/^https:\/\/(spdx\.dev\/Document|cyclonedx\.org\/bom)/.test(predicateType)) return 'sbom';
  return 'other';
}

/** The badge for one attestation manifest. */
export function attestationBadge(image: PlatformImage): AttestationBadge {
  const predicateTypes = distinct(image.layers.map((layer) => layer.annotations?.[PREDICATE_TYPE_ANNOTATION]));
  const subject = image.attests ?? image.annotations?.[REFERENCE_DIGEST_ANNOTATION];
  return {
    digest: image.digest,
    ...(subject === undefined ? {} : { subject }),
    predicateTypes,
    kinds: distinct(predicateTypes.map(attestationKind)),
  };
}

/** Groups the attestation entries of a list under the images they describe. */
export function indexAttestations(images: readonly PlatformImage[]): AttestationIndex {
  const subjects = new Set(images.filter((image) => image.kind === 'image').map((image) => image.digest));
  const bySubject = new Map<string, AttestationBadge[]>();
  const unattached: AttestationBadge[] = [];
  for (const image of images) {
    if (image.kind !== 'attestation') continue;
    const badge = attestationBadge(image);
    if (badge.subject === undefined || !subjects.has(badge.subject)) {
      unattached.push(badge);
      continue;
    }
    const list = bySubject.get(badge.subject) ?? [];
    list.push(badge);
    bySubject.set(badge.subject, list);
  }
  return { bySubject, unattached };
}

function distinct<T>(values: readonly (T | undefined)[]): readonly T[] {
  return [...new Set(values.filter((value): value is T => value !== undefined))];
}
