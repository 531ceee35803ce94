import { RegscopeError } from '../../../shared/api/errors';
import type { Credential } from '../credentials/credential';
import type { HttpClient, HttpResponse } from '../transport/http-client';
import { tokenExpiry, type CachedToken } from './token-cache';

/**
 * Exchanges a Bearer challenge for a token at the realm (distribution token spec).
 *
 * - Anonymous, or username + password: `GET realm?service=…&scope=…&scope=…` (one `scope` param per
 *   scope; ggcr puts the newly requested one first because some registries only read the first).
 * - An identity (refresh) token: OAuth2 `POST` with `grant_type=refresh_token`, falling back to GET
 *   on 404/401/400/405 as containerd does for GCR, Artifactory and ACR (reliability.md §1.4).
 * The answer is capped at 64 KiB; an HTML login page or an empty token is a clear error (§5 row 10).
 */
export interface TokenRequest {
  readonly realm: URL;
  readonly service?: string;
  readonly scopes: readonly string[];
  readonly credential?: Credential;
  readonly reference?: string;
  readonly signal?: AbortSignal;
}

const MAX_TOKEN_BODY = 64 * 1024;
const CLIENT_ID = 'regscope';

function basicAuth(username: string, secret: string): string {
  return `Basic ${Buffer.from(`${username}:${secret}`).toString('base64')}`;
}

function sanitizedPreview(body: Buffer): string {
  return body.subarray(0, 50).toString('utf8').replace(/[^\x20-\x7e]/g, '?');
}

function parseTokenAnswer(response: HttpResponse, request: TokenRequest, receivedAt: number): CachedToken {
  const where = { stage: 'auth' as const, ...(request.reference ? { reference: request.reference } : {}) };
  const contentType = response.headers['content-type'] ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body.toString('utf8'));
  } catch {
    const kind = contentType.split(';')[0] || 'a non-JSON body';
    throw new RegscopeError({ ...where, code: 'auth-failed', message: `token endpoint ${request.realm.host} returned ${kind} (not JSON): "${sanitizedPreview(response.body)}"` });
  }
  const answer = (parsed ?? {}) as Record<string, unknown>;
  const token = typeof answer.token === 'string' && answer.token ? answer.token : typeof answer.access_token === 'string' ? answer.access_token : '';
  if (!token) throw new RegscopeError({ ...where, code: 'auth-failed', message: `token endpoint ${request.realm.host} returned no token` });
  return { token, expiresAt: tokenExpiry(answer.expires_in, answer.issued_at, receivedAt) };
}

async function getToken(http: HttpClient, request: TokenRequest): Promise<HttpResponse> {
  const url = new URL(request.realm.href);
  if (request.service) url.searchParams.set('service', request.service);
  for (const scope of request.scopes) url.searchParams.append('scope', scope);
  const credential = request.credential;
  const secret = credential?.password ?? credential?.identityToken;
  if (credential && secret) url.searchParams.set('account', credential.username);
  return http.send({
    url,
    method: 'GET',
    headers: credential && secret ? { authorization: basicAuth(credential.username, secret) } : {},
    maxBodyBytes: MAX_TOKEN_BODY,
    stage: 'auth',
    ...(request.reference ? { reference: request.reference } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  });
}

async function postRefreshToken(http: HttpClient, request: TokenRequest, refreshToken: string): Promise<HttpResponse> {
  const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: CLIENT_ID });
  if (request.service) form.set('service', request.service);
  if (request.scopes.length) form.set('scope', request.scopes.join(' '));
  return http.send({
    url: request.realm,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    maxBodyBytes: MAX_TOKEN_BODY,
    stage: 'auth',
    ...(request.reference ? { reference: request.reference } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  });
}

/** Fetches one token; throws `auth-failed` with the realm's answer described. */
export async function fetchToken(http: HttpClient, request: TokenRequest): Promise<CachedToken> {
  let response: HttpResponse | undefined;
  const refreshToken = request.credential?.identityToken;
  if (refreshToken) {
    response = await postRefreshToken(http, request, refreshToken);
    if ([400, 401, 404, 405].includes(response.status)) response = undefined;
  }
  response ??= await getToken(http, request);
  const receivedAt = Date.now();
  if (response.status === 401 || response.status === 403) {
    throw new RegscopeError({
      code: 'auth-failed',
      stage: 'auth',
      status: response.status,
      message: request.credential ? `${request.realm.host} refused the credentials of ${request.credential.username}` : `${request.realm.host} refused an anonymous token`,
      ...(request.reference ? { reference: request.reference } : {}),
    });
  }
  if (response.status !== 200) {
    throw new RegscopeError({ code: 'auth-failed', stage: 'auth', status: response.status, message: `token endpoint ${request.realm.host} answered ${response.status}`, ...(request.reference ? { reference: request.reference } : {}) });
  }
  return parseTokenAnswer(response, request, receivedAt);
}
