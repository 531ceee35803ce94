import { describe, expect, it } from 'vitest';
import { cleanReferenceInput, referenceTarget } from './reference-target';

describe('referenceTarget', () => {
  it('opens a repository without tag or digest', () => {
    expect(referenceTarget('python')).toEqual({ ok: true, route: { kind: 'repo', repository: 'python' } });
    expect(referenceTarget(' docker.io/library/python ')).toEqual({ ok: true, route: { kind: 'repo', repository: 'python' } });
    expect(referenceTarget('127.0.0.1:5000/fixtures/app')).toEqual({ ok: true, route: { kind: 'repo', repository: '127.0.0.1:5000/fixtures/app' } });
  });
  it('opens an image with a tag or digest', () => {
    expect(referenceTarget('python:3.12-slim')).toEqual({ ok: true, route: { kind: 'image', reference: 'python:3.12-slim' } });
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(referenceTarget(`ghcr.io/acme/app@${digest}`)).toEqual({ ok: true, route: { kind: 'image', reference: `ghcr.io/acme/app@${digest}` } });
  });
  it('shows the parser message for invalid input', () => {
    const target = referenceTarget('https://example.com/x');
    expect(target.ok).toBe(false);
    if (!target.ok) expect(target.message).toMatch(/scheme/);
    expect(referenceTarget('').ok).toBe(false);
  });
});

describe('cleanReferenceInput', () => {
  it('takes pasted commands and Hub URLs', () => {
    expect(cleanReferenceInput('docker pull --platform linux/arm64 python:3.12')).toBe('python:3.12');
    expect(cleanReferenceInput('https://hub.docker.com/_/python')).toBe('python');
    expect(cleanReferenceInput('https://hub.docker.com/r/grafana/grafana/tags')).toBe('grafana/grafana');
  });
});
