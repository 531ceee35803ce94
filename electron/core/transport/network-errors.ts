import { RegscopeError, type ErrorStage } from '../../../shared/api/errors';

/**
 * Turns what undici and Node throw into one-sentence errors a user can act on.
 *
 * The interesting code is often on `error.cause` (fetch-style wrapping), so the whole chain is read.
 */

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current === 'object' && current !== null) {
      const code = (current as { code?: unknown }).code;
      if (typeof code === 'string') codes.push(code);
      current = (current as { cause?: unknown }).cause;
    } else break;
  }
  return codes;
}

/** True for failures where the same request may succeed on a fresh connection. */
export function isTransientNetworkError(error: unknown): boolean {
  return codesOf(error).some((code) => ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED'].includes(code));
}

/** Maps a network-level failure talking to `host` into a RegscopeError. */
export function networkError(error: unknown, host: string, stage: ErrorStage, reference?: string): RegscopeError {
  const codes = codesOf(error);
  const has = (...wanted: string[]) => codes.some((code) => wanted.includes(code));
  const base = { stage, ...(reference ? { reference } : {}) };
  if (has('UND_ERR_CONNECT_TIMEOUT')) return new RegscopeError({ ...base, code: 'timeout', message: `connecting to ${host} timed out` }, { cause: error });
  if (has('UND_ERR_HEADERS_TIMEOUT')) return new RegscopeError({ ...base, code: 'timeout', message: `${host} did not answer in time` }, { cause: error });
  if (has('UND_ERR_BODY_TIMEOUT')) return new RegscopeError({ ...base, code: 'timeout', message: `${host} stopped sending data` }, { cause: error });
  if (has('ECONNREFUSED')) return new RegscopeError({ ...base, code: 'unreachable', message: `cannot connect to ${host}: connection refused` }, { cause: error });
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME')) return new RegscopeError({ ...base, code: 'unreachable', message: `cannot resolve host ${host}` }, { cause: error });
  if (has('ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN')) return new RegscopeError({ ...base, code: 'unreachable', message: `network unreachable for ${host}` }, { cause: error });
  if (codes.some((code) => code.startsWith('ERR_TLS') || code.startsWith('CERT_') || code.includes('SELF_SIGNED') || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || code === 'ERR_SSL_WRONG_VERSION_NUMBER')) {
    return new RegscopeError({ ...base, code: 'tls', message: `TLS failed for ${host} (${codes.find((c) => c !== 'UND_ERR_SOCKET') ?? 'certificate error'}); use --insecure ${host} only if you trust this network` }, { cause: error });
  }
  if (isTransientNetworkError(error)) return new RegscopeError({ ...base, code: 'unreachable', message: `connection to ${host} was dropped` }, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new RegscopeError({ ...base, code: 'unreachable', message: `request to ${host} failed: ${message}` }, { cause: error });
}
