import { RegscopeError, type ErrorStage } from '../../../shared/api/errors';
import { checkRealm } from '../../../shared/registry-protocol/realm-guard';
import { parseWwwAuthenticate, type Challenge } from '../../../shared/registry-protocol/www-authenticate';
import type { Credential, CredentialSource } from '../credentials/credential';
import type { HttpClient, HttpMethod, HttpResponse } from '../transport/http-client';
import { readRateLimit, type RateLimitInfo } from '../transport/rate-limit';
import { fetchToken } from './token-client';
import { tokenKey, type TokenCache } from './token-cache';

/**
 * Authenticated requests to one registry endpoint.
 *
 * The handshake, as numbered steps (after ggcr's transport.go, without its extra ping request):
 * 1. Send the request with what we already know: a cached Bearer token for its scope, Basic
 *    credentials if the registry asked for Basic before, or nothing.
 * 2. On 200 (or any non-401), done.
 * 3. On 401 Basic: retry once with the stored credentials; none → "sign-in required".
 * 4. On 401 Bearer: check the realm (reliability.md §1.3), exchange for a token with the challenge's
 *    scopes plus ours, retry once.
 * 5. On a second 401 with `error="insufficient_scope"` asking for a scope we did not have, retry once
 *    more with the wider scope (c/image); any other repeat is an auth error, so a registry that keeps
 *    answering 401 cannot make us hammer its token server (§5 row 13).
 */
export interface SessionRequest {
  readonly path: string;
  readonly method: HttpMethod;
  readonly headers?: Readonly<Record<string, string>>;
  /** The scope this request needs, e.g. `repository:library/python:pull`; empty for `/v2/`. */
  readonly scope: string;
  readonly maxBodyBytes: number;
  readonly stage: ErrorStage;
  readonly reference?: string;
  readonly signal?: AbortSignal;
}

type KnownScheme = { kind: 'none' } | { kind: 'basic' } | { kind: 'bearer'; realm: URL; service: string };

export class RegistrySession {
  private scheme: KnownScheme = { kind: 'none' };
  private credential: Promise<Credential | undefined> | undefined;
  /** The pull budget the registry last reported (Docker Hub), for the UI. */
  rateLimit: RateLimitInfo | undefined;

  constructor(
    private readonly http: HttpClient,
    /** Base URL of the registry API, e.g. `https://registry-1.docker.io`. */
    readonly baseUrl: URL,
    /** Host name credentials are stored under (`docker.io` for Docker Hub and its mirror). */
    private readonly credentialHost: string,
    private readonly credentials: CredentialSource,
    private readonly tokens: TokenCache,
  ) {}

  private getCredential(): Promise<Credential | undefined> {
    // Looked up once (a credential helper is a process spawn), until the user signs in or out.
    this.credential ??= this.credentials.get(this.credentialHost);
    return this.credential;
  }

  /** Forgets the looked-up credential, after a sign-in or sign-out. */
  resetCredentials(): void {
    this.credential = undefined;
  }

  /** The host this session's credentials are stored under. */
  get credentialKey(): string {
    return this.credentialHost;
  }

  /** Sends a request to this registry, authenticating as needed. */
  async request(request: SessionRequest): Promise<HttpResponse> {
    let scopes = request.scope ? [request.scope] : [];
    let authorization = await this.authorizationFor(scopes, request, false);
    let response = await this.send(request, authorization);
    for (let round = 0; response.status === 401 && round < 2; round++) {
      const challenge = this.pickChallenge(response, request);
      const askedScopes = challenge.scopes.filter((scope) => !scopes.includes(scope));
      if (round === 1 && !(challenge.params.error === 'insufficient_scope' && askedScopes.length > 0)) break;
      this.learn(challenge, request);
      if (authorization && this.scheme.kind === 'bearer') this.tokens.invalidate(this.keyFor(scopes, await this.getCredential()));
      scopes = [...askedScopes, ...scopes];
      authorization = await this.authorizationFor(scopes, request, true);
      if (authorization === undefined) break;
      response = await this.send(request, authorization);
    }
    if (response.status === 401) throw await this.authError(request, response);
    return response;
  }

  private async send(request: SessionRequest, authorization: string | undefined): Promise<HttpResponse> {
    const response = await this.http.send({
      url: new URL(request.path, this.baseUrl),
      method: request.method,
      headers: { ...request.headers, ...(authorization ? { authorization } : {}) },
      maxBodyBytes: request.maxBodyBytes,
      stage: request.stage,
      ...(request.reference ? { reference: request.reference } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    this.rateLimit = readRateLimit(response.headers, new Date()) ?? this.rateLimit;
    return response;
  }

  private pickChallenge(response: HttpResponse, request: SessionRequest): Challenge {
    const header = response.headers['www-authenticate'];
    const where = { stage: 'auth' as const, status: 401, ...(request.reference ? { reference: request.reference } : {}) };
    if (!header) throw new RegscopeError({ ...where, code: 'auth-required', message: `${this.baseUrl.host} answered 401 without a WWW-Authenticate challenge` });
    let challenges: Challenge[];
    try {
      challenges = parseWwwAuthenticate(header);
    } catch (error) {
      if (error instanceof RegscopeError) throw new RegscopeError({ ...error.data, ...where, code: 'auth-failed', message: `unsupported auth challenge from ${this.baseUrl.host}: ${error.data.message}` });
      throw error;
    }
    const chosen = challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic');
    if (!chosen) throw new RegscopeError({ ...where, code: 'auth-failed', message: `unsupported auth challenge from ${this.baseUrl.host} (${challenges.map((c) => c.scheme).join(', ') || 'none'})` });
    return chosen;
  }

  private learn(challenge: Challenge, request: SessionRequest): void {
    if (challenge.scheme === 'basic') {
      this.scheme = { kind: 'basic' };
      return;
    }
    const realmText = challenge.params.realm;
    if (!realmText) throw new RegscopeError({ code: 'auth-failed', stage: 'auth', message: `Bearer challenge from ${this.baseUrl.host} has no realm`, ...(request.reference ? { reference: request.reference } : {}) });
    const realm = checkRealm(realmText, this.baseUrl.href, { insecureHosts: this.http.outbound.insecureHosts });
    this.scheme = { kind: 'bearer', realm, service: challenge.params.service ?? '' };
  }

  private keyFor(scopes: readonly string[], credential: Credential | undefined): string {
    if (this.scheme.kind !== 'bearer') return '';
    return tokenKey(this.scheme.realm.href, this.scheme.service, scopes, credential ? `${credential.source}:${credential.username}` : '');
  }

  /** The Authorization value for the known scheme; undefined when there is nothing to send. */
  private async authorizationFor(scopes: readonly string[], request: SessionRequest, fetchIfMissing: boolean): Promise<string | undefined> {
    const credential = await this.getCredential();
    const scheme = this.scheme;
    if (scheme.kind === 'basic') {
      const secret = credential?.password ?? credential?.identityToken;
      return credential && secret ? `Basic ${Buffer.from(`${credential.username}:${secret}`).toString('base64')}` : undefined;
    }
    if (scheme.kind !== 'bearer') return undefined;
    const key = this.keyFor(scopes, credential);
    const cached = this.tokens.peek(key);
    if (cached) return `Bearer ${cached.token}`;
    if (!fetchIfMissing) return undefined;
    const token = await this.tokens.get(key, () =>
      fetchToken(this.http, {
        realm: scheme.realm,
        service: scheme.service,
        scopes,
        ...(credential ? { credential } : {}),
        ...(request.reference ? { reference: request.reference } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      }),
    );
    return `Bearer ${token.token}`;
  }

  private async authError(request: SessionRequest, response: HttpResponse): Promise<RegscopeError> {
    const credential = await this.getCredential();
    const where = { stage: 'auth' as const, status: response.status, ...(request.reference ? { reference: request.reference } : {}) };
    if (!credential) {
      return new RegscopeError({ ...where, code: 'auth-required', message: `${this.baseUrl.host} requires sign-in (or the repository does not exist)` });
    }
    return new RegscopeError({ ...where, code: 'auth-failed', message: `${this.baseUrl.host} refused the credentials of ${credential.username} from ${credential.source}` });
  }
}
