import { RegscopeError } from '../../../shared/api/errors';
import { MANIFEST_ACCEPT, isImageManifestMediaType, isIndexMediaType, isSchema1MediaType } from '../../../shared/image/media-types';
import { describeSchemaError, imageManifestSchema, indexSchema, type ImageIndex, type ImageManifest } from '../../../shared/image/manifest-schemas';
import type { RegistrySession } from '../auth/registry-session';
import type { HttpResponse } from '../transport/http-client';
import { digestOf, isVerifiableDigest, verifyDigest } from './digest';
import { looksLikeHtml, unexpectedAnswer } from './registry-errors';

/**
 * Manifests by tag or digest: fetched with the full Accept list, hashed over the exact bytes,
 * verified, then schema-checked.
 *
 * - By digest: the bytes must hash to the digest asked for (§5 row 5).
 * - By tag: a well-formed `Docker-Content-Digest` must match the bytes; a malformed one is ignored
 *   and the computed digest used (§5 row 6).
 * - 4 MiB cap, like containerd and c/image (§5 row 7).
 * - The body's `mediaType` decides the kind (repo-info §2); without one, the Content-Type does. A body
 *   whose shape contradicts its type is refused as ambiguous (§5 row 3).
 */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** A verified, parsed manifest, with the exact bytes it was parsed from (for the cache). */
export type FetchedManifest = (
  | { readonly kind: 'index'; readonly index: ImageIndex }
  | { readonly kind: 'image'; readonly manifest: ImageManifest }
) & { readonly digest: string; readonly mediaType: string; readonly size: number; readonly bytes: Buffer };

export interface ManifestTarget {
  readonly repository: string;
  /** A tag or a digest. */
  readonly reference: string;
  /** How the reference is shown in errors. */
  readonly display: string;
  readonly signal?: AbortSignal;
}

function isDigest(reference: string): boolean {
  return reference.includes(':');
}

function pathFor(target: ManifestTarget): string {
  return `/v2/${target.repository}/manifests/${encodeURIComponent(target.reference).replace(/%3A/gi, ':')}`;
}

function requestFor(target: ManifestTarget, method: 'GET' | 'HEAD') {
  return {
    path: pathFor(target),
    method,
    headers: { accept: MANIFEST_ACCEPT.join(', ') },
    scope: `repository:${target.repository}:pull`,
    maxBodyBytes: MAX_MANIFEST_BYTES,
    stage: 'manifest' as const,
    reference: target.display,
    ...(target.signal ? { signal: target.signal } : {}),
  };
}

function verifiedDigest(response: HttpResponse, target: ManifestTarget): string {
  const where = { stage: 'manifest' as const, reference: target.display };
  if (isDigest(target.reference)) {
    verifyDigest(response.body, target.reference, { ...where, source: `manifest ${target.reference.slice(0, 19)}…` });
    return target.reference;
  }
  const header = response.headers['docker-content-digest'];
  if (isVerifiableDigest(header)) {
    verifyDigest(response.body, header, { ...where, source: `the manifest's content (Docker-Content-Digest ${header})` });
    return header;
  }
  return digestOf(response.body);
}

/** Parses verified bytes into an index or an image manifest. */
export function parseManifest(bytes: Buffer, contentType: string | undefined, digest: string, display: string): FetchedManifest {
  const where = { stage: 'manifest' as const, reference: display };
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new RegscopeError({ ...where, code: 'invalid-manifest', message: `manifest ${digest.slice(0, 19)}… is not valid JSON` });
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new RegscopeError({ ...where, code: 'invalid-manifest', message: 'manifest is not a JSON object' });
  const body = json as { mediaType?: unknown; schemaVersion?: unknown; manifests?: unknown; layers?: unknown };
  const declared = typeof body.mediaType === 'string' ? body.mediaType : undefined;
  const headerType = contentType?.split(';')[0]?.trim();
  if (body.schemaVersion === 1 || isSchema1MediaType(declared) || isSchema1MediaType(headerType)) {
    throw new RegscopeError({ ...where, code: 'unsupported-media-type', message: 'schema 1 manifests are not supported (registries stopped serving them in 2019)' });
  }
  if (declared && (isIndexMediaType(headerType) || isImageManifestMediaType(headerType)) && declared !== headerType) {
    throw new RegscopeError({ ...where, code: 'invalid-manifest', message: `ambiguous manifest: Content-Type ${headerType} but mediaType ${declared}` });
  }
  const mediaType = declared ?? (headerType && (isIndexMediaType(headerType) || isImageManifestMediaType(headerType)) ? headerType : undefined);
  const looksLikeIndex = Array.isArray(body.manifests);
  if (isIndexMediaType(mediaType) || (!mediaType && looksLikeIndex)) {
    const parsed = indexSchema.safeParse(json);
    if (!parsed.success) throw new RegscopeError({ ...where, code: 'invalid-manifest', message: `invalid index: ${describeSchemaError(parsed.error)}` });
    return { kind: 'index', digest, mediaType: mediaType ?? 'application/vnd.oci.image.index.v1+json', size: bytes.byteLength, bytes, index: parsed.data };
  }
  if (isImageManifestMediaType(mediaType) || (!mediaType && Array.isArray(body.layers))) {
    const parsed = imageManifestSchema.safeParse(json);
    if (!parsed.success) throw new RegscopeError({ ...where, code: 'invalid-manifest', message: `invalid manifest: ${describeSchemaError(parsed.error)}` });
    return { kind: 'image', digest, mediaType: mediaType ?? 'application/vnd.oci.image.manifest.v1+json', size: bytes.byteLength, bytes, manifest: parsed.data };
  }
  throw new RegscopeError({ ...where, code: 'unsupported-media-type', message: `unsupported manifest type ${String(mediaType ?? 'none').slice(0, 100)}` });
}

/** GET a manifest; `missing` for a 404 (repo-info prints "does not exist"). */
export async function getManifest(session: RegistrySession, target: ManifestTarget): Promise<FetchedManifest | 'missing'> {
  const response = await session.request(requestFor(target, 'GET'));
  if (response.status === 404) return 'missing';
  if (response.status !== 200 || looksLikeHtml(response)) throw unexpectedAnswer(response, { stage: 'manifest', reference: target.display, doing: 'fetching the manifest' });
  const digest = verifiedDigest(response, target);
  return parseManifest(response.body, response.headers['content-type'], digest, target.display);
}

/** What a HEAD tells about a manifest without spending a Docker Hub pull. */
export interface ManifestHead {
  readonly digest?: string;
  readonly mediaType?: string;
  readonly size?: number;
}

/** HEAD a manifest (no body, does not count against Docker Hub's pull limit). */
export async function headManifest(session: RegistrySession, target: ManifestTarget): Promise<ManifestHead | 'missing'> {
  const response = await session.request(requestFor(target, 'HEAD'));
  if (response.status === 404) return 'missing';
  if (response.status !== 200) throw unexpectedAnswer(response, { stage: 'manifest', reference: target.display, doing: 'checking the manifest' });
  const digest = response.headers['docker-content-digest'];
  const length = response.headers['content-length'];
  const mediaType = response.headers['content-type']?.split(';')[0];
  return {
    ...(isVerifiableDigest(digest) ? { digest } : {}),
    ...(mediaType ? { mediaType } : {}),
    ...(length && /^\d+$/.test(length) ? { size: Number(length) } : {}),
  };
}
