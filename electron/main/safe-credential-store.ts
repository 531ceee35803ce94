import { readFile, rename, writeFile } from 'node:fs/promises';
import type { AppCredentialStore } from '../core/api/app-credential-store';

/**
 * Registry logins saved by the desktop app, encrypted with Electron's `safeStorage` (the OS keychain
 * / DPAPI / libsecret key). The file holds only ciphertext; the renderer only ever sees names.
 *
 * On Linux without a keyring, safeStorage falls back to `basic_text`, a hard-coded key: that is not
 * encryption, so logins are then kept for the session only and the user is told (reliability.md §3).
 */
export interface Encryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(cipher: Buffer): string;
  /** Linux only: the backend in use (`basic_text` means no real protection). */
  getSelectedStorageBackend?(): string;
}

interface StoredLogin {
  readonly username: string;
  /** base64 of safeStorage ciphertext. */
  readonly secret: string;
}

export function safeCredentialStore(path: string, encryptor: Encryptor, warn: (message: string) => void): AppCredentialStore {
  const session = new Map<string, { username: string; password: string }>();
  const canPersist = () => encryptor.isEncryptionAvailable() && encryptor.getSelectedStorageBackend?.() !== 'basic_text';

  async function readAll(): Promise<Record<string, StoredLogin>> {
    try {
      const parsed = JSON.parse(await readFile(path, 'utf8')) as unknown;
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, StoredLogin>) : {};
    } catch {
      return {};
    }
  }

  async function writeAll(entries: Record<string, StoredLogin>): Promise<void> {
    await writeFile(`${path}.tmp`, JSON.stringify(entries, null, 2), { mode: 0o600 });
    await rename(`${path}.tmp`, path);
  }

  return {
    async get(host) {
      const live = session.get(host);
      if (live) return { ...live, source: 'regscope' };
      const stored = (await readAll())[host];
      if (!stored || !encryptor.isEncryptionAvailable()) return undefined;
      try {
        return { username: stored.username, password: encryptor.decryptString(Buffer.from(stored.secret, 'base64')), source: 'regscope' };
      } catch {
        warn(`the saved login for ${host} can no longer be decrypted; sign in again`);
        return undefined;
      }
    },
    async list() {
      const stored = await readAll();
      const names = new Map<string, string>();
      for (const [registry, entry] of Object.entries(stored)) names.set(registry, entry.username);
      for (const [registry, entry] of session) names.set(registry, entry.username);
      return [...names].map(([registry, username]) => ({ registry, username, source: 'regscope' }));
    },
    async save(registry, username, password) {
      session.set(registry, { username, password });
      if (!canPersist()) {
        warn('no OS keyring is available: the login is kept until regscope quits');
        return;
      }
      const entries = await readAll();
      entries[registry] = { username, secret: encryptor.encryptString(password).toString('base64') };
      await writeAll(entries);
    },
    async remove(registry) {
      session.delete(registry);
      const entries = await readAll();
      if (registry in entries) {
        delete entries[registry];
        await writeAll(entries);
      }
    },
  };
}
