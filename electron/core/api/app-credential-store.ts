import type { RegistryLogin } from '../../../shared/api/contract';
import type { CredentialSource } from '../credentials/credential';

/**
 * Credentials the user saved in the app (sign-in per registry), as opposed to Docker's config.
 *
 * The desktop app persists them encrypted with Electron's `safeStorage` (electron/main); the web host
 * and tests keep them in memory. Either way the secret goes in and never comes out through the API:
 * `list` returns names only.
 */
export interface AppCredentialStore extends CredentialSource {
  list(): Promise<RegistryLogin[]>;
  save(registry: string, username: string, password: string): Promise<void>;
  remove(registry: string): Promise<void>;
}

/** A store that forgets everything when the process ends. */
export function memoryCredentialStore(): AppCredentialStore {
  const entries = new Map<string, { username: string; password: string }>();
  return {
    async get(host) {
      const entry = entries.get(host);
      return entry ? { ...entry, source: 'regscope' } : undefined;
    },
    async list() {
      return [...entries].map(([registry, entry]) => ({ registry, username: entry.username, source: 'regscope' }));
    },
    async save(registry, username, password) {
      entries.set(registry, { username, password });
    },
    async remove(registry) {
      entries.delete(registry);
    },
  };
}
