/**
 * When a failed request is worth repeating, and how long to wait first.
 *
 * 429 and the transient 5xx answers are retried a bounded number of times with exponential backoff;
 * a `Retry-After` is honoured only up to a cap, because a registry answering "come back in a day"
 * must become an error the user sees, not a hung window (reliability.md §5 row 23).
 */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** Backoff before the first retry; doubled each time, with jitter. */
  readonly baseDelayMs: number;
  /** Longest wait the client accepts, from backoff or `Retry-After`. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 250, maxDelayMs: 20_000 };

const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

/** True for answers that a later attempt may turn into a success. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * Parses `Retry-After` (delta seconds or an HTTP date) into milliseconds from `now`.
 *
 * Returns undefined for garbage, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,10}$/.test(trimmed)) return Number(trimmed) * 1000;
  // Only an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`): Date.parse would read "-5" as a year.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Backoff before retry number `attempt` (0-based), with ±25 % jitter, capped. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const base = policy.baseDelayMs * 2 ** attempt;
  const jittered = base * (0.75 + random() * 0.5);
  return Math.min(policy.maxDelayMs, Math.round(jittered));
}
