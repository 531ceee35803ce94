import { printable } from '../format/printable';
import { describe, expect, it } from 'vitest';
import { RegscopeError } from '../api/errors';
import { MAX_REFERENCE_LENGTH, parseReference, parseRepository } from './parse-reference';
import { familiarReference, formatReference } from './format-reference';

// Digests from distribution/reference's tests (normalize_test.go, reference_test.go).
const BUSYBOX = 'sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa';
const DBCC = 'sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c';
const FFFF = `sha256:${'f'.repeat(64)}`;
const SHA512 = `sha512:${'ab'.repeat(64)}`;
const HEX64 = '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a';

/** Expected fields; `tag`/`digest` absent means the parsed reference has no such key. */
type Expected = { registry: string; repository: string; tag?: string; digest?: string };

function thrown(fn: () => unknown): RegscopeError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RegscopeError) return error;
    throw new Error(`expected a RegscopeError, got ${String(error)}`);
  }
  throw new Error('expected an error, got none');
}

// reliability.md §4.3, rows that apply to ParseNormalizedNamed, plus the distribution/reference
// normalize_test.go tables. Rows written for raw `Parse` get the normalized reading; see the notes.
describe('parseReference: valid references', () => {
  it.each<[string, string, Expected, string]>([
    ['#1', 'redis', { registry: 'docker.io', repository: 'library/redis' }, 'redis'],
    ['#2', 'redis:latest', { registry: 'docker.io', repository: 'library/redis', tag: 'latest' }, 'redis:latest'],
    ['#3', 'dmcgowan/myapp', { registry: 'docker.io', repository: 'dmcgowan/myapp' }, 'dmcgowan/myapp'],
    ['#4', 'docker.io/foo', { registry: 'docker.io', repository: 'library/foo' }, 'foo'],
    ['#5', 'index.docker.io/library/ubuntu-12.04-base', { registry: 'docker.io', repository: 'library/ubuntu-12.04-base' }, 'ubuntu-12.04-base'],
    ['#6 nested library/ is not stripped', 'library/foo/bar', { registry: 'docker.io', repository: 'library/foo/bar' }, 'library/foo/bar'],
    ['#7 tag and digest', `busybox:latest@${BUSYBOX}`, { registry: 'docker.io', repository: 'library/busybox', tag: 'latest', digest: BUSYBOX }, `busybox:latest@${BUSYBOX}`],
    ['#8 localhost is a registry', 'localhost/fooo', { registry: 'localhost', repository: 'fooo' }, 'localhost/fooo'],
    ['#9', '127.0.0.1:8000/privatebase', { registry: '127.0.0.1:8000', repository: 'privatebase' }, '127.0.0.1:8000/privatebase'],
    ['#10 upper-case first component is a host', 'Foo/bar', { registry: 'Foo', repository: 'bar' }, 'Foo/bar'],
    ['#10', 'DOCKER/docker', { registry: 'DOCKER', repository: 'docker' }, 'DOCKER/docker'],
    ['#12 tags may be upper case', 'lowercase:Uppercase', { registry: 'docker.io', repository: 'library/lowercase', tag: 'Uppercase' }, 'lowercase:Uppercase'],
    ['#13 63 hex digits are a name', HEX64.slice(0, 63), { registry: 'docker.io', repository: `library/${HEX64.slice(0, 63)}` }, HEX64.slice(0, 63)],
    ['#14 64 hex digits after a domain', `docker.io/${HEX64}`, { registry: 'docker.io', repository: `library/${HEX64}` }, HEX64],
    // #15 is a Parse row (name test.com, tag 5000); normalized, a single component is a Hub name.
    ['#15 normalized', 'test.com:5000', { registry: 'docker.io', repository: 'library/test.com', tag: '5000' }, 'test.com:5000'],
    ['#15 normalized', '192.168.1.1:5000', { registry: 'docker.io', repository: 'library/192.168.1.1', tag: '5000' }, '192.168.1.1:5000'],
    ['#16', `test:5000/repo:tag@${FFFF}`, { registry: 'test:5000', repository: 'repo', tag: 'tag', digest: FFFF }, `test:5000/repo:tag@${FFFF}`],
    // #17 is a Parse row (domain foo); normalized, "foo" has no "." or ":" so it is a Hub namespace.
    ['#17 normalized', 'foo/foo_bar.com:8080', { registry: 'docker.io', repository: 'foo/foo_bar.com', tag: '8080' }, 'foo/foo_bar.com:8080'],
    ['#18 bracketed IPv6', `[2001:db8::1]:5000/repo:tag@${FFFF}`, { registry: '[2001:db8::1]:5000', repository: 'repo', tag: 'tag', digest: FFFF }, `[2001:db8::1]:5000/repo:tag@${FFFF}`],
    ['#20 punycode host', `xn--7o8h.com/myimage:xn--7o8h.com@${FFFF}`, { registry: 'xn--7o8h.com', repository: 'myimage', tag: 'xn--7o8h.com', digest: FFFF }, `xn--7o8h.com/myimage:xn--7o8h.com@${FFFF}`],
    ['#22 the 255 limit is on the path only', `example.com/${'a'.repeat(255)}`, { registry: 'example.com', repository: 'a'.repeat(255) }, `example.com/${'a'.repeat(255)}`],
    ['#25', 'b.gcr.io/test.example.com/my-app:test.example.com', { registry: 'b.gcr.io', repository: 'test.example.com/my-app', tag: 'test.example.com' }, 'b.gcr.io/test.example.com/my-app:test.example.com'],
    ['digest only', `redis@${DBCC}`, { registry: 'docker.io', repository: 'library/redis', digest: DBCC }, `redis@${DBCC}`],
    ['sha512 digest', `redis@${SHA512}`, { registry: 'docker.io', repository: 'library/redis', digest: SHA512 }, `redis@${SHA512}`],
    ['a single dotted component is a Hub name', '192.168.0.1', { registry: 'docker.io', repository: 'library/192.168.0.1' }, '192.168.0.1'],
    ['Docker FIXME: bare host:port is a Hub name and a tag', 'localhost:5000', { registry: 'docker.io', repository: 'library/localhost', tag: '5000' }, 'localhost:5000'],
    ['IPv6 registry', '[fc00::1]:5000/docker/docker', { registry: '[fc00::1]:5000', repository: 'docker/docker' }, '[fc00::1]:5000/docker/docker'],
    ['full IPv6 registry', '[fc00:1:2:3:4:5:6:7]:5000/library/debian', { registry: '[fc00:1:2:3:4:5:6:7]:5000', repository: 'library/debian' }, '[fc00:1:2:3:4:5:6:7]:5000/library/debian'],
    ['IPv4 registry', '192.168.0.1:8/debian', { registry: '192.168.0.1:8', repository: 'debian' }, '192.168.0.1:8/debian'],
    ['underscore namespace is not a host', 'test_com/foo', { registry: 'docker.io', repository: 'test_com/foo' }, 'test_com/foo'],
    ['punycode with port', 'xn--n3h.com:18080/foo', { registry: 'xn--n3h.com:18080', repository: 'foo' }, 'xn--n3h.com:18080/foo'],
    ['dashed host with port', 'test-com:8080/foo', { registry: 'test-com:8080', repository: 'foo' }, 'test-com:8080/foo'],
    ['double underscore', 'dock__er/docker', { registry: 'docker.io', repository: 'dock__er/docker' }, 'dock__er/docker'],
    ['dash runs', 'docker---rules/docker', { registry: 'docker.io', repository: 'docker---rules/docker' }, 'docker---rules/docker'],
    ['single characters', 'd/docker', { registry: 'docker.io', repository: 'd/docker' }, 'd/docker'],
    ['64 non-hex characters', 'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev', { registry: 'docker.io', repository: 'library/thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev' }, 'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev'],
    ['GHCR', 'ghcr.io/acme/app:1', { registry: 'ghcr.io', repository: 'acme/app', tag: '1' }, 'ghcr.io/acme/app:1'],
    ['repo-info example', 'python:3.8-rc-alpine', { registry: 'docker.io', repository: 'library/python', tag: '3.8-rc-alpine' }, 'python:3.8-rc-alpine'],
    ['longest tag', `python:${'t'.repeat(128)}`, { registry: 'docker.io', repository: 'library/python', tag: 't'.repeat(128) }, `python:${'t'.repeat(128)}`],
  ])('%s: %s', (_row, input, expected, familiar) => {
    const ref = parseReference(input);
    expect(ref).toStrictEqual(expected);
    expect(familiarReference(ref)).toBe(familiar);
    // The canonical form reads back to the same reference.
    expect(parseReference(formatReference(ref))).toStrictEqual(ref);
  });
});

describe('parseReference: Docker Hub aliases', () => {
  it.each([
    'python',
    'library/python',
    'docker.io/python',
    'docker.io/library/python',
    'index.docker.io/python',
    'index.docker.io/library/python',
    'registry-1.docker.io/python',
    'registry-1.docker.io/library/python',
  ])('%s is docker.io/library/python', (input) => {
    expect(parseReference(input)).toStrictEqual({ registry: 'docker.io', repository: 'library/python' });
  });

  it.each([
    ['index.docker.io/acme/app', 'acme/app'],
    ['registry-1.docker.io/acme/app', 'acme/app'],
    ['docker.io/library/foo/bar', 'library/foo/bar'],
  ])('%s stays in its namespace', (input, repository) => {
    expect(parseReference(input)).toStrictEqual({ registry: 'docker.io', repository });
  });
});

describe('parseReference: invalid references', () => {
  it.each<[string, string, string]>([
    ['#11', 'docker/Docker', 'repository name must be lowercase'],
    ['#11', 'docker.io/docker/Docker', 'repository name must be lowercase'],
    ['#12 normalized', 'Uppercase:tag', 'repository name must be lowercase'],
    ['#13 image IDs are not supported', HEX64, 'image ID'],
    ['#13', 'dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c', 'image ID'],
    ['#19 no path', '[2001:db8::1]', 'invalid repository name'],
    ['#19 no path', '[2001:db8::1]:5000', 'invalid repository name'],
    ['#19 zone id', '[fe80::1%eth0]:5000/repo', 'invalid registry host'],
    ['#19 unbracketed', 'fc00::1:5000/debian', 'invalid registry host'],
    ['#19 embedded IPv4', '[2001:db8:3:4::192.0.2.33]:5000/debian', 'invalid registry host'],
    ['#19', '[fc00::1]', 'invalid repository name'],
    ['#19', '[fc00::1]:5000', 'invalid repository name'],
    ['#21 short digest', `repo@sha256:${'f'.repeat(34)}`, 'has 64 hex digits, this one has 34'],
    ['#21 unknown algorithm', `validname@invaliddigest:${'e'.repeat(64)}`, 'unsupported digest algorithm "invaliddigest"'],
    ['#21 md5', `validname@md5:${'e'.repeat(32)}`, 'unsupported digest algorithm "md5"'],
    ['upper-case hex', `redis@sha256:${'F'.repeat(64)}`, 'must be lower case'],
    ['sha512 of sha256 length', `redis@sha512:${'f'.repeat(64)}`, 'a sha512 digest has 128 hex digits'],
    ['bad digest characters', 'redis@sha256:zz', 'invalid digest'],
    ['#22 path over 255', `example.com/${'a'.repeat(256)}:tag`, 'must not be more than 255 characters'],
    ['#22 normalized (domain/ is a Hub namespace)', `domain/${'a'.repeat(256)}:tag`, 'must not be more than 255 characters'],
    ['#23', 'aa/asdf$$^/aa', 'invalid repository name component "asdf$$^"'],
    ['#23', 'docker///docker', 'empty path component'],
    ['#23', '-docker', 'invalid repository name component "-docker"'],
    ['#23', 'docker-/docker', 'invalid repository name component "docker-"'],
    ['#23', '-docker-/docker', 'invalid repository name component'],
    // A "." makes the first component a registry host, so these fail as hosts.
    ['#23', 'dock..er/docker', 'invalid registry host "dock..er"'],
    ['#23', 'dock_.er/docker', 'invalid registry host "dock_.er"'],
    ['#23', 'dock-.er/docker', 'invalid registry host "dock-.er"'],
    ['#23 as a path', 'acme/dock..er', 'invalid repository name component "dock..er"'],
    ['#23 as a path', 'acme/dock_.er', 'invalid repository name component "dock_.er"'],
    ['#23', '____/____', 'invalid repository name component'],
    ['#23', '_docker/_docker', 'invalid repository name component'],
    ['#23', 'docker/', 'empty path component'],
    ['#23', '-docker.io/docker/docker', 'invalid registry host "-docker.io"'],
    ['#23', 'docker.io/docker///docker', 'empty path component'],
    ['#24', 'https://github.com/docker/docker', 'leave out "https://"'],
    ['namespace over 255', `${'this_is_not_a_valid_namespace_'.repeat(9)}/docker`, 'must not be more than 255 characters'],
    ['empty', '', 'the reference is empty'],
    ['empty tag', 'python:', 'the tag after ":" is empty'],
    ['tag starting with a dash', 'python:-rc', 'invalid tag "-rc"'],
    ['tag starting with a dot', 'python:.rc', 'invalid tag ".rc"'],
    ['tag of 129 characters', `python:${'t'.repeat(129)}`, 'invalid tag'],
    ['two colons', 'python:3:8', 'invalid tag "3:8"'],
    ['two @', `python@${FFFF}@${FFFF}`, 'more than one "@"'],
    ['digest without name', `@${FFFF}`, 'no repository name'],
    // Docker would read this as repository library/sha256 with a 64-hex tag; nobody means that.
    ['bare digest', FFFF, 'a digest alone does not name an image'],
    ['bare sha512 digest', SHA512, 'a digest alone does not name an image'],
    ['leading space', ' python', 'spaces or control characters'],
    ['newline', 'python\n', 'spaces or control characters'],
    ['NUL', 'python\u0000', 'spaces or control characters'],
    ['underscore host', 'foo_bar.com/x', 'invalid registry host "foo_bar.com"'],
    ['port out of range', 'localhost:99999/x', 'port 99999 is out of range'],
    ['port not digits', 'example.com:http/x', 'a port is ":" followed by digits'],
    ['non-ASCII host', 'exämple.com/x', 'invalid registry host'],
    ['non-ASCII path', 'acme/äpp', 'invalid repository name component'],
  ])('%s: %s', (_row, input, message) => {
    const error = thrown(() => parseReference(input));
    expect(error.data.code).toBe('invalid-reference');
    expect(error.data.stage).toBe('reference');
    // Echoed back printable: a newline or NUL in the input shows as `?`, never raw.
    expect(error.data.reference).toBe(printable(input));
    expect(error.data.message).toContain(message);
  });

  it('refuses input over the length cap by its length, and does not echo all of it', () => {
    const input = `a/${'b'.repeat(MAX_REFERENCE_LENGTH)}`;
    const error = thrown(() => parseReference(input));
    expect(error.data.message).toMatch(/too long \(4098 characters; at most 4096\)/);
    expect(error.data.reference?.length).toBeLessThan(400);
  });
});

describe('parseRepository', () => {
  it.each<[string, Expected]>([
    ['python', { registry: 'docker.io', repository: 'library/python' }],
    ['acme/app', { registry: 'docker.io', repository: 'acme/app' }],
    ['ghcr.io/acme/app', { registry: 'ghcr.io', repository: 'acme/app' }],
    ['127.0.0.1:5000/x/y', { registry: '127.0.0.1:5000', repository: 'x/y' }],
  ])('%s', (input, expected) => {
    expect(parseRepository(input)).toStrictEqual(expected);
  });

  it.each([
    ['python:3.8', 'use "python"'],
    [`python@${FFFF}`, 'use "python"'],
    [`ghcr.io/acme/app:1@${FFFF}`, 'use "ghcr.io/acme/app"'],
  ])('refuses %s, which names an image', (input, message) => {
    const error = thrown(() => parseRepository(input));
    expect(error.data).toMatchObject({ code: 'invalid-reference', stage: 'reference', reference: input });
    expect(error.data.message).toContain('a repository name has no tag or digest');
    expect(error.data.message).toContain(message);
  });

  it('passes on parse errors', () => {
    expect(thrown(() => parseRepository('docker/Docker')).data.message).toBe('repository name must be lowercase');
  });
});
