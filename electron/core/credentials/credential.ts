/**
 * A secret for one registry, wherever it came from.
 *
 * Lives only in the main process / CLI: it is never serialised to the renderer, a log or an export.
 */
export interface Credential {
  readonly username: string;
  /** A password or personal access token, sent as Basic auth or to the token realm. */
  readonly password?: string;
  /** An OAuth2 refresh token (`identitytoken` in Docker's config), sent only to the token realm. */
  readonly identityToken?: string;
  /** Where it came from, for messages: "docker config", "credential helper osxkeychain", "--username". */
  readonly source: string;
}

/** Looks up the credential for a registry host (`ghcr.io`, `docker.io`, `127.0.0.1:5000`). */
export interface CredentialSource {
  get(registryHost: string): Promise<Credential | undefined>;
}

/** Tries sources in order and returns the first credential found. */
export function firstOf(sources: readonly CredentialSource[]): CredentialSource {
  return {
    async get(registryHost) {
      for (const source of sources) {
        const found = await source.get(registryHost);
        if (found) return found;
      }
      return undefined;
    },
  };
}

/** A fixed credential for one host: `--username` with a password from stdin or the environment. */
export function explicitCredential(host: string, credential: Credential): CredentialSource {
  return { get: async (registryHost) => (registryHost === host ? credential : undefined) };
}

/** A short label for logs that never contains the secret. */
export function describeCredential(credential: Credential | undefined): string {
  return credential ? `${credential.username} (${credential.source})` : 'anonymous';
}
