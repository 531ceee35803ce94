import type { ErrorCode, ErrorData } from '../../shared/api/errors';
import { familiarRepository, parseReference } from '../../shared/reference/parse-reference';

/** A way forward an error panel offers. */
export type ErrorAction = 'retry' | 'sign-in' | 'open-repository' | 'edit-reference';

/** What the UI says about an error, by code. */
export interface ErrorAdvice {
  /** Short heading. */
  readonly title: string;
  /** What to do about it, one sentence. */
  readonly hint: string;
  /** Actions in the order offered; the panel shows those it can perform. */
  readonly actions: readonly ErrorAction[];
}

const ADVICE: { readonly [C in ErrorCode]: ErrorAdvice } = {
  'invalid-reference': { title: 'Not an image reference', hint: 'Check the spelling: name[:tag][@digest], e.g. python:3.12-slim or ghcr.io/org/app:v1.', actions: ['edit-reference'] },
  'invalid-argument': { title: 'Request refused', hint: 'regscope refused the request as malformed.', actions: ['edit-reference'] },
  unreachable: { title: 'Cannot reach the registry', hint: 'Check the registry name and your network (a proxy or VPN?), then try again.', actions: ['retry', 'edit-reference'] },
  timeout: { title: 'The registry took too long', hint: 'The registry is slow or overloaded; trying again often works.', actions: ['retry'] },
  tls: { title: 'TLS connection refused', hint: 'The registry’s certificate is not trusted. Plain http is only used for loopback and hosts started with --insecure.', actions: ['retry'] },
  'auth-required': { title: 'Sign-in required', hint: 'This registry or repository needs credentials. Sign in, or check the name: registries also answer this for names that do not exist.', actions: ['sign-in', 'retry'] },
  'auth-failed': { title: 'Sign-in failed', hint: 'The registry refused the saved username or password/token. Sign in again.', actions: ['sign-in', 'retry'] },
  forbidden: { title: 'Access denied', hint: 'You are signed in, but this account may not read this repository. Sign in with another account.', actions: ['sign-in', 'retry'] },
  'not-found': { title: 'Not found', hint: 'The registry has no such repository, tag or digest. Check the tag in the repository’s tag list.', actions: ['open-repository', 'edit-reference'] },
  'rate-limited': { title: 'Rate limit reached', hint: 'The registry limits how many pulls you may make. Wait for the reset, or sign in for a larger budget.', actions: ['retry', 'sign-in'] },
  'too-large': { title: 'Too large to read', hint: 'An answer was bigger than regscope accepts for its kind; this is not a normal image.', actions: ['open-repository'] },
  'digest-mismatch': { title: 'Content does not match its digest', hint: 'The registry (or something between) sent content other than it promised. Do not trust this image.', actions: ['retry'] },
  'invalid-manifest': { title: 'Unreadable manifest', hint: 'The registry sent a manifest regscope cannot read.', actions: ['open-repository'] },
  'unsupported-media-type': { title: 'Unsupported media type', hint: 'This is not a container image regscope can show (a Helm chart or other OCI artifact?).', actions: ['open-repository'] },
  'unsafe-url': { title: 'Blocked an unsafe address', hint: 'The registry pointed regscope somewhere it refuses to go (plain http, or a local address).', actions: [] },
  'redirect-limit': { title: 'Too many redirects', hint: 'The registry redirected in a loop.', actions: ['retry'] },
  'not-a-registry': { title: 'Not a registry', hint: 'That host answers, but not as an OCI/Docker registry. Check the registry name.', actions: ['edit-reference'] },
  'registry-error': { title: 'The registry failed', hint: 'The registry answered with a server error; try again later.', actions: ['retry'] },
  'credential-helper': { title: 'Credential helper failed', hint: 'A docker-credential helper from your Docker config failed. Sign in here instead, or fix the helper.', actions: ['sign-in', 'retry'] },
  cancelled: { title: 'Cancelled', hint: 'The work was stopped. What finished is kept.', actions: ['retry'] },
  internal: { title: 'Something went wrong in regscope', hint: 'This is a bug. Trying again may help; the message below says what failed.', actions: ['retry'] },
};

/** Heading, hint and actions for an error. */
export function adviseError(error: ErrorData): ErrorAdvice {
  return ADVICE[error.code];
}

/** The registry an error is about, for its sign-in form; undefined when it does not say. */
export function registryOf(reference: string | undefined): string | undefined {
  if (reference === undefined || reference === '') return undefined;
  if (/^https?:\/\//i.test(reference)) {
    try {
      return new URL(reference).host;
    } catch {
      return undefined;
    }
  }
  try {
    return parseReference(reference).registry;
  } catch {
    return undefined;
  }
}

/** The repository a reference belongs to, as typed (`python`, `ghcr.io/acme/app`); undefined if unparsable. */
export function repositoryOf(reference: string | undefined): string | undefined {
  if (reference === undefined || reference === '') return undefined;
  try {
    return familiarRepository(parseReference(reference));
  } catch {
    return undefined;
  }
}

/** `Resets 14:05 (in 3 minutes)`-style text for a rate limit's `retryAt`; undefined without one. */
export function retryAtText(retryAt: string | undefined, now: number = Date.now()): string | undefined {
  if (retryAt === undefined) return undefined;
  const time = Date.parse(retryAt);
  if (Number.isNaN(time)) return undefined;
  const seconds = Math.max(0, Math.round((time - now) / 1000));
  const wait = seconds < 90 ? `${String(seconds)} s` : seconds < 5400 ? `${String(Math.round(seconds / 60))} min` : `${(seconds / 3600).toFixed(1)} h`;
  return `Resets at ${new Date(time).toLocaleTimeString()} (in ${wait})`;
}
