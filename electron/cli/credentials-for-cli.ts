import { explicitCredential, firstOf, type CredentialSource } from '../core/credentials/credential';
import { dockerConfigPath, dockerConfigSource } from '../core/credentials/docker-config';
import { isDockerHub } from '../core/registry/endpoints';
import { parseReference, parseRepository } from '../../shared/reference/parse-reference';
import type { CommonFlags } from './cli-args';

/**
 * Where the CLI finds credentials: `--username` with a password from stdin or REGSCOPE_PASSWORD for
 * the registries named on the command line, then Docker's own config and helpers.
 */
export function cliCredentials(flags: CommonFlags, targets: readonly string[], password: string | undefined, warn: (message: string) => void): CredentialSource {
  const sources: CredentialSource[] = [];
  if (flags.username && password !== undefined) {
    const hosts = new Set<string>();
    for (const target of targets) {
      try {
        const ref = target.includes(':') || target.includes('@') ? parseReference(target) : parseRepository(target);
        hosts.add(isDockerHub(ref.registry) && flags.mirror ? new URL(flags.mirror).host : ref.registry);
      } catch {
        // An invalid reference fails later with its own message.
      }
    }
    for (const host of hosts) sources.push(explicitCredential(host, { username: flags.username, password, source: '--username' }));
  }
  sources.push(dockerConfigSource(dockerConfigPath(), warn));
  return firstOf(sources);
}
