import { RegscopeError } from '../../../shared/api/errors';
import type { ImageConfig } from '../../../shared/image/image-report';
import { describeSchemaError, imageConfigSchema } from '../../../shared/image/manifest-schemas';
import type { RegistrySession } from '../auth/registry-session';
import type { HttpClient } from '../transport/http-client';
import { checkOutboundUrl, redact } from '../transport/outbound-policy';
import { verifyDigest } from './digest';
import { unexpectedAnswer } from './registry-errors';

/**
 * Blobs: image configs (fetched, verified, parsed) and layer facts (HEAD only: regscope never
 * downloads layers).
 */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export interface BlobTarget {
  readonly repository: string;
  readonly digest: string;
  /** The image reference, for errors. */
  readonly display: string;
  readonly signal?: AbortSignal;
}

/** What a layer HEAD tells: `Last-Modified` of the final answer after redirects, and its length. */
export interface BlobFacts {
  readonly lastModified?: string;
  readonly contentLength?: number;
}

/** Parses verified config bytes (fetched, or read back from the cache). */
export function parseConfig(bytes: Buffer, target: Pick<BlobTarget, 'digest' | 'display'>): ImageConfig {
  const where = { stage: 'config' as const, reference: target.display };
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new RegscopeError({ ...where, code: 'invalid-manifest', message: `image config ${target.digest.slice(0, 19)}… is not valid JSON` });
  }
  const parsed = imageConfigSchema.safeParse(json);
  if (!parsed.success) throw new RegscopeError({ ...where, code: 'invalid-manifest', message: `invalid image config: ${describeSchemaError(parsed.error)}` });
  return parsed.data as ImageConfig;
}

/** GET an image config blob and verify its digest (§5 rows 5, 9); returns the exact bytes. */
export async function getConfigBytes(session: RegistrySession, target: BlobTarget): Promise<Buffer> {
  const where = { stage: 'config' as const, reference: target.display };
  const response = await session.request({
    path: `/v2/${target.repository}/blobs/${target.digest}`,
    method: 'GET',
    scope: `repository:${target.repository}:pull`,
    maxBodyBytes: MAX_CONFIG_BYTES,
    ...where,
    ...(target.signal ? { signal: target.signal } : {}),
  });
  if (response.status !== 200) throw unexpectedAnswer(response, { ...where, doing: `fetching config ${target.digest.slice(0, 19)}…` });
  verifyDigest(response.body, target.digest, { ...where, source: 'the image config' });
  return response.body;
}

function factsFrom(headers: Readonly<Record<string, string>>): BlobFacts {
  const length = headers['content-length'];
  return {
    ...(headers['last-modified'] ? { lastModified: headers['last-modified'] } : {}),
    ...(length && /^\d+$/.test(length) ? { contentLength: Number(length) } : {}),
  };
}

/**
 * HEAD a layer blob, following redirects (Docker Hub answers 307 to its CDN; the headers used are
 * the final answer's, repo-info §2 step 4). A 404 gives no facts rather than failing the report.
 */
export async function headBlob(session: RegistrySession, target: BlobTarget): Promise<BlobFacts> {
  const where = { stage: 'blob' as const, reference: target.display };
  const response = await session.request({
    path: `/v2/${target.repository}/blobs/${target.digest}`,
    method: 'HEAD',
    scope: `repository:${target.repository}:pull`,
    maxBodyBytes: 0,
    ...where,
    ...(target.signal ? { signal: target.signal } : {}),
  });
  if (response.status === 404) return {};
  if (response.status !== 200) throw unexpectedAnswer(response, { ...where, doing: `checking layer ${target.digest.slice(0, 19)}…` });
  return factsFrom(response.headers);
}

/**
 * HEAD a foreign layer's `urls[0]` (Windows base layers on Microsoft's servers).
 *
 * Never with credentials, http(s) only, and never from a public registry into a private network
 * (CVE-2020-15157, reliability.md §5 row 16). Failure leaves the layer without a date, as repo-info
 * does for layers it cannot HEAD; `warn` hears why.
 */
export async function headForeignLayer(http: HttpClient, registryUrl: URL, url: string, display: string, warn: (message: string) => void, signal?: AbortSignal): Promise<BlobFacts> {
  let target: URL;
  try {
    target = checkOutboundUrl(new URL(url), registryUrl, http.outbound, 'blob', display);
  } catch (error) {
    warn(error instanceof RegscopeError ? error.data.message : `invalid foreign layer URL in ${display}`);
    return {};
  }
  try {
    const response = await http.send({ url: target, method: 'HEAD', maxBodyBytes: 0, stage: 'blob', reference: display, ...(signal ? { signal } : {}) });
    if (response.status !== 200) {
      warn(`foreign layer ${redact(target)} answered ${response.status}`);
      return {};
    }
    return factsFrom(response.headers);
  } catch (error) {
    if (error instanceof RegscopeError && error.data.code === 'cancelled') throw error;
    warn(error instanceof RegscopeError ? error.data.message : `foreign layer ${redact(target)} could not be checked`);
    return {};
  }
}
