/**
 * A parsed, normalised image reference, the way Docker reads what a user types.
 *
 * `python` → registry `docker.io`, repository `library/python`, tag `latest` is *not* filled in here:
 * the caller decides whether a missing tag means `latest` (a report) or "the repository" (the tag
 * browser). Values are immutable; derive new ones with object spread.
 */
export interface ImageReference {
  /** Canonical registry host, with port when one was given: `docker.io`, `ghcr.io`, `127.0.0.1:5000`, `[::1]:5000`. */
  readonly registry: string;
  /** Repository path inside the registry: `library/python`, `acme/app`, `a/b/c`. */
  readonly repository: string;
  /** Tag, when one was given. */
  readonly tag?: string;
  /** Digest (`algorithm:hex`), when one was given. */
  readonly digest?: string;
}

/** Docker Hub's canonical reference domain. */
export const DOCKER_HUB = 'docker.io';
