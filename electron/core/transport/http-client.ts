import { Agent } from 'undici';
import { RegscopeError, type ErrorStage } from '../../../shared/api/errors';
import { networkError, isTransientNetworkError } from './network-errors';
import { checkOutboundUrl, redact, type OutboundPolicy } from './outbound-policy';
import { readBodyCapped } from './read-body';
import { backoffDelay, DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfter, type RetryPolicy } from './retry-policy';
import { Semaphore } from './semaphore';

/**
 * The one place regscope talks HTTP: pooled keep-alive connections per origin (undici `Agent`),
 * deadlines, bounded retries, redirects followed by hand, capped bodies, cancellation.
 *
 * Redirects are followed here, not by undici, because `Authorization` must be dropped the moment a
 * hop leaves the origin it was meant for (dist-spec: MUST NOT forward; S3 rejects it anyway), and
 * every hop is re-checked against the outbound policy (reliability.md §2.4, §5 rows 14–15).
 */

export type HttpMethod = 'GET' | 'HEAD' | 'POST';

export interface HttpRequest {
  readonly url: URL;
  readonly method: HttpMethod;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Most body bytes to read; more is a `too-large` error. HEAD reads nothing. */
  readonly maxBodyBytes: number;
  /** What the request is for, for error messages. */
  readonly stage: ErrorStage;
  readonly reference?: string;
  readonly signal?: AbortSignal;
  /** Follow 3xx answers (default true). */
  readonly followRedirects?: boolean;
}

export interface HttpResponse {
  readonly status: number;
  /** Lower-cased header names; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** The URL that gave this answer, after redirects. */
  readonly url: URL;
  /** Hops followed to get here. */
  readonly redirects: number;
}

export interface HttpClientOptions {
  readonly outbound: OutboundPolicy;
  readonly retry?: RetryPolicy;
  readonly userAgent?: string;
  readonly connectTimeoutMs?: number;
  /** Wait for response headers (slow-loris guard on the first byte). */
  readonly headersTimeoutMs?: number;
  /** Longest silence between body chunks. */
  readonly bodyTimeoutMs?: number;
  /** Whole-request deadline, retries and redirects included: undici's timeouts are per chunk. */
  readonly requestDeadlineMs?: number;
  /** Concurrent requests per origin. */
  readonly maxConcurrentPerOrigin?: number;
  /** Seen by tests and benchmarks: every request that went on the wire. */
  readonly onRequest?: (entry: { method: HttpMethod; url: string; status: number }) => void;
}

const MAX_REDIRECTS = 10;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export class HttpClient {
  private readonly agent: Agent;
  private readonly slots = new Map<string, Semaphore>();
  private readonly retry: RetryPolicy;
  private readonly deadlineMs: number;

  constructor(private readonly options: HttpClientOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.deadlineMs = options.requestDeadlineMs ?? 120_000;
    this.agent = new Agent({
      connections: options.maxConcurrentPerOrigin ?? 8,
      keepAliveTimeout: 30_000,
      connect: { timeout: options.connectTimeoutMs ?? 10_000 },
      headersTimeout: options.headersTimeoutMs ?? 30_000,
      bodyTimeout: options.bodyTimeoutMs ?? 30_000,
    });
  }

  /** The outbound policy this client enforces (shared with auth, which follows realms). */
  get outbound(): OutboundPolicy {
    return this.options.outbound;
  }

  /**
   * Sends a request; answers with any status (the caller decides what a 404 means), throws a
   * RegscopeError for network failures, deadlines, cancellation, unsafe redirects and big bodies.
   */
  async send(request: HttpRequest): Promise<HttpResponse> {
    const deadline = AbortSignal.timeout(this.deadlineMs);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
    try {
      return await this.sendWithRetries(request, signal);
    } catch (error) {
      if (signal.aborted && !(error instanceof RegscopeError && error.data.code !== 'unreachable')) {
        const cancelled = request.signal?.aborted;
        throw new RegscopeError({
          code: cancelled ? 'cancelled' : 'timeout',
          stage: request.stage,
          message: cancelled ? 'cancelled' : `no complete answer from ${request.url.host} within ${Math.round(this.deadlineMs / 1000)} s`,
          ...(request.reference ? { reference: request.reference } : {}),
        });
      }
      throw error;
    }
  }

  private async sendWithRetries(request: HttpRequest, signal: AbortSignal): Promise<HttpResponse> {
    const idempotent = request.method !== 'POST';
    for (let attempt = 0; ; attempt++) {
      let response: HttpResponse;
      try {
        response = await this.followRedirects(request, signal);
      } catch (error) {
        if (idempotent && attempt < this.retry.maxRetries && isTransientNetworkError(error) && !signal.aborted) {
          await sleep(backoffDelay(attempt, this.retry), signal);
          continue;
        }
        throw error;
      }
      if (!isRetryableStatus(response.status) || attempt >= this.retry.maxRetries) return response;
      const retryAfter = parseRetryAfter(response.headers['retry-after'], Date.now());
      if (retryAfter !== undefined && retryAfter > this.retry.maxDelayMs) return response;
      await sleep(retryAfter ?? backoffDelay(attempt, this.retry), signal);
    }
  }

  private async followRedirects(request: HttpRequest, signal: AbortSignal): Promise<HttpResponse> {
    let url = request.url;
    let method = request.method;
    let headers: Record<string, string> = { ...request.headers };
    let body = request.body;
    const visited = new Set<string>();
    for (let hop = 0; ; hop++) {
      visited.add(`${method} ${url.href}`);
      const response = await this.once(url, method, headers, body, request, signal, hop);
      const location = response.headers.location;
      if (request.followRedirects === false || !REDIRECT_STATUSES.has(response.status) || !location) return response;
      if (hop + 1 > MAX_REDIRECTS) {
        throw new RegscopeError({ code: 'redirect-limit', stage: request.stage, message: `more than ${MAX_REDIRECTS} redirects from ${request.url.host}`, ...(request.reference ? { reference: request.reference } : {}) });
      }
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new RegscopeError({ code: 'registry-error', stage: request.stage, message: `${url.host} redirected to an invalid URL`, ...(request.reference ? { reference: request.reference } : {}) });
      }
      next = checkOutboundUrl(next, url, this.options.outbound, request.stage, request.reference);
      if (next.origin !== request.url.origin) {
        // Credentials were meant for the registry only; never hand them to a CDN or another host.
        const { authorization: _dropped, ...rest } = headers;
        headers = rest;
      }
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        if (method !== 'HEAD') method = 'GET';
        body = undefined;
      }
      if (visited.has(`${method} ${next.href}`)) {
        throw new RegscopeError({ code: 'redirect-limit', stage: request.stage, message: `redirect loop at ${redact(next)}`, ...(request.reference ? { reference: request.reference } : {}) });
      }
      url = next;
    }
  }

  private slotFor(origin: string): Semaphore {
    let slot = this.slots.get(origin);
    if (!slot) {
      slot = new Semaphore(this.options.maxConcurrentPerOrigin ?? 8);
      this.slots.set(origin, slot);
    }
    return slot;
  }

  private once(url: URL, method: HttpMethod, headers: Record<string, string>, body: string | undefined, request: HttpRequest, signal: AbortSignal, hop: number): Promise<HttpResponse> {
    return this.slotFor(url.origin).run(async () => {
      let raw;
      try {
        raw = await this.agent.request({
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method,
          headers: { 'user-agent': this.options.userAgent ?? 'regscope', ...headers },
          body: body ?? null,
          signal,
        });
      } catch (error) {
        if (signal.aborted) throw error;
        throw networkError(error, url.host, request.stage, request.reference);
      }
      const responseHeaders = flattenHeaders(raw.headers);
      let buffer: Buffer;
      if (method === 'HEAD' || REDIRECT_STATUSES.has(raw.statusCode)) {
        await raw.body.dump().catch(() => undefined);
        buffer = Buffer.alloc(0);
      } else {
        try {
          buffer = await readBodyCapped(raw.body, responseHeaders['content-length'], request.maxBodyBytes, { stage: request.stage, host: url.host, ...(request.reference ? { reference: request.reference } : {}) });
        } catch (error) {
          if (error instanceof RegscopeError || signal.aborted) throw error;
          throw networkError(error, url.host, request.stage, request.reference);
        }
      }
      this.options.onRequest?.({ method, url: url.href, status: raw.statusCode });
      return { status: raw.statusCode, headers: responseHeaders, body: buffer, url, redirects: hop };
    });
  }

  /** Closes every pooled connection. */
  async close(): Promise<void> {
    await this.agent.close();
  }
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
