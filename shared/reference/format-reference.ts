import { DOCKER_HUB, type ImageReference } from './reference-model';

/**
 * The canonical full form: `docker.io/library/python:3.8@sha256:…`.
 *
 * Parsing it again gives the same reference; it is what logs, cache keys and exports use.
 */
export function formatReference(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}${suffix(ref)}`;
}

/**
 * The repository as Docker's UI writes it: `python`, `acme/app`, `ghcr.io/acme/app`, `localhost:5000/x`.
 *
 * normalize.go `familiarizeName`: `docker.io/` is dropped, and `library/` only when nothing else
 * follows it, so a nested `library/foo/bar` keeps its prefix.
 */
export function familiarRepository(ref: ImageReference): string {
  if (ref.registry !== DOCKER_HUB) return `${ref.registry}/${ref.repository}`;
  if (ref.repository.startsWith('library/')) {
    const name = ref.repository.slice('library/'.length);
    if (!name.includes('/')) return name;
  }
  return ref.repository;
}

/** The whole reference as Docker's UI writes it: `python:3.8-rc-alpine`, `python@sha256:…`, `ghcr.io/a/b:1`. */
export function familiarReference(ref: ImageReference): string {
  return `${familiarRepository(ref)}${suffix(ref)}`;
}

function suffix(ref: ImageReference): string {
  return `${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}
