import { RegscopeError, toErrorData, type ErrorData } from '../../shared/api/errors';
import type { TagReport } from '../../shared/image/image-report';
import { parseReference, parseRepository, familiarRepository } from '../../shared/reference/parse-reference';
import type { ImageReference } from '../../shared/reference/reference-model';
import { RegistrySession } from './auth/registry-session';
import { TokenCache } from './auth/token-cache';
import type { CredentialSource } from './credentials/credential';
import { parseMirror, resolveEndpoint } from './registry/endpoints';
import { Memo } from './registry/memo';
import { memoizedAccess, type RegistryAccess } from './registry/registry-access';
import { listTags, type TagListing } from './registry/tags';
import { collectTag } from './report/collect-tag';
import { HttpClient, type HttpClientOptions } from './transport/http-client';
import type { RateLimitInfo } from './transport/rate-limit';
import type { RetryPolicy } from './transport/retry-policy';

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

const noCredentials: CredentialSource = { get: async () => undefined };

export class RegscopeCore {
  private readonly http: HttpClient;
  private readonly tokens = new TokenCache();
  private readonly sessions = new Map<string, RegistrySession>();
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
    return memoizedAccess(this.session(registry), this.http, this.warn, memo);
  }

  /** The report of one reference (text as typed, or parsed). */
  async report(reference: string | ImageReference, options: { signal?: AbortSignal } = {}): Promise<TagReport> {
    const ref = typeof reference === 'string' ? parseReference(reference) : reference;
    try {
      return await collectTag(this.accessFor(ref.registry, new Map()), ref, options);
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
          const report = await collectTag(this.accessFor(ref.registry, memos), ref, options.signal ? { signal: options.signal } : {});
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
  async tags(repository: string, options: { signal?: AbortSignal; onPage?: (count: number) => void } = {}): Promise<TagListing> {
    const ref = parseRepository(repository);
    const display = familiarRepository(ref);
    return listTags(this.session(ref.registry), { repository: ref.repository, display, ...options });
  }

  /** The last pull budget a registry reported, if any (Docker Hub). */
  rateLimit(registry: string): RateLimitInfo | undefined {
    return this.session(registry).rateLimit;
  }

  async close(): Promise<void> {
    await this.http.close();
  }
}
