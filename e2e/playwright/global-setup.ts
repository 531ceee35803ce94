import type { FullConfig } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startOrphanWatchdog } from '../registry/orphan-watchdog';
import { startTestRegistries } from '../registry/start-test-registries';
import { describeTestRegistries } from '../registry/test-registries';
import { DESCRIPTION_ENV, type E2eDescription } from './e2e-description';
import { ensureBuild } from './ensure-build';
import { startSlowProxy, type SlowProxy } from './slow-registry-proxy';
import { startWebHost, type WebHostProcess } from './web-host-process';

/** Delay of the slow proxy per registry request: a whole-repository export then takes seconds. */
const SLOW_PROXY_DELAY_MS = 60;

/**
 * Playwright global setup: builds when dist/ is incomplete, starts the real test registries with
 * the fixtures, and three real web hosts (`regscope serve`) with clean HOMEs, mirroring the
 * anonymous registry, the redirect registry (Last-Modified from nginx), and the anonymous registry
 * behind a delaying proxy (long jobs to watch and cancel). Tests read the
 * JSON description named by `REGSCOPE_E2E_DESCRIPTION`. Returns the teardown.
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  const root = config.configFile === undefined ? process.cwd() : dirname(config.configFile);
  const startedAt = performance.now();
  ensureBuild(root);

  const tempDir = await mkdtemp(join(tmpdir(), 'regscope-e2e-'));
  const pidFile = join(tempDir, 'pids');
  // If this process is killed, the web hosts must not outlive it (the registries have their own).
  const watchdog = startOrphanWatchdog(pidFile, tempDir);
  const hosts: WebHostProcess[] = [];
  let proxy: SlowProxy | undefined;
  const registries = await startTestRegistries({ fixtures: true }).catch(async (error: unknown) => {
    watchdog.stop();
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  });
  const teardown = async (): Promise<void> => {
    await Promise.all(hosts.map((host) => host.stop()));
    await proxy?.close();
    await registries.stop();
    watchdog.stop();
    await rm(tempDir, { recursive: true, force: true });
  };
  try {
    const registriesMs = Math.round(performance.now() - startedAt);
    proxy = await startSlowProxy(registries.anon.url, SLOW_PROXY_DELAY_MS);
    const started = await Promise.allSettled([
      startWebHost({ root, mirror: registries.anon.url, home: join(tempDir, 'home-anon'), name: 'serve-anon', pidFile }),
      startWebHost({ root, mirror: registries.redirect.url, home: join(tempDir, 'home-redirect'), name: 'serve-redirect', pidFile }),
      startWebHost({ root, mirror: proxy.url, home: join(tempDir, 'home-slow'), name: 'serve-slow', pidFile }),
    ]);
    // Keep every host that did start, so the teardown stops it even when another failed.
    for (const result of started) if (result.status === 'fulfilled') hosts.push(result.value);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    const [web, webRedirect, webSlow] = hosts as [WebHostProcess, WebHostProcess, WebHostProcess];
    const description: E2eDescription = {
      web: { url: web.url, origin: web.origin, mirror: web.mirror },
      webRedirect: { url: webRedirect.url, origin: webRedirect.origin, mirror: webRedirect.mirror },
      webSlow: { url: webSlow.url, origin: webSlow.origin, mirror: webSlow.mirror },
      registries: describeTestRegistries(registries, registriesMs),
    };
    const file = join(tempDir, 'description.json');
    await writeFile(file, JSON.stringify(description));
    // Workers inherit the environment of the runner, which is where this runs.
    process.env[DESCRIPTION_ENV] = file;
    console.log(`[e2e] registries and fixtures ${String(registriesMs)} ms, web hosts ${web.origin}, ${webRedirect.origin}, ${webSlow.origin}`);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
