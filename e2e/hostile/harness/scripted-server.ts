import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeReply, type Reply } from './replies';

/**
 * A loopback HTTP server driven by a per-test script, in the style of regclient's `internal/reqresp`:
 * an ordered list of request → response entries, the first match answers, an entry may be used a
 * limited number of times (reqresp's `DelOnUse`). Every request is recorded, and a policy decides
 * whether the `Authorization` it carried was allowed on this server; a forbidden one is recorded as
 * a violation (the test fails in `afterEach`) and answered 400 the way S3 refuses a second auth
 * mechanism, so a leak also changes what the client sees.
 */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly path: string;
  readonly query: URLSearchParams;
  /** The `Host` header: which name the client used for this server. */
  readonly host: string;
  readonly authorization?: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface ScriptEntry {
  /** For failure messages: which step of the script answered. */
  readonly name: string;
  /** Methods this entry answers; all when omitted. */
  readonly method?: string | readonly string[];
  /** The path (without query) this entry answers: exact text or a pattern. */
  readonly path: string | RegExp;
  /** How many requests the entry answers before it is used up; unlimited when omitted. */
  readonly times?: number;
  readonly reply: Reply | ((request: RecordedRequest) => Reply);
}

/** Says why an `Authorization` header is not allowed on this request, or undefined when it is. */
export type AuthorizationPolicy = (request: RecordedRequest) => string | undefined;

/** Anything goes: the registry itself. */
export const anyAuthorization: AuthorizationPolicy = () => undefined;

/** A server that must never be sent credentials: the CDN, the cloud metadata endpoint. */
export const noAuthorization: AuthorizationPolicy = (request) => (request.authorization ? `received Authorization "${request.authorization.slice(0, 16)}…" on ${request.method} ${request.url}` : undefined);

/** A server that answers a request before the script is asked: the registry's auth gate. */
export type Gate = (request: RecordedRequest) => Reply | undefined;

interface LiveEntry {
  readonly entry: ScriptEntry;
  used: number;
}

export class ScriptedServer {
  /** Every request, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  /** Forbidden credentials this server received. */
  readonly violations: string[] = [];
  /** Requests no script entry answered (answered 404). */
  readonly unmatched: string[] = [];
  /** Answers first when set (e.g. "401 unless a valid Bearer token"). */
  gate: Gate | undefined;
  private entries: LiveEntry[] = [];
  private server: Server | undefined;
  private origin = '';

  constructor(
    /** How failure messages name this server: `registry`, `cdn`, `token server`, `metadata`. */
    readonly name: string,
    private readonly policy: AuthorizationPolicy,
  ) {}

  /** Starts listening on 127.0.0.1 on a free port. */
  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://scripted.invalid');
        const recorded: RecordedRequest = {
          method: req.method ?? 'GET',
          url: `${url.pathname}${url.search}`,
          path: url.pathname,
          query: url.searchParams,
          host: req.headers.host ?? '',
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.requests.push(recorded);
        const violation = this.policy(recorded);
        if (violation) {
          this.violations.push(`${this.name} ${violation}`);
          writeReply(res, { status: 400, body: 'Only one auth mechanism allowed' }, recorded.method);
          return;
        }
        writeReply(res, this.gate?.(recorded) ?? this.answer(recorded), recorded.method);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  }

  /** `127.0.0.1:<port>`. */
  get host(): string {
    return new URL(this.origin).host;
  }

  get port(): number {
    return Number(new URL(this.origin).port);
  }

  /** `http://127.0.0.1:<port>`. */
  get url(): string {
    return this.origin;
  }

  /** Replaces the script. */
  script(entries: readonly ScriptEntry[]): void {
    this.entries = entries.map((entry) => ({ entry, used: 0 }));
  }

  /** Adds entries in front of the script (they win over what is there). */
  prepend(entries: readonly ScriptEntry[]): void {
    this.entries = [...entries.map((entry) => ({ entry, used: 0 })), ...this.entries];
  }

  /** Adds entries after the script. */
  append(entries: readonly ScriptEntry[]): void {
    this.entries = [...this.entries, ...entries.map((entry) => ({ entry, used: 0 }))];
  }

  /** Requests whose path matches, for counting. */
  requestsTo(path: string | RegExp, method?: string): RecordedRequest[] {
    return this.requests.filter((request) => matchesPath(path, request.path) && (method === undefined || request.method === method));
  }

  /** Forgets the script, the gate and everything recorded: a clean server for the next test. */
  reset(): void {
    this.entries = [];
    this.gate = undefined;
    this.requests.length = 0;
    this.violations.length = 0;
    this.unmatched.length = 0;
    // Connections a test left hanging (black holes, dribbles) must not outlive it.
    this.server?.closeAllConnections();
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private answer(request: RecordedRequest): Reply {
    for (const live of this.entries) {
      const { entry } = live;
      if (entry.times !== undefined && live.used >= entry.times) continue;
      if (!matchesMethod(entry.method, request.method) || !matchesPath(entry.path, request.path)) continue;
      live.used += 1;
      return typeof entry.reply === 'function' ? entry.reply(request) : entry.reply;
    }
    this.unmatched.push(`${request.method} ${request.url}`);
    return { status: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ errors: [{ code: 'NOT_FOUND', message: `no script entry for ${request.method} ${request.path}` }] }) };
  }
}

function matchesMethod(wanted: ScriptEntry['method'], method: string): boolean {
  if (wanted === undefined) return true;
  return typeof wanted === 'string' ? wanted === method : wanted.includes(method);
}

function matchesPath(wanted: string | RegExp, path: string): boolean {
  return typeof wanted === 'string' ? wanted === path : wanted.test(path);
}
