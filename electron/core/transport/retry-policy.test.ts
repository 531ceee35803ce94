import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from './retry-policy';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Thu, 01 Jan 2026 00:01:00 GMT', 60_000],
    ['Wed, 31 Dec 2025 00:00:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined],
    ['-5', undefined],
  ])('%j → %j ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('retry decisions', () => {
  it.each([[429, true], [503, true], [502, true], [500, true], [404, false], [401, false], [501, false], [200, false]])('status %i retryable: %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });

  it('backs off exponentially with jitter and a cap', () => {
    const policy = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(0, policy, () => 0.5)).toBe(100);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(400);
    expect(backoffDelay(2, policy, () => 0)).toBe(300);
    expect(backoffDelay(10, policy, () => 1)).toBe(1000);
  });
});
