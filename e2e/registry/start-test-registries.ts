import { execFile } from 'node:child_process';
import { appendFile, chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pushFixtures } from '../fixtures/push-fixtures';
import type { FixtureCatalogue } from '../fixtures/fixture-catalogue';
import { findFreePorts } from './free-port';
import { nginxConfig } from './nginx-config';
import { startOrphanWatchdog, type OrphanWatchdog } from './orphan-watchdog';
import { ProcessGroup, type ManagedProcess } from './process-group';
import { registryConfigYaml, type RegistryConfigOptions } from './registry-config';
import type { RegistryEndpoint, TestRegistries } from './test-registries';
import { createTokenKeys } from './token-keys';
import { startTokenServer, type TokenServer } from './token-server';
import { waitForHttp } from './wait-ready';

const run = promisify(execFile);

const CREDENTIALS = { username: 'testuser', password: 'testpass' } as const;
const TOKEN_SERVICE = 'test-registry';
const TOKEN_ISSUER = 'test-issuer';
const REGISTRY_BIN = '/usr/bin/docker-registry';
const NGINX_BIN = '/usr/sbin/nginx';

/** Options of `startTestRegistries`. */
export interface StartOptions {
  /** Push the fixture images (default true). */
  readonly fixtures?: boolean;
  /** Also build the seed replicas (default true; only with fixtures). */
  readonly seedReplicas?: boolean;
}

function endpoint(port: number): RegistryEndpoint {
  return { host: `127.0.0.1:${port}`, url: `http://127.0.0.1:${port}` };
}

/** `htpasswd -Bbn` writes the bcrypt line the registry's htpasswd auth reads. */
async function writeHtpasswd(path: string): Promise<void> {
  const { stdout } = await run('htpasswd', ['-Bbn', CREDENTIALS.username, CREDENTIALS.password]);
  await writeFile(path, `${stdout.trim()}\n`);
}

/**
 * Starts the test registries of design.md ("The test registry") in a fresh temp dir: `anon`,
 * `basic` (htpasswd), `token` (with an in-process token server) and `redirect` (307 to nginx), all
 * on one storage root, and pushes the fixture images through `anon`. Call `stop()` when done; the
 * children are also killed if this process exits or dies.
 */
export async function startTestRegistries(options: StartOptions = {}): Promise<TestRegistries> {
  // Ports are probed then bound by other processes, so a parallel test run can take one in between:
  // start again with fresh ports (and a fresh temp dir) when that happens.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof Error) || !/address already in use/i.test(error.message)) throw error;
    }
  }
}

async function startOnce(options: StartOptions): Promise<TestRegistries> {
  const tempDir = await mkdtemp(join(tmpdir(), 'regscope-registry-'));
  // nginx workers may run as another user (nobody, when started as root): they must read the tree.
  await chmod(tempDir, 0o755);
  const storageRoot = join(tempDir, 'storage');
  const foreignDir = join(tempDir, 'foreign');
  const confDir = join(tempDir, 'conf');
  const logDir = join(tempDir, 'logs');
  const nginxDir = join(tempDir, 'nginx');
  await Promise.all([storageRoot, foreignDir, confDir, logDir, nginxDir].map((dir) => mkdir(dir, { mode: 0o755 })));

  const group = new ProcessGroup();
  const pidFile = join(tempDir, 'pids');
  let tokenServer: TokenServer | undefined;
  let watchdog: OrphanWatchdog | undefined;
  let stopped = false;

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await group.stopAll();
    await tokenServer?.stop();
    watchdog?.stop();
    await rm(tempDir, { recursive: true, force: true });
  };

  try {
    watchdog = startOrphanWatchdog(pidFile, tempDir);
    const spawnLogged = async (name: string, command: string, args: readonly string[]): Promise<ManagedProcess> => {
      const child = group.spawn(name, command, args, join(logDir, `${name}.log`));
      await appendFile(pidFile, `${child.pid}\n`);
      return child;
    };

    const [keys, , ports] = await Promise.all([createTokenKeys(confDir), writeHtpasswd(join(confDir, 'htpasswd')), findFreePorts(5)]);
    const [anonPort, basicPort, tokenPort, redirectPort, nginxPort] = ports as [number, number, number, number, number];
    tokenServer = await startTokenServer({ keys, issuer: TOKEN_ISSUER, credentials: CREDENTIALS });
    const nginxUrl = `http://127.0.0.1:${nginxPort}`;

    const configs: Record<'anon' | 'basic' | 'token' | 'redirect', RegistryConfigOptions> = {
      anon: { port: anonPort, storageRoot },
      basic: { port: basicPort, storageRoot, auth: { kind: 'htpasswd', path: join(confDir, 'htpasswd') } },
      token: {
        port: tokenPort,
        storageRoot,
        auth: { kind: 'token', realm: tokenServer.realm, service: TOKEN_SERVICE, issuer: TOKEN_ISSUER, rootCertBundle: keys.certPath },
      },
      redirect: { port: redirectPort, storageRoot, redirectBaseUrl: `${nginxUrl}/` },
    };
    const registries = await Promise.all(
      Object.entries(configs).map(async ([name, config]) => {
        const file = join(confDir, `${name}.yml`);
        await writeFile(file, registryConfigYaml(config));
        return { name, port: config.port, process: await spawnLogged(`registry-${name}`, REGISTRY_BIN, ['serve', file]) };
      }),
    );
    const nginxFile = join(confDir, 'nginx.conf');
    await writeFile(nginxFile, nginxConfig({ port: nginxPort, storageRoot, foreignDir, workDir: nginxDir }));
    const nginx = await spawnLogged('nginx', NGINX_BIN, ['-e', join(nginxDir, 'nginx-error.log'), '-c', nginxFile]);

    await Promise.all([
      ...registries.map((r) => waitForHttp(`http://127.0.0.1:${r.port}/v2/`, (status) => status === 200 || status === 401, r.process)),
      waitForHttp(`${nginxUrl}/`, () => true, nginx),
    ]);

    const endpoints = {
      anon: endpoint(anonPort),
      basic: endpoint(basicPort),
      token: endpoint(tokenPort),
      redirect: endpoint(redirectPort),
      tokenServer: {
        url: tokenServer.url,
        realm: tokenServer.realm,
        kidRealm: tokenServer.kidRealm,
        statsUrl: `${tokenServer.url}/_stats`,
        service: TOKEN_SERVICE,
        issuer: TOKEN_ISSUER,
      },
      credentials: { ...CREDENTIALS },
      nginxUrl,
      storageRoot,
      foreignDir,
    };
    let catalogue: FixtureCatalogue | null = null;
    if (options.fixtures !== false) {
      catalogue = await pushFixtures({
        baseUrl: endpoints.anon.url,
        storageRoot,
        nginxUrl,
        foreignDir,
        ...(options.seedReplicas === false ? { seedReplicas: false } : {}),
      });
    }
    return { ...endpoints, tempDir, catalogue, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
