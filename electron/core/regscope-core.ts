import { RegscopeError, toErrorData, type ErrorData } from '../../shared/api/errors';
import type { TagReport } from '../../shared/image/image-report';
import { familiarReference, familiarRepository, parseReference, parseRepository } from '../../shared/reference/parse-reference';
import type { ImageReference } from '../../shared/reference/reference-model';
import { RegistrySession } from './auth/registry-session';
import { TokenCache } from './auth/token-cache';
import type { Credential, CredentialSource } from './credentials/credential';
import { headManifest } from './registry/manifests';
import { looksLikeHtml, unexpectedAnswer } from './registry/registry-errors';
import type { Descriptor } from '../../shared/image/manifest-schemas';
import { parseMirror, resolveEndpoint } from './registry/endpoints';
import { Memo } from './registry/memo';
import { memoizedAccess, type RegistryAccess } from './registry/registry-access';
import { listTags, type TagListing } from './registry/tags';
import { collectTag } from './report/collect-tag';
import { HttpClient, type HttpClientOptions } from './transport/http-client';
import type { RateLimitInfo } from './transport/rate-limit';
import type { RetryPolicy } from './transport/retry-policy';
import type { ContentCache } from './cache/content-cache';

/**
 * The registry core: one object the CLI, the web host and the Electron main process share.
 *
 * It owns the connection pools, sessions (auth state per registry) and token cache; it never
 * imports Electron and never hands a secret to its callers.
 */
export interface CoreOptions {
  /** Docker Hub mirror (`--mirror` / `REGSCOPE_MIRROR`). */
  readonly mirror?: string;
  /** Hosts allowed over plain http (`--insecure`). */
  readonly insecureHosts?: readonly string[];
  readonly credentials?: CredentialSource;
  readonly userAgent?: string;
  readonly retry?: RetryPolicy;
  readonly requestDeadlineMs?: number;
  readonly maxConcurrentPerRegistry?: number;
  /** Non-fatal problems (a broken credential helper, an unreachable foreign layer URL). */
  readonly warn?: (message: string) => void;
  /** Every request that went on the wire (tests, benchmarks). */
  readonly onRequest?: HttpClientOptions['onRequest'];
  /** The persistent content-addressed cache (`--cache-dir`, the app's data folder). */
  readonly cache?: ContentCache;
}

/** The outcome for one reference of a batch: a report, or why there is none. */
export type ReportOutcome =
  | { readonly ok: true; readonly reference: string; readonly report: TagReport }
  | { readonly ok: false; readonly reference: string; readonly error: ErrorData };

export interface BatchOptions {
  readonly signal?: AbortSignal;
  /** References collected at the same time. */
  readonly concurrency?: number;
  /** Called as each reference finishes. */
  readonly onProgress?: (done: number, total: number, outcome: ReportOutcome) => void;
}

/** What `summary` learns about a tag: its digest and, per list entry, platform and compressed size. */
export interface TagSummaryFacts {
  readonly digest: string;
  readonly mediaType: string;
  readonly entries: ReadonlyArray<{ readonly platform?: Descriptor['platform']; readonly annotations?: Readonly<Record<string, string>>; readonly size: number }>;
}

function sumSizes(layers: readonly Descriptor[]): number {
  return layers.reduce((total, layer) => total + layer.size, 0);
}

const noCredentials: CredentialSource = { get: async () => undefined };

export class RegscopeCore {
  private readonly http: HttpClient;
  private readonly tokens = new TokenCache();
  private readonly sessions = new Map<string, RegistrySession>();
  /** Manifests by digest and configs: immutable, so kept for the life of the core (bounded). */
  private readonly immutable = new Memo(20_000);
  private readonly mirror: URL | undefined;
  private readonly warn: (message: string) => void;

  constructor(private readonly options: CoreOptions = {}) {
    this.mirror = options.mirror ? parseMirror(options.mirror) : undefined;
    this.warn = options.warn ?? (() => undefined);
    this.http = new HttpClient({
      outbound: { insecureHosts: options.insecureHosts ?? [] },
      userAgent: options.userAgent ?? 'regscope/0.1',
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.requestDeadlineMs ? { requestDeadlineMs: options.requestDeadlineMs } : {}),
      ...(options.maxConcurrentPerRegistry ? { maxConcurrentPerOrigin: options.maxConcurrentPerRegistry } : {}),
      ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    });
  }

  /** The authenticated session for a registry named in a reference (one per API endpoint). */
  session(registry: string): RegistrySession {
    const endpoint = resolveEndpoint(registry, { ...(this.mirror ? { mirror: this.mirror } : {}), outbound: this.http.outbound });
    const key = endpoint.baseUrl.href;
    let session = this.sessions.get(key);
    if (!session) {
      session = new RegistrySession(this.http, endpoint.baseUrl, endpoint.credentialHost, this.options.credentials ?? noCredentials, this.tokens);
      this.sessions.set(key, session);
    }
    return session;
  }

  private accessFor(registry: string, memos: Map<string, Memo>): RegistryAccess {
    let memo = memos.get(registry);
    if (!memo) {
      memo = new Memo();
      memos.set(registry, memo);
    }
    return memoizedAccess(this.session(registry), this.http, this.warn, { run: memo, immutable: this.immutable, ...(this.options.cache ? { cache: this.options.cache } : {}) });
  }

  /** The report of one reference (text as typed, or parsed). */
  async report(reference: string | ImageReference, options: { signal?: AbortSignal } = {}): Promise<TagReport> {
    const ref = typeof reference === 'string' ? parseReference(reference) : reference;
    try {
      return await collectTag(this.accessFor(ref.registry, new Map()), ref, { ...options, warn: this.warn });
    } catch (error) {
      throw error instanceof RegscopeError ? error.withReference(typeof reference === 'string' ? reference : familiarRepository(ref)) : error;
    }
  }

  /**
   * Reports for many references in one run: requests shared between them (a base layer common to
   * fifty tags) are made once. Failures are per reference; the rest still complete.
   */
  async reports(references: readonly string[], options: BatchOptions = {}): Promise<ReportOutcome[]> {
    const memos = new Map<string, Memo>();
    const outcomes: ReportOutcome[] = new Array(references.length);
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < references.length) {
        const index = next++;
        const text = references[index] ?? '';
        let outcome: ReportOutcome;
        try {
          const ref = parseReference(text);
          const report = await collectTag(this.accessFor(ref.registry, memos), ref, { warn: this.warn, ...(options.signal ? { signal: options.signal } : {}) });
          outcome = { ok: true, reference: text, report };
        } catch (error) {
          outcome = { ok: false, reference: text, error: toErrorData(error, { stage: 'manifest', reference: text }) };
          if (outcome.error.code === 'internal') throw error;
        }
        outcomes[index] = outcome;
        options.onProgress?.(++done, references.length, outcome);
        if (options.signal?.aborted) break;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, references.length)) }, worker));
    if (options.signal?.aborted) throw new RegscopeError({ code: 'cancelled', stage: 'manifest', message: 'cancelled' });
    return outcomes;
  }

  /** Every tag of a repository (`python`, `ghcr.io/acme/app`). */
  async tags(repository: string, options: { signal?: AbortSignal; onPage?: (tagsSoFar: readonly string[]) => void } = {}): Promise<TagListing> {
    const ref = parseRepository(repository);
    const display = familiarRepository(ref);
    try {
      return await listTags(this.session(ref.registry), { repository: ref.repository, display, ...options });
    } catch (error) {
      throw error instanceof RegscopeError ? error.withReference(display) : error;
    }
  }

  /**
   * Cheap facts for a tag row: one HEAD for the digest (free on Docker Hub), then the manifest and
   * its children by digest, which are immutable and cached for the life of the core.
   */
  async summary(reference: string, options: { signal?: AbortSignal } = {}): Promise<TagSummaryFacts> {
    const ref = parseReference(reference);
    const display = familiarReference(ref);
    const session = this.session(ref.registry);
    const access = this.accessFor(ref.registry, new Map());
    let digest = ref.digest;
    if (!digest) {
      const head = await headManifest(session, { repository: ref.repository, reference: ref.tag ?? 'latest', display, ...options });
      if (head === 'missing') throw new RegscopeError({ code: 'not-found', stage: 'manifest', reference: display, message: 'tag not found' });
      digest = head.digest;
    }
    const top = await access.manifest(ref.repository, digest ?? ref.tag ?? 'latest', display, options.signal);
    if (top === 'missing') throw new RegscopeError({ code: 'not-found', stage: 'manifest', reference: display, message: 'tag not found' });
    if (top.kind === 'image') {
      return { digest: top.digest, mediaType: top.mediaType, entries: [{ size: sumSizes(top.manifest.layers) }] };
    }
    const entries = await Promise.all(
      top.index.manifests.map(async (entry) => {
        const child = await access.manifest(ref.repository, entry.digest, display, options.signal);
        return { ...(entry.platform ? { platform: entry.platform } : {}), ...(entry.annotations ? { annotations: entry.annotations } : {}), size: child !== 'missing' && child.kind === 'image' ? sumSizes(child.manifest.layers) : 0 };
      }),
    );
    return { digest: top.digest, mediaType: top.mediaType, entries };
  }

  /**
   * Checks credentials against a registry without keeping them: `GET /v2/` with them, through the
   * registry's own auth flow. Throws `auth-failed` when they are refused.
   */
  async checkLogin(registry: string, credential: Credential): Promise<void> {
    const endpoint = resolveEndpoint(registry, { ...(this.mirror ? { mirror: this.mirror } : {}), outbound: this.http.outbound });
    const session = new RegistrySession(this.http, endpoint.baseUrl, endpoint.credentialHost, { get: async () => credential }, new TokenCache());
    const response = await session.request({ path: '/v2/', method: 'GET', scope: '', maxBodyBytes: 64 * 1024, stage: 'auth', reference: registry });
    if (response.status !== 200 || looksLikeHtml(response)) throw unexpectedAnswer(response, { stage: 'auth', reference: registry, doing: 'checking the sign-in' });
    // A captive portal answers 200 to anything: a registry's /v2/ answers JSON (`{}`).
    try {
      if (response.body.length > 0) JSON.parse(response.body.toString('utf8'));
    } catch {
      throw new RegscopeError({ code: 'not-a-registry', stage: 'auth', reference: registry, status: 200, message: `${endpoint.baseUrl.host} did not answer /v2/ like a registry` });
    }
  }

  /** After a sign-in or sign-out: sessions of that registry look their credentials up again. */
  credentialsChanged(registry: string): void {
    for (const session of this.sessions.values()) {
      if (session.credentialKey === registry || session.baseUrl.host === registry) session.resetCredentials();
    }
  }

  /** The last pull budget a registry reported, if any (Docker Hub). */
  rateLimit(registry: string): RateLimitInfo | undefined {
    return this.session(registry).rateLimit;
  }

  async close(): Promise<void> {
    await this.http.close();
    await this.options.cache?.idle();
  }
}
