import { describe, expect, it } from 'vitest';
import { formatRelative, formatUtc } from './dates';

describe('formatUtc', () => {
  it('prints minutes in UTC', () => {
    expect(formatUtc('2024-03-01T14:02:59.123Z')).toBe('2024-03-01 14:02 UTC');
  });
  it('leaves a non-date alone', () => {
    expect(formatUtc('yesterday')).toBe('yesterday');
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2024-03-10T12:00:00Z');
  it('picks the largest whole unit', () => {
    expect(formatRelative('2024-03-07T12:00:00Z', now)).toBe('3 days ago');
    expect(formatRelative('2024-03-10T11:00:00Z', now)).toBe('1 hour ago');
  });
  it('names reproducible-build epochs', () => {
    expect(formatRelative('1970-01-01T00:00:00Z', now)).toBe('epoch (reproducible build)');
    expect(formatRelative('0001-01-01T00:00:00Z', now)).toBe('epoch (reproducible build)');
  });
  it('is empty for garbage', () => {
    expect(formatRelative('nope', now)).toBe('');
  });
});
