/**
 * The pieces of the image reference grammar, checked one at a time.
 *
 * The grammar is distribution/reference's (regexp.go, reference.go): the same atoms, but applied to
 * parts the caller has already split off, never as one big pattern over the whole input. JS regexes
 * backtrack (Go's RE2 does not), so each pattern here is anchored, has no nested ambiguous
 * quantifiers, and only ever sees a part of an input that `parseReference` has capped in length.
 */

/** Longest repository path (`library/python`), excluding the registry: reference.go `RepositoryNameTotalLengthMax`. */
export const MAX_REPOSITORY_LENGTH = 255;

/** Longest tag: regexp.go `tag = [\w][\w.-]{0,127}`. */
export const MAX_TAG_LENGTH = 128;

// regexp.go `tag`. JS `\w` is ASCII-only like Go's, so the class is the same.
const TAG = /^\w[\w.-]{0,127}$/;

// regexp.go `digestPat`: algorithm components joined by one of `-_+.`, a colon, ≥ 32 hex digits.
const DIGEST_SHAPE = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}$/;

// Go's reference package accepts any registered algorithm (go-digest: sha256, sha384, sha512). The
// OCI image-spec registers sha256 and sha512 (descriptor.md "Registered algorithms"); registries
// serve those two. The encoded part must then be lower-case hex of exactly the hash's size
// (go-digest `Digest.Validate`: ErrDigestInvalidLength, then the `[a-f0-9]` pattern).
const DIGEST_HEX_LENGTH: ReadonlyMap<string, number> = new Map([
  ['sha256', 64],
  ['sha512', 128],
]);

// Longest digest worth looking at: `sha512:` plus 128 hex digits is 135 characters.
const MAX_DIGEST_LENGTH = 256;

// regexp.go `pathComponent`: alphanumerics joined by one `.`, one or two `_`, or any run of `-`.
// The separators and the alphanumeric class are disjoint, so a failing match backtracks linearly.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

// regexp.go `domainNameComponent`, checked without the alternation: letters, digits, inner dashes.
const DOMAIN_LABEL_CHARS = /^[A-Za-z0-9-]+$/;

// regexp.go `ipv6address`: deliberately loose (`[a-fA-F0-9:]+`), no zone id, no embedded IPv4.
const IPV6_CHARS = /^[0-9A-Fa-f:]+$/;

const DIGITS = /^[0-9]+$/;

/** True when `tag` is a valid tag: 1–128 of `[A-Za-z0-9_.-]`, not starting with `.` or `-`. */
export function isValidTag(tag: string): boolean {
  return tag.length <= MAX_TAG_LENGTH && TAG.test(tag);
}

/** Why `tag` is not a valid tag, in words; undefined when it is valid. */
export function tagProblem(tag: string): string | undefined {
  if (isValidTag(tag)) return undefined;
  if (tag === '') return 'invalid tag: the tag after ":" is empty';
  return `invalid tag "${quoteClip(tag)}": a tag is 1 to 128 letters, digits, "_", "." or "-", and does not start with "." or "-"`;
}

/** True when `digest` is `sha256:` + 64 or `sha512:` + 128 lower-case hex digits. */
export function isValidDigest(digest: string): boolean {
  return digestProblem(digest) === undefined;
}

/** Why `digest` is not a usable digest, in words; undefined when it is valid. */
export function digestProblem(digest: string): string | undefined {
  if (digest.length > MAX_DIGEST_LENGTH) return 'invalid digest: it is too long';
  if (!DIGEST_SHAPE.test(digest)) {
    return `invalid digest "${quoteClip(digest)}": expected algorithm:hex, e.g. sha256: followed by 64 hex digits`;
  }
  const colon = digest.indexOf(':');
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  const expected = DIGEST_HEX_LENGTH.get(algorithm);
  if (expected === undefined) return `invalid digest: unsupported digest algorithm "${quoteClip(algorithm)}" (sha256 or sha512)`;
  if (hex.length !== expected) {
    return `invalid digest: a ${algorithm} digest has ${expected} hex digits, this one has ${hex.length}`;
  }
  if (hex !== hex.toLowerCase()) return 'invalid digest: hex digits must be lower case';
  return undefined;
}

/**
 * Why `domain` is not a valid registry host (`host[:port]`), in words; undefined when it is valid.
 *
 * Hosts are DNS-style names or dotted IPv4 (regexp.go `domainName`) or bracketed IPv6
 * (`ipv6address`), with an optional port (`optionalPort`).
 */
export function domainProblem(domain: string): string | undefined {
  const invalid = `invalid registry host "${quoteClip(domain)}"`;
  let host: string;
  let rest: string;
  if (domain.startsWith('[')) {
    const close = domain.indexOf(']');
    if (close < 0) return invalid;
    const address = domain.slice(1, close);
    if (!IPV6_CHARS.test(address)) {
      return `${invalid}: an IPv6 address in brackets has only hex digits and ":" (no zone id, no embedded IPv4)`;
    }
    host = domain.slice(0, close + 1);
    rest = domain.slice(close + 1);
  } else {
    const colon = domain.indexOf(':');
    host = colon < 0 ? domain : domain.slice(0, colon);
    rest = colon < 0 ? '' : domain.slice(colon);
    const labels = host.split('.');
    for (const label of labels) {
      if (!DOMAIN_LABEL_CHARS.test(label) || label.startsWith('-') || label.endsWith('-')) return invalid;
    }
  }
  if (rest === '') return undefined;
  const port = rest.slice(1);
  if (!rest.startsWith(':') || !DIGITS.test(port)) return `${invalid}: a port is ":" followed by digits`;
  // Go's grammar takes any digits; a port past 65535 can never connect, so say so here.
  if (Number(port) < 1 || Number(port) > 65535) return `${invalid}: port ${quoteClip(port)} is out of range`;
  return undefined;
}

/**
 * Why `path` is not a valid repository path (`library/python`), in words; undefined when it is valid.
 *
 * Upper case is reported first, as ParseNormalizedNamed does ("repository name must be lowercase").
 */
export function repositoryProblem(path: string): string | undefined {
  // ASCII only: Go lower-cases Unicode too, but any non-ASCII letter is invalid anyway, and
  // JS Unicode case mapping can change a string's length.
  if (/[A-Z]/.test(path)) return 'repository name must be lowercase';
  if (path.length > MAX_REPOSITORY_LENGTH) {
    return `repository name must not be more than ${MAX_REPOSITORY_LENGTH} characters (this one has ${path.length})`;
  }
  for (const component of path.split('/')) {
    if (component === '') return 'invalid repository name: it has an empty path component (a leading, trailing or double "/")';
    if (!PATH_COMPONENT.test(component)) {
      return `invalid repository name component "${quoteClip(component)}": use lower-case letters and digits, separated by ".", "_", "__" or dashes`;
    }
  }
  return undefined;
}

/** A part of the input short enough to quote inside a message. */
function quoteClip(text: string): string {
  return text.length <= 64 ? text : `${text.slice(0, 64)}…`;
}
