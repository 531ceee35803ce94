import { RegscopeError } from '../api/errors';
import { clipText } from './protocol-error';
import { isLoopbackHost, localAddressKind } from './host-address';

// The redirect follower and the foreign-layer check apply the same address rules.
export { isLoopbackHost, isPrivateOrLocalAddress, localAddressKind, type LocalAddressKind } from './host-address';

/** Options of {@link checkRealm}. */
export interface RealmCheckOptions {
  /**
   * Hosts the user named as insecure (`--insecure HOST[:PORT]`), as `host` or `host:port`. A realm
   * on one of them may use plain http and a private address: the user vouched for it.
   */
  readonly insecureHosts?: readonly string[];
}

/** Longest realm looked at. */
const MAX_REALM_LENGTH = 4096;

/**
 * Checks the `realm` of a Bearer challenge before anything (credentials above all) is sent to it,
 * and returns it resolved.
 *
 * "A malicious or compromised registry can supply a realm pointing at an internal service or cloud
 * metadata endpoint (e.g. 169.254.169.254)" (ggcr pkg/v1/remote/transport/bearer.go). Rules, after
 * ggcr `validateRealmURL` and regclient `AllowRedirect` (reliability.md §1.3):
 *
 * 1. A relative realm is resolved against the registry URL (regclient auth.go).
 * 2. No user name or password in the realm.
 * 3. `https`, or `http` only when the registry itself is plain http (a loopback or `--insecure`
 *    registry) or the realm host is listed as insecure: no downgrade from an https registry, and no
 *    `file:`, `data:` or other schemes.
 * 4. No loopback, link-local, private, unspecified or reserved address, unless the realm is on the
 *    registry's own host name (any port), the registry itself is on loopback (a local test registry
 *    with a local token server), or the realm host is listed as insecure.
 *
 * @param registryUrl the registry's base URL (`https://ghcr.io`, `http://127.0.0.1:5002/v2/`).
 * @throws RegscopeError `unsafe-url` (stage `auth`) naming the rule broken; `invalid-argument` when
 *   `registryUrl` itself is not a URL.
 */
export function checkRealm(realm: string, registryUrl: string, opts: RealmCheckOptions = {}): URL {
  const registry = parseUrl(registryUrl);
  if (!registry) {
    throw new RegscopeError({ code: 'invalid-argument', stage: 'auth', message: `registry URL "${clipText(registryUrl)}" is not a valid URL` });
  }
  const refuse = (why: string) =>
    new RegscopeError({ code: 'unsafe-url', stage: 'auth', message: `refusing token realm "${clipText(realm)}": ${why}` });
  if (realm.length > MAX_REALM_LENGTH) throw refuse(`it is longer than ${MAX_REALM_LENGTH} characters`);
  if (realm.trim() === '') throw refuse('the challenge has an empty realm');

  const url = parseUrl(realm, registry);
  if (!url) throw refuse('it is not a valid URL');
  if (url.username !== '' || url.password !== '') throw refuse('it contains a user name or password');

  const insecure = isListedInsecure(url, opts.insecureHosts ?? []);
  if (url.protocol === 'http:') {
    if (registry.protocol !== 'http:' && !insecure) throw refuse('it uses plain http while the registry uses https');
  } else if (url.protocol !== 'https:') {
    throw refuse(`only https (or http for a plain-http registry) is allowed, not "${clipText(url.protocol, 20)}"`);
  }

  const kind = localAddressKind(url.hostname);
  if (kind !== undefined && url.hostname !== registry.hostname && !isLoopbackHost(registry.hostname) && !insecure) {
    throw refuse(`it points at a ${kind} address, and the registry is elsewhere`);
  }
  return url;
}

function parseUrl(text: string, base?: URL): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

/**
 * True when `url`'s host is one of `hosts`: `host` (any port) or `host:port` (that port only, the
 * scheme's default port when the URL names none). Host names are compared in WHATWG-canonical form.
 */
function isListedInsecure(url: URL, hosts: readonly string[]): boolean {
  const port = url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80';
  return hosts.some((entry) => {
    const listed = splitHostPort(entry);
    if (!listed) return false;
    const hostname = parseUrl(`http://${listed.host}/`)?.hostname;
    return hostname === url.hostname && (listed.port === undefined || listed.port === port);
  });
}

/** `host`, `host:port`, `[v6]`, `[v6]:port` or a bare IPv6 address, split; undefined when malformed. */
function splitHostPort(entry: string): { host: string; port?: string } | undefined {
  if (entry.startsWith('[')) {
    const close = entry.indexOf(']');
    if (close < 0) return undefined;
    const rest = entry.slice(close + 1);
    if (rest === '') return { host: entry };
    return /^:[0-9]+$/.test(rest) ? { host: entry.slice(0, close + 1), port: String(Number(rest.slice(1))) } : undefined;
  }
  const colons = entry.split(':').length - 1;
  if (colons > 1) return { host: `[${entry}]` };
  if (colons === 0) return { host: entry };
  const [host = '', port = ''] = entry.split(':');
  return /^[0-9]+$/.test(port) ? { host, port: String(Number(port)) } : undefined;
}
