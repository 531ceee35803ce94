import { describe, expect, it } from 'vitest';
import { AMD64, ARM64, PROVENANCE, SPDX, makeAttestation, makeImage } from './__fixtures__/images';
import { attestationKind, indexAttestations, type AttestationKind } from './attestations';

describe('attestationKind', () => {
  it.each<[string, AttestationKind]>([
    ['https://slsa.dev/provenance/v0.2', 'provenance'],
    ['https://slsa.dev/provenance/v1', 'provenance'],
    ['https://spdx.dev/Document', 'sbom'],
    ['https://cyclonedx.org/bom/v1.4', 'sbom'],
    ['https://in-toto.io/attestation/vulns/v0.1', 'other'],
  ])('%s is %s', (predicateType, kind) => {
    expect(attestationKind(predicateType)).toBe(kind);
  });
});

describe('indexAttestations', () => {
  const amd64 = makeImage({ platform: AMD64 });
  const arm64 = makeImage({ platform: ARM64 });

  it('attaches each attestation to the image it describes, with its predicate types', () => {
    const { bySubject, unattached } = indexAttestations([amd64, makeAttestation(amd64.digest, [SPDX, PROVENANCE]), arm64, makeAttestation(arm64.digest, [PROVENANCE])]);
    expect(bySubject.get(amd64.digest)).toEqual([
      { digest: `${amd64.digest}-att`, subject: amd64.digest, predicateTypes: [SPDX, PROVENANCE], kinds: ['sbom', 'provenance'] },
    ]);
    expect(bySubject.get(arm64.digest)?.map((badge) => badge.kinds)).toEqual([['provenance']]);
    expect(unattached).toEqual([]);
  });

  it.each<[string, ReturnType<typeof makeAttestation>]>([
    ['a subject not in the list', makeAttestation('sha256:elsewhere', [PROVENANCE])],
    ['no subject at all', { ...makeAttestation(amd64.digest, []), attests: undefined }],
  ])('keeps an attestation for %s as unattached', (_name, attestation) => {
    const { bySubject, unattached } = indexAttestations([amd64, attestation]);
    expect(bySubject.size).toBe(0);
    expect(unattached.map((badge) => badge.digest)).toEqual([attestation.digest]);
  });

  it('reads the subject from the annotation when the field is missing', () => {
    const attestation = { ...makeAttestation(amd64.digest, []), attests: undefined, annotations: { 'vnd.docker.reference.digest': amd64.digest } };
    expect(indexAttestations([amd64, attestation]).bySubject.get(amd64.digest)).toHaveLength(1);
  });
});
