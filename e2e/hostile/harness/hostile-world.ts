import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { memoryCache } from '../../../electron/core/cache/memory-cache';
import type { ContentCache } from '../../../electron/core/cache/content-cache';
import { explicitCredential, type Credential } from '../../../electron/core/credentials/credential';
import { RegscopeCore, type CoreOptions } from '../../../electron/core/regscope-core';
import { PUBLIC_TLD, usePublicNames } from './public-names';
import { anyAuthorization, noAuthorization, ScriptedServer } from './scripted-server';
import { bearerGate, REALM_PATH, TokenLedger, tokenScript, tokenServerPolicy } from './token-gate';

/**
 * The hostile registry and its neighbours for one test file:
 * - `registry`: the scripted hostile registry (per-test script, Bearer auth gate on by default);
 * - `token`: the fake token server of the registry's realm (may see Basic credentials on the realm only);
 * - `cdn`: where blobs and foreign layers are sent (must never see an `Authorization`);
 * - `metadata`: stands in for a cloud metadata endpoint (must never see an `Authorization`, and in the
 *   public world must not be contacted at all).
 *
 * Two naming modes:
 * - `loopback`: everything is `127.0.0.1:<port>`. The core treats such a registry as local and lets it
 *   send the client to its loopback neighbours (outbound-policy.ts), which is what a local test
 *   registry needs.
 * - `public`: registry, token server and CDN are `registry.example`, `auth.example`, `cdn.example`
 *   (resolved to 127.0.0.1 inside this process, see public-names.ts), so the core must treat them as
 *   public hosts and refuse to follow them to `127.0.0.1` (the metadata fake) or 169.254.169.254.
 *   The registry is named `--insecure` so plain http is used; no TLS is needed.
 *
 * After every test: no server saw a forbidden `Authorization` (the test fails otherwise), every core
 * made in the test is closed and the servers are reset.
 */
export type Naming = 'loopback' | 'public';

export const CREDENTIAL: Credential = { username: 'alice', password: 's3cret-password', source: 'hostile test' };
/** Per-request deadline of the cores made here. */
export const DEADLINE_MS = 1500;
/** Fast, bounded retries so a retry storm is visible in milliseconds. */
export const RETRY = { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 200 } as const;

export interface HostileWorld {
  readonly registry: ScriptedServer;
  readonly token: ScriptedServer;
  readonly cdn: ScriptedServer;
  readonly metadata: ScriptedServer;
  readonly ledger: TokenLedger;
  /** `127.0.0.1:<port>` or `registry.example:<port>`: what references name. */
  readonly registryHost: string;
  /** The base URL a fake is reached under in this world. */
  urlOf(server: ScriptedServer): string;
  /** The realm URL the registry's challenges name. */
  readonly realm: string;
  /** Turns the registry's Bearer gate off for this test (an anonymous registry). */
  openRegistry(): void;
  /** A core against this world; closed after the test. */
  core(options?: Partial<CoreOptions>): RegscopeCore;
  /** The memory cache of the last core made (or the one passed in). */
  readonly cache: ContentCache;
  /** Warnings the cores made in this test reported. */
  readonly warnings: string[];
  /** `<registryHost>/<path>`. */
  ref(path: string): string;
}

const NAMES = new Map<string, string>([
  ['registry', 'registry'],
  ['token server', 'auth'],
  ['cdn', 'cdn'],
]);

/** Sets up the world for the calling test file. */
export function useHostileWorld(naming: Naming = 'loopback'): HostileWorld {
  if (naming === 'public') usePublicNames();
  const registry = new ScriptedServer('registry', anyAuthorization);
  const token = new ScriptedServer('token server', tokenServerPolicy);
  const cdn = new ScriptedServer('cdn', noAuthorization);
  const metadata = new ScriptedServer('metadata', noAuthorization);
  const servers = [registry, token, cdn, metadata];
  const ledger = new TokenLedger();
  const cores: RegscopeCore[] = [];
  const warnings: string[] = [];
  let cache: ContentCache = memoryCache();

  const urlOf = (server: ScriptedServer): string => {
    const name = NAMES.get(server.name);
    // The metadata fake is always named by its loopback address: that is what a hostile realm,
    // redirect or foreign URL would point at.
    return naming === 'public' && name ? `http://${name}${PUBLIC_TLD}:${String(server.port)}` : server.url;
  };
  const registryHost = () => new URL(urlOf(registry)).host;
  const realm = () => `${urlOf(token)}${REALM_PATH}`;

  const installDefaults = () => {
    registry.gate = bearerGate(ledger, realm);
    token.script(tokenScript(ledger));
  };

  beforeAll(async () => {
    await Promise.all(servers.map((server) => server.start()));
  });
  beforeEach(() => {
    installDefaults();
  });
  afterEach(async () => {
    const violations = servers.flatMap((server) => server.violations);
    await Promise.all(cores.splice(0).map((core) => core.close()));
    servers.forEach((server) => server.reset());
    ledger.reset();
    warnings.length = 0;
    expect(violations, 'credentials sent to a host that must never see them').toEqual([]);
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  return {
    registry,
    token,
    cdn,
    metadata,
    ledger,
    get registryHost() {
      return registryHost();
    },
    urlOf,
    get realm() {
      return realm();
    },
    openRegistry: () => {
      registry.gate = undefined;
    },
    core: (options = {}) => {
      cache = options.cache ?? memoryCache();
      const created = new RegscopeCore({
        credentials: explicitCredential(registryHost(), CREDENTIAL),
        retry: RETRY,
        requestDeadlineMs: DEADLINE_MS,
        insecureHosts: naming === 'public' ? [registryHost()] : [],
        warn: (message) => warnings.push(message),
        ...options,
        cache,
      });
      cores.push(created);
      return created;
    },
    get cache() {
      return cache;
    },
    warnings,
    ref: (path) => `${registryHost()}/${path}`,
  };
}
