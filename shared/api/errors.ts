import { printable } from '../format/printable';

/**
 * Errors as data: what crosses every boundary (IPC, HTTP, CLI) is `{code, message, stage}`, never a
 * stack trace. Custom Error subclasses do not survive structured cloning, a code the UI can switch
 * on does.
 */

/** Every failure the app distinguishes. The UI picks its advice by code, so keep the list closed. */
export const ERROR_CODES = [
  'invalid-reference',
  'invalid-argument',
  'unreachable',
  'timeout',
  'tls',
  'auth-required',
  'auth-failed',
  'forbidden',
  'not-found',
  'rate-limited',
  'too-large',
  'digest-mismatch',
  'invalid-manifest',
  'unsupported-media-type',
  'unsafe-url',
  'redirect-limit',
  'not-a-registry',
  'registry-error',
  'credential-helper',
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where in the work the failure happened; printed as `regscope: <stage>: …`. */
export const ERROR_STAGES = [
  'reference',
  'ping',
  'auth',
  'manifest',
  'config',
  'blob',
  'tags',
  'credentials',
  'export',
  'request',
] as const;
export type ErrorStage = (typeof ERROR_STAGES)[number];

/** The serialisable form of an error. */
export interface ErrorData {
  readonly code: ErrorCode;
  /** One sentence a user understands, without the reference (that is its own field). */
  readonly message: string;
  readonly stage: ErrorStage;
  /** The image reference, repository or URL the failing work was for. */
  readonly reference?: string;
  /** HTTP status of the answer that caused it, when there was one. */
  readonly status?: number;
  /** When a rate limit resets, as an ISO date, when the registry said so. */
  readonly retryAt?: string;
}

/**
 * An error the core throws on purpose; everything else is a bug and becomes `internal`.
 *
 * Messages often quote what a registry sent (a media type, a JSON key): every message and reference
 * is made printable here, once, so no terminal escape or direction override reaches a user.
 */
export class RegscopeError extends Error {
  readonly data: ErrorData;
  constructor(data: ErrorData, options?: { cause?: unknown }) {
    const safe: ErrorData = { ...data, message: printable(data.message, 1000), ...(data.reference !== undefined ? { reference: printable(data.reference, 300) } : {}) };
    super(safe.message, options);
    this.name = 'RegscopeError';
    this.data = safe;
  }
  /** The same error, now naming the reference it was for (the first one named wins). */
  withReference(reference: string): RegscopeError {
    if (this.data.reference) return this;
    return new RegscopeError({ ...this.data, reference }, { cause: this.cause });
  }
}

/** Turns anything thrown into error data; unknown throwables become `internal` with their message. */
export function toErrorData(error: unknown, fallback: { stage: ErrorStage; reference?: string }): ErrorData {
  if (error instanceof RegscopeError) {
    return error.data.reference || !fallback.reference ? error.data : { ...error.data, reference: fallback.reference };
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return { code: 'cancelled', message: 'the operation was cancelled', ...fallback };
  }
  const message = printable(error instanceof Error ? error.message : String(error), 1000);
  return { code: 'internal', message: message || 'unexpected failure', ...fallback };
}

/** The one-line CLI form: `<stage>: <what failed> (<reference>)`. */
export function formatErrorLine(data: ErrorData): string {
  return `${data.stage}: ${data.message}${data.reference ? ` (${data.reference})` : ''}`;
}
