import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { RegscopeError } from '../../../shared/api/errors';
import type { Credential, CredentialSource } from './credential';
import { runCredentialHelper } from './credential-helper';

/**
 * Credentials from Docker's `config.json`: `credHelpers` per host, then `credsStore`, then `auths`
 * (the order docker/cli uses). Read-only: regscope never rewrites the user's Docker config.
 *
 * A corrupt file or entry is a warning, not a failure: the registry is then tried anonymously
 * (reliability.md §5 row 27).
 */
export interface DockerConfig {
  readonly auths?: Readonly<Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>>;
  readonly credsStore?: string;
  readonly credHelpers?: Readonly<Record<string, string>>;
}

const MAX_CONFIG_BYTES = 1024 * 1024;
/** Docker Hub's credentials live under this legacy key, whatever alias the user typed. */
export const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** The config file Docker would read: `$DOCKER_CONFIG/config.json` or `~/.docker/config.json`. */
export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.DOCKER_CONFIG ?? join(homedir(), '.docker'), 'config.json');
}

/** Reads and parses the config; undefined when there is none. Throws only for a broken file. */
export async function readDockerConfig(path: string): Promise<DockerConfig | undefined> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return undefined;
  }
  const fail = (why: string) => new RegscopeError({ code: 'invalid-argument', stage: 'credentials', message: `ignoring ${path}: ${why}` });
  if (!info.isFile()) throw fail('not a regular file');
  if (info.size > MAX_CONFIG_BYTES) throw fail(`larger than ${MAX_CONFIG_BYTES} bytes`);
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as DockerConfig;
  } catch {
    throw fail('not valid JSON');
  }
}

/** The keys a registry host may be stored under, most specific first. */
export function configKeysFor(host: string): string[] {
  if (DOCKER_HUB_ALIASES.has(host)) return [DOCKER_HUB_CONFIG_KEY, 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
  return [host, `https://${host}`, `http://${host}`, `https://${host}/v1/`, `https://${host}/v2/`];
}

/** Decodes an `auths` entry; a bad one is reported and skipped. */
export function decodeAuthEntry(entry: NonNullable<DockerConfig['auths']>[string], source: string): Credential | undefined {
  if (entry.identitytoken) return { username: entry.username ?? '<token>', identityToken: entry.identitytoken, source };
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) throw new RegscopeError({ code: 'invalid-argument', stage: 'credentials', message: `ignoring a malformed "auth" value in ${source}` });
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), source };
  }
  if (entry.username && entry.password) return { username: entry.username, password: entry.password, source };
  return undefined;
}

/** A credential source over Docker's config file; `warn` hears about anything skipped. */
export function dockerConfigSource(path: string, warn: (message: string) => void): CredentialSource {
  let loaded: Promise<DockerConfig | undefined> | undefined;
  const load = () => {
    loaded ??= readDockerConfig(path).catch((error: unknown) => {
      warn(error instanceof RegscopeError ? error.data.message : `ignoring ${path}`);
      return undefined;
    });
    return loaded;
  };
  return {
    async get(host) {
      const config = await load();
      if (!config) return undefined;
      const keys = configKeysFor(host);
      const helper = keys.map((key) => config.credHelpers?.[key]).find(Boolean) ?? config.credsStore;
      if (helper) {
        try {
          const found = await runCredentialHelper(helper, keys[0] ?? host);
          if (found) {
            return found.username === '<token>'
              ? { username: found.username, identityToken: found.secret, source: `credential helper ${helper}` }
              : { username: found.username, password: found.secret, source: `credential helper ${helper}` };
          }
        } catch (error) {
          warn(error instanceof RegscopeError ? error.data.message : `credential helper ${helper} failed`);
        }
      }
      for (const key of keys) {
        const entry = config.auths?.[key];
        if (!entry) continue;
        try {
          const credential = decodeAuthEntry(entry, path);
          if (credential) return credential;
        } catch (error) {
          warn(error instanceof RegscopeError ? error.data.message : `ignoring an entry of ${path}`);
        }
      }
      return undefined;
    },
  };
}

/**
 * The registries Docker's config has logins for, names only (never a secret): for the start page's
 * "already signed in" list.
 */
export async function listDockerLogins(path: string): Promise<Array<{ registry: string; username: string; source: string }>> {
  let config: DockerConfig | undefined;
  try {
    config = await readDockerConfig(path);
  } catch {
    return [];
  }
  if (!config) return [];
  const logins = new Map<string, { registry: string; username: string; source: string }>();
  const hostOf = (key: string) => {
    if (key === DOCKER_HUB_CONFIG_KEY) return 'docker.io';
    try {
      return key.includes('://') ? new URL(key).host : key;
    } catch {
      return key;
    }
  };
  for (const [key, entry] of Object.entries(config.auths ?? {})) {
    let username = entry.username ?? '';
    if (!username && entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      username = decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : '';
    }
    const registry = hostOf(key);
    logins.set(registry, { registry, username: username || '(credential helper)', source: config.credsStore ? `credential helper ${config.credsStore}` : 'docker config' });
  }
  for (const [key, helper] of Object.entries(config.credHelpers ?? {})) {
    const registry = hostOf(key);
    logins.set(registry, { registry, username: '(credential helper)', source: `credential helper ${helper}` });
  }
  return [...logins.values()];
}
