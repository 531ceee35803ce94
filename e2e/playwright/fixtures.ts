import { test as base, expect, type Page } from '@playwright/test';
import { ConsoleGuard } from './console-guard';
import { readE2eDescription, type E2eDescription } from './e2e-description';
import { openRoute as openRouteOn, type OpenRouteOptions } from './open-route';

/** Opens a hash route of the main web host and waits for `data-app-state`. */
export type OpenRoute = (page: Page, hash: string, options?: OpenRouteOptions) => Promise<void>;

/** The fixtures every spec gets. */
export interface RegscopeFixtures {
  /** The running web hosts, registries and fixture catalogue. */
  readonly e2e: E2eDescription;
  /** Console errors and uncaught page errors; the test fails on any that is not allowed. */
  readonly consoleGuard: ConsoleGuard;
  /** `openRoute(page, '#/image/python:3.11')` on the web host mirroring the anonymous registry. */
  readonly openRoute: OpenRoute;
  /** The same on the web host mirroring the redirect registry (Last-Modified headers). */
  readonly openRedirectRoute: OpenRoute;
  /** The same on the web host behind the slow proxy (long jobs). */
  readonly openSlowRoute: OpenRoute;
}

/** Playwright's `test` with the regscope fixtures. */
export const test = base.extend<RegscopeFixtures>({
  // Playwright reads a fixture's dependencies from its first parameter: this one has none.
  e2e: async ({}, use) => {
    await use(readE2eDescription());
  },
  consoleGuard: [
    async ({ context }, use) => {
      const guard = new ConsoleGuard(context);
      await use(guard);
      guard.check();
    },
    { auto: true },
  ],
  openRoute: async ({ e2e }, use) => {
    await use((page, hash, options) => openRouteOn(page, e2e.web, hash, options));
  },
  openRedirectRoute: async ({ e2e }, use) => {
    await use((page, hash, options) => openRouteOn(page, e2e.webRedirect, hash, options));
  },
  openSlowRoute: async ({ e2e }, use) => {
    await use((page, hash, options) => openRouteOn(page, e2e.webSlow, hash, options));
  },
});

export { expect };
