import { FULL_MANIFEST_ACCEPT } from '../fixtures/media-types';

/** A manifest as a registry served it. */
export interface FetchedManifest {
  readonly status: number;
  readonly digest: string | null;
  readonly contentType: string | null;
  readonly bytes: Buffer;
  /** The parsed JSON (an empty object for an error body that is not JSON). */
  readonly json: Record<string, unknown>;
}

/** GETs a manifest with `accept` (the full Accept list by default) and optional Authorization. */
export async function getManifest(baseUrl: string, repository: string, reference: string, options: { accept?: string; authorization?: string } = {}): Promise<FetchedManifest> {
  const headers: Record<string, string> = { accept: options.accept ?? FULL_MANIFEST_ACCEPT };
  if (options.authorization) headers['authorization'] = options.authorization;
  const res = await fetch(`${baseUrl}/v2/${repository}/manifests/${reference}`, { headers });
  const bytes = Buffer.from(await res.arrayBuffer());
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  } catch {
    // error bodies are not always JSON
  }
  return { status: res.status, digest: res.headers.get('docker-content-digest'), contentType: res.headers.get('content-type'), bytes, json };
}

/** `Basic …` for a user and password. */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
