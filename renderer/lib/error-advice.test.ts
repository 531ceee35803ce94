import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/api/errors';
import { adviseError, registryOf, repositoryOf, retryAtText } from './error-advice';

describe('adviseError', () => {
  it.each(ERROR_CODES)('has advice for %s', (code) => {
    const advice = adviseError({ code, message: 'm', stage: 'request' });
    expect(advice.title).not.toBe('');
    expect(advice.hint).not.toBe('');
  });
  it('offers sign-in for auth errors and the repository for not-found', () => {
    expect(adviseError({ code: 'auth-required', message: '', stage: 'auth' }).actions).toContain('sign-in');
    expect(adviseError({ code: 'auth-failed', message: '', stage: 'auth' }).actions).toContain('sign-in');
    expect(adviseError({ code: 'not-found', message: '', stage: 'manifest' }).actions).toContain('open-repository');
    expect(adviseError({ code: 'unreachable', message: '', stage: 'ping' }).actions[0]).toBe('retry');
  });
});

describe('registryOf / repositoryOf', () => {
  it('reads references and URLs', () => {
    expect(registryOf('python:3.12')).toBe('docker.io');
    expect(registryOf('127.0.0.1:5000/x/y:1')).toBe('127.0.0.1:5000');
    expect(registryOf('https://ghcr.io/v2/')).toBe('ghcr.io');
    expect(registryOf('not a ref')).toBeUndefined();
    expect(repositoryOf('docker.io/library/python:3.12')).toBe('python');
    expect(repositoryOf('ghcr.io/acme/app@sha256:' + '0'.repeat(64))).toBe('ghcr.io/acme/app');
  });
});

describe('retryAtText', () => {
  it('says when and how long', () => {
    const now = Date.parse('2024-01-01T00:00:00Z');
    expect(retryAtText('2024-01-01T00:03:00Z', now)).toMatch(/\(in 3 min\)$/);
    expect(retryAtText('2024-01-01T00:00:30Z', now)).toMatch(/\(in 30 s\)$/);
    expect(retryAtText(undefined, now)).toBeUndefined();
  });
});
