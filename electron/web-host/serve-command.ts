import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiService } from '../core/api/api-service';
import { memoryCredentialStore } from '../core/api/app-credential-store';
import { firstOf } from '../core/credentials/credential';
import { dockerConfigPath, dockerConfigSource, listDockerLogins } from '../core/credentials/docker-config';
import { openDiskCache } from '../core/cache/disk-cache';
import { RegscopeCore } from '../core/regscope-core';
import type { CliCommand } from '../cli/cli-args';
import type { CliIo } from '../cli/cli-io';
import { startWebHost } from './web-server';

type ServeCommand = Extract<CliCommand, { name: 'serve' }>;

/** Where the built renderer is: beside the bundled CLI (dist/cli → dist/renderer), or REGSCOPE_RENDERER_DIR. */
export function rendererDir(): string {
  if (process.env.REGSCOPE_RENDERER_DIR) return resolve(process.env.REGSCOPE_RENDERER_DIR);
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'renderer'), join(here, '..', '..', 'dist', 'renderer')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0] ?? here;
}

/**
 * `regscope serve`: the UI and the API on loopback. The first line on stdout is the URL to open,
 * token included (design.md); it runs until interrupted.
 */
export async function runServe(command: ServeCommand, io: CliIo): Promise<number> {
  const saved = memoryCredentialStore();
  const core = new RegscopeCore({
    ...(command.mirror ? { mirror: command.mirror } : {}),
    insecureHosts: command.insecure,
    credentials: firstOf([saved, dockerConfigSource(dockerConfigPath(), io.warn)]),
    userAgent: `regscope/${io.version}`,
    warn: io.warn,
    ...(command.cacheDir ? { cache: openDiskCache(command.cacheDir, { warn: io.warn }) } : {}),
  });
  const service = createApiService({
    core,
    credentials: saved,
    dockerLogins: () => listDockerLogins(dockerConfigPath()),
    host: 'web',
    version: io.version,
    ...(command.mirror ? { mirror: command.mirror } : {}),
  });
  const host = await startWebHost({ service, rendererDir: rendererDir(), host: command.host, port: command.port, log: io.warn });
  io.stdout(`${host.url}\n`);
  if (!['127.0.0.1', 'localhost', '::1'].includes(command.host)) io.warn(`listening on ${command.host}: anyone who can reach it and has the URL can use your registry credentials`);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  service.dispose();
  await host.close();
  await core.close();
  return 0;
}
