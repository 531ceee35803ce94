import { describe, expect, it } from 'vitest';
import type { ImageReference } from './reference-model';
import { familiarReference, familiarRepository, formatReference } from './format-reference';

const D = `sha256:${'a'.repeat(64)}`;

describe('formatReference / familiarRepository / familiarReference', () => {
  it.each<[ImageReference, string, string, string]>([
    [{ registry: 'docker.io', repository: 'library/python', tag: '3.8' }, `docker.io/library/python:3.8`, 'python', 'python:3.8'],
    [{ registry: 'docker.io', repository: 'library/python', tag: '3.8', digest: D }, `docker.io/library/python:3.8@${D}`, 'python', `python:3.8@${D}`],
    [{ registry: 'docker.io', repository: 'library/python', digest: D }, `docker.io/library/python@${D}`, 'python', `python@${D}`],
    [{ registry: 'docker.io', repository: 'acme/app' }, 'docker.io/acme/app', 'acme/app', 'acme/app'],
    [{ registry: 'docker.io', repository: 'library/foo/bar' }, 'docker.io/library/foo/bar', 'library/foo/bar', 'library/foo/bar'],
    [{ registry: 'docker.io', repository: 'other/library' }, 'docker.io/other/library', 'other/library', 'other/library'],
    [{ registry: 'ghcr.io', repository: 'acme/app', tag: '1' }, 'ghcr.io/acme/app:1', 'ghcr.io/acme/app', 'ghcr.io/acme/app:1'],
    [{ registry: 'ghcr.io', repository: 'library/app' }, 'ghcr.io/library/app', 'ghcr.io/library/app', 'ghcr.io/library/app'],
    [{ registry: 'localhost:5000', repository: 'x' }, 'localhost:5000/x', 'localhost:5000/x', 'localhost:5000/x'],
    [{ registry: '[::1]:5000', repository: 'x', tag: 'v1' }, '[::1]:5000/x:v1', '[::1]:5000/x', '[::1]:5000/x:v1'],
  ])('%j', (ref, full, repository, familiar) => {
    expect(formatReference(ref)).toBe(full);
    expect(familiarRepository(ref)).toBe(repository);
    expect(familiarReference(ref)).toBe(familiar);
  });
});
