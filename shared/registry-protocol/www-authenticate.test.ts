import { describe, expect, it } from 'vitest';
import { RegscopeError } from '../api/errors';
import { MAX_WWW_AUTHENTICATE_LENGTH, parseWwwAuthenticate, type Challenge } from './www-authenticate';

/** A challenge as the tests write it: scopes default to none. */
function challenge(scheme: string, params: Record<string, string>, scopes: string[] = [], token68?: string): Challenge {
  return { scheme, params, scopes, ...(token68 !== undefined ? { token68 } : {}) };
}

// Every vector of reliability.md §1.2, plus the real-world headers it cites.
describe('parseWwwAuthenticate: accepted headers', () => {
  it.each<[string, string, Challenge[]]>([
    [
      'ggcr: escapes in quoted strings, unquoted token value',
      String.raw`Bearer realm="https://auth.example.com/token",service="registry.example.com",other=fun,slashed="he\"\l\lo"`,
      [challenge('bearer', { realm: 'https://auth.example.com/token', service: 'registry.example.com', other: 'fun', slashed: 'he"llo' })],
    ],
    ['regclient: case-insensitive scheme and key', 'BaSiC ReAlM="Case insensitive key"', [challenge('basic', { realm: 'Case insensitive key' })]],
    ['regclient: unquoted value', 'Basic realm=unquoted', [challenge('basic', { realm: 'unquoted' })]],
    ['regclient: unquoted "/"', 'Basic realm=/', [challenge('basic', { realm: '/' })]],
    ['regclient: quoted scheme and key', '"Basic" "realm"=/', [challenge('basic', { realm: '/' })]],
    ['space after the comma', 'Basic realm="Dev", charset="UTF-8"', [challenge('basic', { realm: 'Dev', charset: 'UTF-8' })]],
    [
      'several challenges in one header',
      'Bearer realm="https://ghcr.io/token", service="ghcr.io", scope="repository:user/image:pull", Basic realm="GitHub Package Registry"',
      [
        challenge('bearer', { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:user/image:pull' }, ['repository:user/image:pull']),
        challenge('basic', { realm: 'GitHub Package Registry' }),
      ],
    ],
    [
      'containerd: an empty quoted value is present',
      'Bearer realm="https://auth.example.io/token",empty="",service="registry.example.io",scope="repository:library/hello-world:pull,push"',
      [
        challenge(
          'bearer',
          { realm: 'https://auth.example.io/token', empty: '', service: 'registry.example.io', scope: 'repository:library/hello-world:pull,push' },
          ['repository:library/hello-world:pull,push'],
        ),
      ],
    ],
    [
      'containerd: one scope value holding several scopes',
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:foo/bar:pull,push repository:foo/baz:pull repository:foo/foo:push"',
      [
        challenge(
          'bearer',
          {
            realm: 'https://auth.docker.io/token',
            service: 'registry.docker.io',
            scope: 'repository:foo/bar:pull,push repository:foo/baz:pull repository:foo/foo:push',
          },
          ['repository:foo/bar:pull,push', 'repository:foo/baz:pull', 'repository:foo/foo:push'],
        ),
      ],
    ],
    [
      'repeated scope parameters are all kept',
      'Bearer realm="https://r.example/token",scope="repository:a:pull",scope="repository:b:pull  repository:c:push"',
      [
        challenge('bearer', { realm: 'https://r.example/token', scope: 'repository:a:pull repository:b:pull  repository:c:push' }, [
          'repository:a:pull',
          'repository:b:pull',
          'repository:c:push',
        ]),
      ],
    ],
    [
      'regclient: Docker Hub with scope',
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:docker/docker:pull"',
      [challenge('bearer', { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:docker/docker:pull' }, ['repository:docker/docker:pull'])],
    ],
    [
      'Renovate: Docker Hub /v2/ ping, no scope',
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io"',
      [challenge('bearer', { realm: 'https://auth.docker.io/token', service: 'registry.docker.io' })],
    ],
    [
      'Renovate: ECR basic',
      'Basic realm="https://123456789.dkr.ecr.eu-central-1.amazonaws.com/",service="ecr.amazonaws.com"',
      [challenge('basic', { realm: 'https://123456789.dkr.ecr.eu-central-1.amazonaws.com/', service: 'ecr.amazonaws.com' })],
    ],
    [
      'Renovate: GHCR',
      'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:user/image:pull"',
      [challenge('bearer', { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:user/image:pull' }, ['repository:user/image:pull'])],
    ],
    [
      'Renovate: Codeberg, Bearer and Basic in one header',
      'Bearer realm="https://codeberg.org/v2/token",service="container_registry",scope="*", Basic realm="Gitea Package API"',
      [
        challenge('bearer', { realm: 'https://codeberg.org/v2/token', service: 'container_registry', scope: '*' }, ['*']),
        challenge('basic', { realm: 'Gitea Package API' }),
      ],
    ],
    [
      'insufficient_scope error challenge',
      'Bearer realm="https://r.example/token",service="r",scope="repository:a:pull,push",error="insufficient_scope"',
      [challenge('bearer', { realm: 'https://r.example/token', service: 'r', scope: 'repository:a:pull,push', error: 'insufficient_scope' }, ['repository:a:pull,push'])],
    ],
    ['BWS around "=" and tabs', 'Basic realm =\t"x" ,\tcharset= utf-8', [challenge('basic', { realm: 'x', charset: 'utf-8' })]],
    ['a scheme alone (Negotiate)', 'Negotiate', [challenge('negotiate', {})]],
    ['token68', 'Negotiate YIIabc+/==, Basic realm="x"', [challenge('negotiate', {}, [], 'YIIabc+/=='), challenge('basic', { realm: 'x' })]],
    ['schemes only', 'Negotiate, NTLM', [challenge('negotiate', {}), challenge('ntlm', {})]],
    ['empty list elements', ' , Basic realm="x",, ,', [challenge('basic', { realm: 'x' })]],
    ['empty header', '', []],
    ['blank header', '  ', []],
    ['non-ASCII inside quotes', 'Basic realm="Zürich"', [challenge('basic', { realm: 'Zürich' })]],
    ['commas and "=" inside quotes', 'Basic realm="a, b=c"', [challenge('basic', { realm: 'a, b=c' })]],
    ['unquoted URL value', 'Bearer realm=https://r.example/token?x=1', [challenge('bearer', { realm: 'https://r.example/token?x=1' })]],
  ])('%s', (_name, header, expected) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected);
  });

  it('keeps a parameter named __proto__ as data', () => {
    const [parsed] = parseWwwAuthenticate('Basic __proto__="x", realm="r"');
    expect(parsed?.params['__proto__']).toBe('x');
    expect(parsed?.params['realm']).toBe('r');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('parseWwwAuthenticate: refused headers', () => {
  it.each<[string, string, string]>([
    ['regclient: missing comma', 'Basic realm="Dev" charset="UTF-8"', 'missing comma after parameter "realm"'],
    ['regclient: missing close quote', 'Basic realm="GitHub Package Registry', 'unclosed quoted string starting at position 12'],
    ['regclient: dangling escape', 'Basic realm="GitHub Package Registry\\', 'dangling escape'],
    ['missing comma after an unquoted value', 'Basic realm=a b=c', 'missing comma after parameter "realm"'],
    ['missing comma before a quote', 'Basic realm="a""b"', 'missing comma after parameter "realm"'],
    ['duplicate realm', 'Bearer realm="https://a.example/",realm="https://b.example/"', 'duplicate parameter "realm"'],
    ['duplicate key in another case', 'Bearer realm="a",REALM="b"', 'duplicate parameter "realm"'],
    ['parameter before any scheme', 'realm="x"', 'parameter "realm" comes before any auth scheme'],
    ['parameter without value', 'Basic service="x", realm=, charset="y"', 'parameter "realm" has no value'],
    ['parameter without value at the end', 'Basic service="x", realm=', 'parameter "realm" has no value'],
    // Right after the scheme, `realm=` is RFC 7235 token68 syntax, so the parameter after it is the error.
    ['"name=" right after the scheme is token68', 'Basic realm=, service="x"', 'parameter "service" follows a token68 value'],
    ['parameter after token68', 'Negotiate abc==, realm="x"', 'parameter "realm" follows a token68 value'],
    ['empty quoted scheme', '"" realm="x"', 'empty auth scheme'],
    ['empty quoted key', 'Basic ""="x"', 'empty parameter name'],
    ['junk after a scheme', 'Basic;realm="x"', 'unexpected character ";" after auth scheme "Basic"'],
    ['junk instead of a name', 'Basic realm="x", @', 'unexpected character "@"'],
    ['a lone "="', '=x', 'unexpected character "="'],
    ['control character', 'Basic realm="a\u0000b"', 'control character at position 14'],
    ['CR LF', 'Basic realm="a"\r\nX-Injected: 1', 'control character'],
    ['too long', `Basic realm="${'a'.repeat(MAX_WWW_AUTHENTICATE_LENGTH)}"`, `at most ${MAX_WWW_AUTHENTICATE_LENGTH}`],
  ])('%s', (_name, header, message) => {
    let error: unknown;
    try {
      parseWwwAuthenticate(header);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RegscopeError);
    const data = (error as RegscopeError).data;
    expect(data.code).toBe('registry-error');
    expect(data.stage).toBe('auth');
    expect(data.reference).toBeUndefined();
    expect(data.message).toMatch(/^malformed WWW-Authenticate header: /);
    expect(data.message).toContain(message);
  });
});
