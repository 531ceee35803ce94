import { describe, expect, it } from 'vitest';
import { readRateLimit } from './rate-limit';

describe('readRateLimit', () => {
  const at = new Date('2026-01-01T00:00:00Z');
  it('reads Docker Hub headers', () => {
    expect(readRateLimit({ 'ratelimit-limit': '100;w=21600', 'ratelimit-remaining': '76;w=21600', 'docker-ratelimit-source': '203.0.113.7' }, at)).toEqual({
      limit: 100,
      remaining: 76,
      windowSeconds: 21600,
      source: '203.0.113.7',
      observedAt: '2026-01-01T00:00:00.000Z',
    });
  });
  it.each([[{}], [{ 'ratelimit-limit': '100' }], [{ 'ratelimit-limit': 'lots', 'ratelimit-remaining': 'some' }]])('ignores incomplete or garbage headers %j', (headers) => {
    expect(readRateLimit(headers, at)).toBeUndefined();
  });
});
