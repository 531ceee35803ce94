import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signJwt } from './jwt';
import type { TokenKeys } from './token-keys';
import { formatScopes, grantAccess, parseScopes } from './token-scope';

/** Options of the test token server. */
export interface TokenServerOptions {
  readonly keys: TokenKeys;
  /** `iss` claim; must equal the registry's `auth.token.issuer`. */
  readonly issuer: string;
  /** The one user that authenticates (everyone else gets 401). */
  readonly credentials: { readonly username: string; readonly password: string };
  /** Token lifetime in seconds (300 by default). */
  readonly expiresIn?: number;
}

/** One request the token server answered, for tests that assert caching. */
export interface TokenRequestRecord {
  readonly seq: number;
  readonly method: string;
  readonly path: string;
  /** `get` for the token GET, else the OAuth2 grant type (`password`, `refresh_token`, …). */
  readonly grant: string;
  /** The authenticated user, or null for anonymous (and for refused requests). */
  readonly user: string | null;
  readonly service: string | null;
  readonly scopes: readonly string[];
  readonly status: number;
}

/** A running token server. */
export interface TokenServer {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** The realm for the registry config (`<url>/token`, tokens with an `x5c` header). */
  readonly realm: string;
  /** The same endpoint but signing with a libtrust `kid` header instead of `x5c`. */
  readonly kidRealm: string;
  /** Every request so far (also served as JSON at `GET /_stats?since=SEQ`). */
  records(): readonly TokenRequestRecord[];
  stop(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The user named by a Basic Authorization header: a name, null (anonymous) or 'invalid'. */
function basicUser(header: string | undefined, credentials: TokenServerOptions['credentials']): string | null | 'invalid' {
  if (!header || !/^basic /i.test(header)) return null;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  return colon > 0 && username === credentials.username && password === credentials.password ? username : 'invalid';
}

/**
 * Starts the token server of environment.md §2(c) on a free loopback port: `GET /token` (Docker
 * token protocol) and `POST /token` (OAuth2 password and refresh_token grants), RS256 JWTs that
 * registry 2.8 verifies against the self-signed certificate.
 */
export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  const expiresIn = options.expiresIn ?? 300;
  const refreshTokens = new Map<string, string>();
  const records: TokenRequestRecord[] = [];

  const issue = (user: string | null, service: string, scopes: readonly string[], variant: 'x5c' | 'kid') => {
    const now = Math.floor(Date.now() / 1000);
    const access = grantAccess(parseScopes(scopes), user !== null);
    const header = variant === 'kid' ? { alg: 'RS256', typ: 'JWT', kid: options.keys.kid } : { alg: 'RS256', typ: 'JWT', x5c: [options.keys.x5c] };
    const payload = {
      iss: options.issuer,
      sub: user ?? '',
      aud: service,
      exp: now + expiresIn,
      nbf: now - 10, // tolerate a little clock skew between this process and the registry
      iat: now,
      jti: randomBytes(12).toString('hex'),
      access,
    };
    return { token: signJwt(header, payload, options.keys.privateKey), access, issuedAt: new Date(now * 1000).toISOString() };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://token.invalid');
    const record = (grant: string, user: string | null, service: string | null, scopes: readonly string[], status: number): void => {
      records.push({ seq: records.length + 1, method: req.method ?? '', path: url.pathname, grant, user, service, scopes, status });
    };

    if (url.pathname === '/_stats' && req.method === 'GET') {
      const since = Number(url.searchParams.get('since') ?? '0');
      sendJson(res, 200, { total: records.length, requests: records.filter((r) => r.seq > since) });
      return;
    }
    const variant = url.pathname === '/kid/token' ? 'kid' : url.pathname === '/token' ? 'x5c' : null;
    if (variant === null) {
      sendJson(res, 404, { error: 'not_found' });
      return;
    }

    if (req.method === 'GET') {
      const service = url.searchParams.get('service') ?? '';
      const scopes = url.searchParams.getAll('scope');
      const user = basicUser(req.headers.authorization, options.credentials);
      if (user === 'invalid') {
        record('get', null, service, scopes, 401);
        sendJson(res, 401, { details: 'incorrect username or password' }, { 'www-authenticate': 'Basic realm="test-token-server"' });
        return;
      }
      const issued = issue(user, service, scopes, variant);
      const body: Record<string, unknown> = { token: issued.token, access_token: issued.token, expires_in: expiresIn, issued_at: issued.issuedAt };
      if (user !== null && url.searchParams.get('offline_token') === 'true') {
        const refresh = randomBytes(24).toString('hex');
        refreshTokens.set(refresh, user);
        body['refresh_token'] = refresh;
      }
      record('get', user, service, scopes, 200);
      sendJson(res, 200, body);
      return;
    }

    if (req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const grant = form.get('grant_type') ?? '';
      const service = form.get('service') ?? '';
      const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
      if (!form.get('client_id')) {
        record(grant, null, service, scopes, 400);
        sendJson(res, 400, { error: 'invalid_request', error_description: 'client_id is required' });
        return;
      }
      let user: string | null = null;
      let refresh: string | undefined;
      if (grant === 'password') {
        if (form.get('username') === options.credentials.username && form.get('password') === options.credentials.password) {
          user = options.credentials.username;
        }
      } else if (grant === 'refresh_token') {
        refresh = form.get('refresh_token') ?? '';
        user = refreshTokens.get(refresh) ?? null;
      } else {
        record(grant, null, service, scopes, 400);
        sendJson(res, 400, { error: 'unsupported_grant_type' });
        return;
      }
      if (user === null) {
        record(grant, null, service, scopes, 401);
        sendJson(res, 401, { error: 'invalid_grant', error_description: 'incorrect username, password or refresh token' });
        return;
      }
      const issued = issue(user, service, scopes, variant);
      const body: Record<string, unknown> = {
        access_token: issued.token,
        token_type: 'Bearer',
        expires_in: expiresIn,
        issued_at: issued.issuedAt,
        scope: formatScopes(issued.access),
      };
      if (form.get('access_type') === 'offline') {
        if (!refresh) {
          refresh = randomBytes(24).toString('hex');
          refreshTokens.set(refresh, user);
        }
        body['refresh_token'] = refresh;
      }
      record(grant, user, service, scopes, 200);
      sendJson(res, 200, body);
      return;
    }

    record(req.method ?? '', null, null, [], 405);
    sendJson(res, 405, { error: 'method_not_allowed' }, { allow: 'GET, POST' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    realm: `${url}/token`,
    kidRealm: `${url}/kid/token`,
    records: () => records,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
