/**
 * Bearer tokens by (realm, service, scope set, identity), with expiry and one fetch in flight per key.
 *
 * Expiry follows the token spec with regclient's hardening: `expires_in` defaults to and is at least
 * 60 s, at most a day; a missing or future `issued_at` counts from receipt; tokens are renewed 5 s
 * early (reliability.md §1.5).
 */
export interface CachedToken {
  readonly token: string;
  readonly expiresAt: number;
}

const RENEW_EARLY_MS = 5_000;
const MIN_LIFETIME_S = 60;
const MAX_LIFETIME_S = 24 * 60 * 60;

/** When a token answered at `receivedAt` stops being usable. */
export function tokenExpiry(expiresIn: unknown, issuedAt: unknown, receivedAt: number): number {
  const seconds = typeof expiresIn === 'number' && Number.isFinite(expiresIn) ? expiresIn : MIN_LIFETIME_S;
  const lifetime = Math.min(MAX_LIFETIME_S, Math.max(MIN_LIFETIME_S, seconds));
  let issued = typeof issuedAt === 'string' ? Date.parse(issuedAt) : Number.NaN;
  // Missing, in the future (clock skew) or already expired on arrival: count from receipt, as
  // regclient does, so a skewed token server does not make every request fetch a new token.
  if (Number.isNaN(issued) || issued > receivedAt || issued + lifetime * 1000 <= receivedAt) issued = receivedAt;
  return issued + lifetime * 1000;
}

/** The cache key: scopes sorted so `pull` on a,b and b,a share a token. */
export function tokenKey(realm: string, service: string, scopes: readonly string[], identity: string): string {
  return JSON.stringify([realm, service, [...new Set(scopes)].sort(), identity]);
}

export class TokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inFlight = new Map<string, Promise<CachedToken>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A live token for `key`, fetching it once however many callers ask at the same time. */
  async get(key: string, fetch: () => Promise<CachedToken>): Promise<CachedToken> {
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt - RENEW_EARLY_MS > this.now()) return cached;
    const running = this.inFlight.get(key);
    if (running) return running;
    const promise = fetch()
      .then((token) => {
        this.tokens.set(key, token);
        return token;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  /** A token the registry refused: forget it so the next request fetches a new one. */
  invalidate(key: string): void {
    this.tokens.delete(key);
  }

  /** Usable token for `key` without fetching, if any. */
  peek(key: string): CachedToken | undefined {
    const cached = this.tokens.get(key);
    return cached && cached.expiresAt - RENEW_EARLY_MS > this.now() ? cached : undefined;
  }
}
