import { json, type Reply } from './replies';
import type { AuthorizationPolicy, Gate, RecordedRequest, ScriptEntry } from './scripted-server';

/**
 * The Bearer token flow between the scripted registry and the fake token server: the registry answers
 * 401 with a challenge naming the token server's realm unless the request carries a token the token
 * server issued; the token server issues one per GET. With this on, every registry request carries
 * an `Authorization`, so a redirect that forwarded it to the CDN would show up.
 */
export const SERVICE = 'hostile.example';
export const REALM_PATH = '/token';

/** The tokens the fake token server has issued. */
export class TokenLedger {
  private readonly issued = new Set<string>();
  private counter = 0;

  issue(): string {
    this.counter += 1;
    const token = `tok-${String(this.counter)}-${Math.random().toString(36).slice(2, 10)}`;
    this.issued.add(token);
    return token;
  }

  isIssued(authorization: string | undefined): boolean {
    return authorization !== undefined && authorization.startsWith('Bearer ') && this.issued.has(authorization.slice('Bearer '.length));
  }

  reset(): void {
    this.issued.clear();
  }
}

/** `repository:<name>:pull` for a `/v2/<name>/(manifests|blobs|tags)/…` path; empty for `/v2/`. */
export function scopeOf(path: string): string {
  const match = /^\/v2\/(.+?)\/(?:manifests|blobs|tags)\//.exec(path);
  return match ? `repository:${match[1] ?? ''}:pull` : '';
}

/** The 401 a registry sends, naming `realm`. */
export function challenge(realm: string, scope: string, extra = ''): Reply {
  const header = `Bearer realm="${realm}",service="${SERVICE}"${scope ? `,scope="${scope}"` : ''}${extra}`;
  return { status: 401, headers: { 'www-authenticate': header, 'content-type': 'application/json' }, body: JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }) };
}

/** The registry's gate: 401 with a challenge for `realm` unless the request has an issued token. */
export function bearerGate(ledger: TokenLedger, realm: () => string): Gate {
  return (request: RecordedRequest) => (ledger.isIssued(request.authorization) ? undefined : challenge(realm(), scopeOf(request.path)));
}

/** The token server's default script: a token for every GET of the realm; no OAuth2 POST. */
export function tokenScript(ledger: TokenLedger): ScriptEntry[] {
  return [
    { name: 'token GET', method: 'GET', path: REALM_PATH, reply: () => json(200, { token: ledger.issue(), expires_in: 300 }) },
    { name: 'token POST (unsupported)', method: 'POST', path: REALM_PATH, reply: { status: 404 } },
  ];
}

/**
 * The token server may see Basic credentials, and only on its realm: the realm flow is the one
 * place the registry's user name and password are meant to go. A Bearer token (the registry's own
 * token coming back) or credentials on any other path are leaks.
 */
export const tokenServerPolicy: AuthorizationPolicy = (request) => {
  if (!request.authorization) return undefined;
  if (request.path !== REALM_PATH) return `received Authorization outside the realm flow: ${request.method} ${request.url}`;
  if (!request.authorization.startsWith('Basic ')) return `received a non-Basic Authorization on the realm: "${request.authorization.slice(0, 12)}…"`;
  return undefined;
};
