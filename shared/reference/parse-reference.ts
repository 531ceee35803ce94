import { DOCKER_HUB, type ImageReference } from './reference-model';
import { clip, invalidReference } from './reference-error';
import { digestProblem, domainProblem, repositoryProblem, tagProblem } from './reference-grammar';
import { familiarRepository } from './format-reference';

// The rest of the reference API lives in small files beside this one; it is re-exported here so
// callers have one entry point for "what a user typed" → ImageReference → text.
export { formatReference, familiarRepository, familiarReference } from './format-reference';
export { withTag, withDigest } from './reference-setters';
export { isValidTag, isValidDigest } from './reference-grammar';

/**
 * Longest input the parser looks at.
 *
 * The longest valid reference is a few hundred characters (a 255-character path, a 128-character
 * tag, a sha512 digest, a DNS name). reliability.md §4.3 asks for a cap of at most 4 KiB before any
 * regex runs, because JS regexes backtrack.
 */
export const MAX_REFERENCE_LENGTH = 4096;

/** Registry names that mean Docker Hub, besides `docker.io` itself. */
const DOCKER_HUB_ALIASES: ReadonlySet<string> = new Set([
  // distribution/reference normalize.go `legacyDefaultDomain`: canonicalised to docker.io.
  'index.docker.io',
  // Docker Hub's actual API host (normalize.go comment). Docker keeps it as a separate name, but it
  // serves the same repositories and the same credentials (`https://index.docker.io/v1/`) apply;
  // Renovate folds it into Hub the same way (lib/modules/datasource/docker/common.ts).
  'registry-1.docker.io',
]);

/** Docker Hub's namespace for official images: `python` → `library/python` (normalize.go `officialRepoPrefix`). */
const OFFICIAL_PREFIX = 'library/';

// ParseNormalizedNamed refuses a bare 64-hex string: it is an image ID, not a name (normalize.go).
const IMAGE_ID = /^[a-f0-9]{64}$/;

// `sha256:<hex>` alone: Docker's ParseNormalizedNamed would read repository `library/sha256` with a
// hex tag. ParseAnyReference reads it as a digest-only reference, which regscope does not support
// (it needs a repository to ask), so it gets an error that says what to do instead.
const BARE_DIGEST = /^sha(?:256|512):[0-9A-Fa-f]{32,}$/;

/**
 * Parses what a user types (`python:3.8`, `ghcr.io/acme/app@sha256:…`) into a normalised reference.
 *
 * Docker's rules (distribution/reference `ParseNormalizedNamed`): without a registry the image is on
 * Docker Hub (`docker.io`), and a one-component Hub name gets `library/`. The first path component is
 * a registry when it contains `.` or `:`, is `localhost`, or has upper case (`Foo/bar` → registry
 * `Foo`); `index.docker.io` becomes `docker.io`. A tag, a digest, or both may follow. A missing tag
 * stays missing: the caller decides whether that means `latest`.
 *
 * Deviations, each stricter or friendlier than Docker: `registry-1.docker.io` is also read as Docker
 * Hub; a first component taken as a registry must be a valid host (Docker would then re-read
 * `foo_bar.com/x` as a registry-less path); ports must be 1–65535; only sha256 and sha512 digests;
 * a bare `sha256:<hex>` is refused instead of read as repository `library/sha256`.
 *
 * @throws RegscopeError `invalid-reference` (stage `reference`) saying what is wrong.
 */
export function parseReference(input: string): ImageReference {
  const fail = (message: string) => invalidReference(typeof input === 'string' ? input : '', message);
  if (typeof input !== 'string') throw fail('the reference must be text');
  if (input.length > MAX_REFERENCE_LENGTH) {
    throw fail(`the reference is too long (${input.length} characters; at most ${MAX_REFERENCE_LENGTH})`);
  }
  if (input === '') throw fail('the reference is empty');
  if (/[\s\u0000-\u001f\u007f]/.test(input)) throw fail('the reference must not contain spaces or control characters');
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(input);
  if (scheme) throw fail(`a reference has no URL scheme: leave out "${clip(scheme[0], 32)}"`);
  if (BARE_DIGEST.test(input)) {
    throw fail('a digest alone does not name an image: put the repository in front, as in python@sha256:…');
  }
  if (IMAGE_ID.test(input)) {
    throw fail('a 64-character hexadecimal string is an image ID, not a repository name; use name@sha256:… for a digest');
  }

  // 1. The digest: everything after the "@" (names, tags and digests never contain one).
  const at = input.indexOf('@');
  if (at >= 0 && input.indexOf('@', at + 1) >= 0) throw fail('invalid reference format: more than one "@"');
  const nameAndTag = at < 0 ? input : input.slice(0, at);
  const digest = at < 0 ? undefined : input.slice(at + 1);
  if (digest !== undefined) {
    const problem = digestProblem(digest);
    if (problem) throw fail(problem);
  }
  if (nameAndTag === '') throw fail('the reference has a digest but no repository name');

  // 2. The registry: normalize.go `splitDockerDomain`.
  const { registry, rest } = splitRegistry(nameAndTag);
  const registryProblem = registry === DOCKER_HUB ? undefined : domainProblem(registry);
  if (registryProblem) throw fail(registryProblem);

  // 3. The tag: after the first ":" of what follows the registry (paths have no ":").
  const colon = rest.indexOf(':');
  const repository = colon < 0 ? rest : rest.slice(0, colon);
  const tag = colon < 0 ? undefined : rest.slice(colon + 1);
  const pathProblem = repositoryProblem(repository);
  if (pathProblem) throw fail(pathProblem);
  if (tag !== undefined) {
    const problem = tagProblem(tag);
    if (problem) throw fail(problem);
  }

  return {
    registry,
    repository,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

/**
 * Parses a repository name without tag or digest (`python`, `ghcr.io/acme/app`), as the tag browser
 * takes it.
 *
 * A tag or digest is refused rather than dropped: `#/repo/python:3.8` is almost certainly meant as
 * an image, and silently browsing `python` would hide that.
 *
 * @throws RegscopeError `invalid-reference` (stage `reference`).
 */
export function parseRepository(input: string): ImageReference {
  const ref = parseReference(input);
  if (ref.tag === undefined && ref.digest === undefined) return ref;
  const repository = familiarRepository(ref);
  throw invalidReference(input, `a repository name has no tag or digest: use "${clip(repository, 64)}"`);
}

/** normalize.go `splitDockerDomain`: the registry, and the rest (path, tag) with `library/` added on Hub. */
function splitRegistry(nameAndTag: string): { registry: string; rest: string } {
  const slash = nameAndTag.indexOf('/');
  // A single component ("ubuntu", "ubuntu:22.04") is always a Docker Hub official image. Docker's
  // FIXME: bare "localhost" or "example.com:5000" are read the same way (reliability.md §4.3 gotchas).
  if (slash < 0) return { registry: DOCKER_HUB, rest: OFFICIAL_PREFIX + nameAndTag };
  const first = nameAndTag.slice(0, slash);
  const remainder = nameAndTag.slice(slash + 1);
  let registry: string;
  let rest: string;
  if (first === 'localhost') {
    // A reserved name, always a registry.
    [registry, rest] = [first, remainder];
  } else if (first === DOCKER_HUB || DOCKER_HUB_ALIASES.has(first)) {
    [registry, rest] = [DOCKER_HUB, remainder];
  } else if (/[.:]/.test(first) || /[A-Z]/.test(first)) {
    // A "." or ":" means a host name, IP address or port; upper case is never valid in a path, so
    // an upper-case first component can only be a host (normalize.go).
    [registry, rest] = [first, remainder];
  } else {
    [registry, rest] = [DOCKER_HUB, nameAndTag];
  }
  // Only Docker Hub has the implicit `library/` namespace: docker.io/ubuntu → docker.io/library/ubuntu.
  if (registry === DOCKER_HUB && !rest.includes('/')) rest = OFFICIAL_PREFIX + rest;
  return { registry, rest };
}
