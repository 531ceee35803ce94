import { parseArgs } from 'node:util';
import { RegscopeError } from '../../shared/api/errors';

/**
 * The command line of design.md's CLI contract, parsed into a typed command.
 *
 * Unknown flags and missing values are usage errors with one clear line, never a stack trace.
 */
export type ExportFormatFlag = 'repo-info' | 'json' | 'html';

export interface CommonFlags {
  readonly mirror?: string;
  readonly insecure: readonly string[];
  readonly cacheDir?: string;
  readonly username?: string;
  readonly passwordStdin: boolean;
  readonly debug: boolean;
}

export type CliCommand =
  | { readonly name: 'help' }
  | { readonly name: 'version' }
  | ({ readonly name: 'report'; readonly references: readonly string[]; readonly allTags?: string; readonly format: ExportFormatFlag; readonly out?: string; readonly style: 'seed' | 'current' } & CommonFlags)
  | ({ readonly name: 'tags'; readonly repository: string; readonly json: boolean } & CommonFlags)
  | ({ readonly name: 'serve'; readonly host: string; readonly port: number; readonly open: boolean } & CommonFlags);

export const USAGE = `usage:
  regscope report <ref>... [--format repo-info|json|html] [--out FILE] [--all-tags REPO]
                  [--style seed|current] [--mirror URL] [--insecure HOST[:PORT]] [--cache-dir DIR]
                  [--username USER --password-stdin] [--debug]
  regscope tags <repo> [--json] [--mirror URL] [--insecure HOST[:PORT]]
  regscope serve [--host 127.0.0.1] [--port N] [--mirror URL]
  regscope --help | --version

  <ref> is an image reference as Docker reads it: python:3.12, ghcr.io/acme/app@sha256:…
  --format repo-info  docker-library/repo-info markdown (default): one reference gives the
                      remote/<tag>.md text, several (or --all-tags) the whole tag-details.md
  --style current     the newer repo-info style ("Platforms: N", BuildKit history rules)
  --mirror URL        send Docker Hub requests to this mirror (or REGSCOPE_MIRROR)
  --cache-dir DIR     persistent cache folder (or REGSCOPE_CACHE_DIR)
  --password-stdin    read the password for --username from standard input
                      (or set REGSCOPE_USERNAME / REGSCOPE_PASSWORD)`;

function usageError(message: string): RegscopeError {
  return new RegscopeError({ code: 'invalid-argument', stage: 'request', message: `${message} (see regscope --help)` });
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usageError(`${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
}

export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { name: 'help' };
  if (command === '--version' || command === '-v' || command === 'version') return { name: 'version' };
  if (!['report', 'tags', 'serve'].includes(command)) throw usageError(`unknown command "${command.slice(0, 40)}"`);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string', short: 'o' },
        'all-tags': { type: 'string' },
        style: { type: 'string' },
        mirror: { type: 'string' },
        insecure: { type: 'string', multiple: true },
        'cache-dir': { type: 'string' },
        username: { type: 'string', short: 'u' },
        'password-stdin': { type: 'boolean' },
        json: { type: 'boolean' },
        host: { type: 'string' },
        port: { type: 'string' },
        open: { type: 'boolean' },
        debug: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw usageError(error instanceof Error ? error.message.split('\n')[0] ?? 'invalid arguments' : 'invalid arguments');
  }
  const { values, positionals } = parsed;
  const mirror = values.mirror ?? env.REGSCOPE_MIRROR;
  const cacheDir = values['cache-dir'] ?? env.REGSCOPE_CACHE_DIR;
  const username = values.username ?? env.REGSCOPE_USERNAME;
  const common: CommonFlags = {
    ...(mirror ? { mirror } : {}),
    insecure: values.insecure ?? [],
    ...(cacheDir ? { cacheDir } : {}),
    ...(username ? { username } : {}),
    passwordStdin: values['password-stdin'] ?? false,
    debug: values.debug ?? false,
  };
  if (command === 'report') {
    const allTags = values['all-tags'];
    if (positionals.length === 0 && !allTags) throw usageError('report needs at least one image reference or --all-tags REPO');
    return {
      name: 'report',
      references: positionals,
      ...(allTags ? { allTags } : {}),
      format: oneOf(values.format, ['repo-info', 'json', 'html'] as const, '--format', 'repo-info'),
      ...(values.out ? { out: values.out } : {}),
      style: oneOf(values.style, ['seed', 'current'] as const, '--style', 'seed'),
      ...common,
    };
  }
  if (command === 'tags') {
    if (positionals.length !== 1) throw usageError('tags needs exactly one repository');
    return { name: 'tags', repository: positionals[0] ?? '', json: values.json ?? false, ...common };
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError(`--port must be a number from 0 to 65535`);
  return { name: 'serve', host: values.host ?? '127.0.0.1', port, open: values.open ?? false, ...common };
}
