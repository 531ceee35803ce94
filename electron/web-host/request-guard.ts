import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to the web host. It serves real credentials' worth of access on a port any local
 * page could reach, so every API request must:
 * - name this server in `Host` (a DNS-rebinding page arrives with `Host: evil.example`);
 * - come from this server's own origin when it says where it comes from (`Origin`), so another site
 *   open in the same browser cannot call it; there are no CORS headers at all;
 * - carry the per-launch token, in the `regscope_token` cookie (set when the printed URL is opened)
 *   or the `x-regscope-token` header (scripts, tests).
 */
export const TOKEN_COOKIE = 'regscope_token';

export interface GuardConfig {
  /** `host:port` values this server answers to, e.g. `127.0.0.1:43123`, `localhost:43123`. */
  readonly allowedHosts: ReadonlySet<string>;
  readonly token: string;
}

export type GuardVerdict = { readonly ok: true } | { readonly ok: false; readonly status: 400 | 401 | 403; readonly reason: string };

/** True when `candidate` equals the token, compared in constant time. */
export function tokenMatches(candidate: string | undefined, token: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The value of one cookie from a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** Checks `Host` (every request) — the DNS-rebinding guard. */
export function checkHost(request: IncomingMessage, config: GuardConfig): GuardVerdict {
  const host = request.headers.host?.toLowerCase();
  if (!host || !config.allowedHosts.has(host)) return { ok: false, status: 400, reason: 'unexpected Host header' };
  return { ok: true };
}

/** Checks `Host`, `Origin` and the token (API requests). */
export function checkApiRequest(request: IncomingMessage, config: GuardConfig): GuardVerdict {
  const host = checkHost(request, config);
  if (!host.ok) return host;
  const origin = request.headers.origin;
  if (origin !== undefined) {
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      originHost = undefined;
    }
    if (!originHost || !config.allowedHosts.has(originHost) || !origin.startsWith('http://')) return { ok: false, status: 403, reason: 'cross-origin requests are not allowed' };
  }
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site') return { ok: false, status: 403, reason: 'cross-site requests are not allowed' };
  const header = request.headers['x-regscope-token'];
  const candidate = (Array.isArray(header) ? header[0] : header) ?? readCookie(request.headers.cookie, TOKEN_COOKIE);
  if (!tokenMatches(candidate, config.token)) return { ok: false, status: 401, reason: 'missing or wrong access token: open the URL regscope serve printed' };
  return { ok: true };
}
