import { RegscopeError, type ErrorStage } from '../../../shared/api/errors';
import { isLoopbackHost, isPrivateOrLocalAddress } from '../../../shared/registry-protocol/realm-guard';

/**
 * Which URLs the client may talk to, relative to the registry that sent it there.
 *
 * A registry, a token realm, a redirect `Location` or a foreign layer's `urls[0]` can all point the
 * client somewhere else. Trusted clients refuse to be walked into an internal network or downgraded
 * to plain http (reliability.md §1.3, §5 rows 12, 14, 16). The one exception: a registry that itself
 * runs on loopback or a private address (a local test or company registry) may send us to its
 * neighbours, since nothing is gained by an attacker who is already there.
 */
export interface OutboundPolicy {
  /** Hosts (`host` or `host:port`) the user allowed plain http for (`--insecure`). */
  readonly insecureHosts: readonly string[];
}

/** True when `url` may be fetched over plain http: loopback, or a host the user named insecure. */
export function allowsPlainHttp(url: URL, policy: OutboundPolicy): boolean {
  return isLoopbackHost(url.hostname) || policy.insecureHosts.includes(url.host) || policy.insecureHosts.includes(url.hostname);
}

/**
 * Checks a URL the client is about to follow from `from` (a redirect, a realm, a foreign layer URL).
 *
 * Throws `unsafe-url` naming the stage; returns the URL without userinfo.
 */
export function checkOutboundUrl(target: URL, from: URL, policy: OutboundPolicy, stage: ErrorStage, reference?: string): URL {
  const refuse = (why: string): never => {
    throw new RegscopeError({ code: 'unsafe-url', stage, message: `refused to follow ${redact(target)}: ${why}`, ...(reference ? { reference } : {}) });
  };
  if (target.protocol !== 'https:' && target.protocol !== 'http:') refuse(`${target.protocol} URLs are not allowed`);
  if (target.protocol === 'http:' && from.protocol === 'https:' && !allowsPlainHttp(target, policy)) refuse('it downgrades https to http');
  if (target.protocol === 'http:' && !allowsPlainHttp(target, policy) && !allowsPlainHttp(from, policy)) refuse('plain http is only used for loopback and --insecure hosts');
  const fromIsLocal = isPrivateOrLocalAddress(from.hostname) || from.hostname === 'localhost';
  if (!fromIsLocal && target.hostname !== from.hostname && (isPrivateOrLocalAddress(target.hostname) || target.hostname === 'localhost')) {
    refuse('it points from a public host to a local or private address');
  }
  const clean = new URL(target.href);
  clean.username = '';
  clean.password = '';
  return clean;
}

/** A URL safe to print: no userinfo, no query string (presigned URLs carry credentials there). */
export function redact(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}
