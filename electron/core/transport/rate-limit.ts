/**
 * Docker Hub's pull budget, read from the `ratelimit-*` headers it sends on manifest answers.
 *
 * `ratelimit-limit: 100;w=21600` and `ratelimit-remaining: 76;w=21600` (docker/docs pulls.md). The UI
 * shows it while browsing Docker Hub; other registries usually send nothing and the value stays unset.
 */
export interface RateLimitInfo {
  readonly limit: number;
  readonly remaining: number;
  /** Length of the window in seconds. */
  readonly windowSeconds?: number;
  /** `docker-ratelimit-source`: the account or IP the budget belongs to. */
  readonly source?: string;
  /** When the headers were seen (ISO). */
  readonly observedAt: string;
}

function parseBudget(value: string | undefined): { count: number; window?: number } | undefined {
  if (!value) return undefined;
  const match = /^\s*(\d{1,9})\s*(?:;\s*w\s*=\s*(\d{1,9}))?/.exec(value);
  if (!match) return undefined;
  return { count: Number(match[1]), ...(match[2] ? { window: Number(match[2]) } : {}) };
}

/** Reads the rate-limit headers of one answer, or undefined when it carried none. */
export function readRateLimit(headers: Readonly<Record<string, string>>, now: Date): RateLimitInfo | undefined {
  const limit = parseBudget(headers['ratelimit-limit']);
  const remaining = parseBudget(headers['ratelimit-remaining']);
  if (!limit || !remaining) return undefined;
  const windowSeconds = limit.window ?? remaining.window;
  const source = headers['docker-ratelimit-source'];
  return {
    limit: limit.count,
    remaining: remaining.count,
    ...(windowSeconds !== undefined ? { windowSeconds } : {}),
    ...(source ? { source } : {}),
    observedAt: now.toISOString(),
  };
}
