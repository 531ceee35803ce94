import { authProtocolError } from './protocol-error';

/**
 * One challenge of a `WWW-Authenticate` header.
 *
 * `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:x:pull"`
 * gives `{scheme: 'bearer', params: {realm, service, scope}, scopes: ['repository:x:pull']}`.
 */
export interface Challenge {
  /** Auth scheme, lower-cased (RFC 7235 §2.1: case-insensitive). Usually `bearer` or `basic`. */
  // `string & {}` keeps editor completion for the two known names without closing the set.
  readonly scheme: 'basic' | 'bearer' | (string & {});
  /**
   * Parameters by lower-cased name. Values are unescaped. `scope`, when present, holds every scope
   * value of the challenge joined by spaces, which is also the OAuth2 form (RFC 6749 §3.3).
   */
  readonly params: Readonly<Record<string, string>>;
  /** Every scope the challenge asks for: each `scope` parameter, split on spaces, in order. */
  readonly scopes: readonly string[];
  /** The token68 form (`Negotiate abc==`), when the challenge has one instead of parameters. */
  readonly token68?: string;
}

/**
 * Longest header parsed. Real challenges are a few hundred bytes; undici caps all response headers
 * at 16 KiB by default. The parser is a linear scan, the cap only bounds the work and the output.
 */
export const MAX_WWW_AUTHENTICATE_LENGTH = 8192;

/**
 * Parses a `WWW-Authenticate` header value strictly, in the manner of regclient's hand-written
 * state machine (internal/auth/auth.go `ParseAuthHeader`).
 *
 * - Several challenges in one value (`Bearer realm="…", Basic realm="…"`), as RFC 7235 §4.1 allows
 *   and as GHCR / Codeberg send (reliability.md §1.2); containerd and c/image only read the first.
 * - Scheme and parameter names are lower-cased; a quoted scheme or name is accepted (regclient).
 * - Values are tokens or quoted-strings with `\` escapes (`"he\"\l\lo"` → `he"llo`).
 * - `scope` may repeat: every value is kept (not last-wins) and split on spaces (containerd
 *   fetch.go). Any other repeated parameter is an error (RFC 7235 §2.1: "MUST only occur once").
 * - A missing comma, an unclosed quote or a dangling escape is an error, not a best guess.
 *
 * An empty header gives no challenges.
 *
 * @throws RegscopeError `registry-error` (stage `auth`): "malformed WWW-Authenticate header: …".
 */
export function parseWwwAuthenticate(header: string): Challenge[] {
  if (header.length > MAX_WWW_AUTHENTICATE_LENGTH) {
    throw malformed(`it is ${header.length} characters long (at most ${MAX_WWW_AUTHENTICATE_LENGTH})`);
  }
  for (let i = 0; i < header.length; i++) {
    const code = header.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) throw malformed(`control character at position ${i}`);
  }
  return new HeaderParser(header).parse();
}

interface ChallengeBuilder {
  scheme: string;
  params: Record<string, string>;
  scopes: string[];
  scopeValues: string[];
  token68?: string;
}

class HeaderParser {
  private pos = 0;
  private readonly challenges: ChallengeBuilder[] = [];

  constructor(private readonly text: string) {}

  parse(): Challenge[] {
    let current: ChallengeBuilder | undefined;
    for (;;) {
      this.skipSpace();
      if (this.atEnd()) break;
      // Empty list elements are allowed (RFC 7230 §7: `#rule`).
      if (this.peek() === ',') {
        this.pos++;
        continue;
      }
      const name = this.readName();
      const afterName = this.pos;
      this.skipSpace();
      if (this.peek() === '=') {
        // 1. `name=value`: a parameter of the current challenge.
        if (!current) throw malformed(`parameter "${name}" comes before any auth scheme`);
        if (current.token68 !== undefined) throw malformed(`parameter "${name}" follows a token68 value`);
        this.pos++;
        this.skipSpace();
        const value = this.readValue(name);
        this.addParam(current, name.toLowerCase(), value);
        this.skipSpace();
        if (this.atEnd()) break;
        if (this.peek() !== ',') throw malformed(`missing comma after parameter "${name}" at position ${this.pos}`);
        this.pos++;
        continue;
      }
      // 2. Anything else starts a new challenge: `scheme [token68 | params]`.
      if (name === '') throw malformed(`empty auth scheme at position ${afterName}`);
      current = { scheme: name.toLowerCase(), params: Object.create(null) as Record<string, string>, scopes: [], scopeValues: [] };
      this.challenges.push(current);
      if (this.atEnd()) break;
      if (this.peek() === ',') {
        this.pos++;
        continue;
      }
      if (this.pos === afterName) {
        throw malformed(`unexpected character "${this.peek()}" after auth scheme "${name}" at position ${this.pos}`);
      }
      const token68 = this.tryToken68();
      if (token68 !== undefined) current.token68 = token68;
    }
    return this.challenges.map(finish);
  }

  /** A scheme or parameter name: a token, or (as regclient allows) a quoted-string. */
  private readName(): string {
    if (this.peek() === '"') return this.readQuoted();
    const start = this.pos;
    while (!this.atEnd() && isTokenChar(this.text.charCodeAt(this.pos))) this.pos++;
    if (this.pos === start) throw malformed(`unexpected character "${this.peek()}" at position ${this.pos}`);
    return this.text.slice(start, this.pos);
  }

  /**
   * A parameter value: a quoted-string, or an unquoted run. Unquoted values are looser than RFC
   * `token` (regclient accepts `realm=/` and bare URLs), but stop at space, comma, quote and `\`.
   */
  private readValue(name: string): string {
    if (this.peek() === '"') return this.readQuoted();
    const start = this.pos;
    while (!this.atEnd() && isUnquotedValueChar(this.text.charCodeAt(this.pos))) this.pos++;
    if (this.pos === start) {
      throw malformed(this.atEnd() || this.peek() === ',' ? `parameter "${name}" has no value` : `unexpected character "${this.peek()}" at position ${this.pos}`);
    }
    return this.text.slice(start, this.pos);
  }

  /** A quoted-string (RFC 7230 §3.2.6), unescaped; `pos` is on the opening quote. */
  private readQuoted(): string {
    const open = this.pos;
    this.pos++;
    let value = '';
    let chunk = this.pos;
    while (!this.atEnd()) {
      const char = this.text[this.pos];
      if (char === '"') {
        value += this.text.slice(chunk, this.pos);
        this.pos++;
        return value;
      }
      if (char === '\\') {
        if (this.pos + 1 >= this.text.length) throw malformed(`dangling escape at the end of the quoted string starting at position ${open}`);
        value += this.text.slice(chunk, this.pos) + this.text[this.pos + 1];
        this.pos += 2;
        chunk = this.pos;
        continue;
      }
      this.pos++;
    }
    throw malformed(`unclosed quoted string starting at position ${open}`);
  }

  /**
   * RFC 7235 `token68` after a scheme (`Negotiate YII…==`): base64-ish characters, optional `=`
   * padding, then the end of the challenge. Anything else is left to be read as parameters.
   */
  private tryToken68(): string | undefined {
    let end = this.pos;
    while (end < this.text.length && isToken68Char(this.text.charCodeAt(end))) end++;
    if (end === this.pos) return undefined;
    while (end < this.text.length && this.text[end] === '=') end++;
    let next = end;
    while (next < this.text.length && isSpace(this.text[next])) next++;
    if (next < this.text.length && this.text[next] !== ',') return undefined;
    const token = this.text.slice(this.pos, end);
    this.pos = end;
    return token;
  }

  private addParam(challenge: ChallengeBuilder, key: string, value: string): void {
    if (key === '') throw malformed('empty parameter name');
    if (key === 'scope') {
      challenge.scopeValues.push(value);
      for (const scope of value.split(/[ \t]+/)) if (scope !== '') challenge.scopes.push(scope);
      return;
    }
    if (Object.hasOwn(challenge.params, key)) throw malformed(`duplicate parameter "${key}"`);
    challenge.params[key] = value;
  }

  private skipSpace(): void {
    while (!this.atEnd() && isSpace(this.text[this.pos])) this.pos++;
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }

  private atEnd(): boolean {
    return this.pos >= this.text.length;
  }
}

function finish(builder: ChallengeBuilder): Challenge {
  const params = builder.params;
  if (builder.scopeValues.length > 0) params['scope'] = builder.scopeValues.join(' ');
  return {
    scheme: builder.scheme,
    params,
    scopes: builder.scopes,
    ...(builder.token68 !== undefined ? { token68: builder.token68 } : {}),
  };
}

function malformed(detail: string) {
  return authProtocolError(`malformed WWW-Authenticate header: ${detail}`);
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

// RFC 7230 §3.2.6 tchar: ALPHA / DIGIT / "!#$%&'*+-.^_`|~".
const TOKEN_PUNCTUATION = "!#$%&'*+-.^_`|~";
function isTokenChar(code: number): boolean {
  return isAlphaNumeric(code) || (code < 0x80 && TOKEN_PUNCTUATION.includes(String.fromCharCode(code)));
}

// RFC 7235 §2.1 token68 (without the trailing "=" padding): ALPHA / DIGIT / "-._~+/".
function isToken68Char(code: number): boolean {
  return isAlphaNumeric(code) || (code < 0x80 && '-._~+/'.includes(String.fromCharCode(code)));
}

// Visible ASCII except the characters that end or quote a value.
function isUnquotedValueChar(code: number): boolean {
  return code > 0x20 && code < 0x7f && code !== 0x2c /* , */ && code !== 0x22 /* " */ && code !== 0x5c /* \ */;
}

function isAlphaNumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}
