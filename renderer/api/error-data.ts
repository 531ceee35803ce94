import { ERROR_CODES, ERROR_STAGES, toErrorData, type ErrorData } from '../../shared/api/errors';

/**
 * Checking that something is `ErrorData`: the HTTP client reads it from the network and the query
 * hooks throw it, so neither can trust its shape blindly.
 */

const CODES: ReadonlySet<string> = new Set(ERROR_CODES);
const STAGES: ReadonlySet<string> = new Set(ERROR_STAGES);

/** True when `value` has a known code, a message and a known stage. */
export function isErrorData(value: unknown): value is ErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record['code'] === 'string' && CODES.has(record['code']) && typeof record['message'] === 'string' && typeof record['stage'] === 'string' && STAGES.has(record['stage']);
}

/**
 * `ErrorData` from untrusted JSON: known fields copied with their types checked, unknown fields
 * dropped; undefined when the code, message or stage is not what the contract allows.
 */
export function readErrorData(value: unknown): ErrorData | undefined {
  if (!isErrorData(value)) return undefined;
  const record = value as unknown as Record<string, unknown>;
  const reference = record['reference'];
  const status = record['status'];
  const retryAt = record['retryAt'];
  return {
    code: value.code,
    message: value.message,
    stage: value.stage,
    ...(typeof reference === 'string' ? { reference } : {}),
    ...(typeof status === 'number' ? { status } : {}),
    ...(typeof retryAt === 'string' ? { retryAt } : {}),
  };
}

/** Anything caught, as `ErrorData` (error data passes through unchanged). */
export function asErrorData(error: unknown): ErrorData {
  return isErrorData(error) ? error : toErrorData(error, { stage: 'request' });
}
