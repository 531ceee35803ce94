import { createHash } from 'node:crypto';
import { RegscopeError, type ErrorStage } from '../../../shared/api/errors';

/**
 * Content digests: computing them over the exact bytes received, and comparing with what was promised.
 */

const VERIFIABLE = /^(?:sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$/;

/** `sha256:<hex>` of the bytes (or sha512 when asked). */
export function digestOf(bytes: Uint8Array, algorithm: 'sha256' | 'sha512' = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** True for a well-formed sha256/sha512 digest: a malformed `Docker-Content-Digest` is ignored, not trusted. */
export function isVerifiableDigest(value: string | undefined): value is string {
  return value !== undefined && value.length <= 135 && VERIFIABLE.test(value);
}

/** Throws `digest-mismatch` unless `bytes` hash to `expected`. */
export function verifyDigest(bytes: Uint8Array, expected: string, what: { stage: ErrorStage; reference?: string; source: string }): void {
  if (!isVerifiableDigest(expected as string | undefined)) {
    throw new RegscopeError({ code: 'unsupported-media-type', stage: what.stage, message: `cannot verify digest ${String(expected).slice(0, 80)}: unsupported algorithm`, ...(what.reference ? { reference: what.reference } : {}) });
  }
  const algorithm = expected.startsWith('sha512:') ? 'sha512' : 'sha256';
  const actual = digestOf(bytes, algorithm);
  if (actual !== expected) {
    throw new RegscopeError({
      code: 'digest-mismatch',
      stage: what.stage,
      message: `${what.source} is ${actual}, expected ${expected}`,
      ...(what.reference ? { reference: what.reference } : {}),
    });
  }
}
