import { expect, type Page } from '@playwright/test';
import type { WebHostDescription } from './e2e-description';

/** The app state `openRoute` waits for. */
export type ExpectedAppState = 'ready' | 'error';

/** Options of `openRoute`. */
export interface OpenRouteOptions {
  /** The state the page must settle in (default `ready`). */
  readonly state?: ExpectedAppState;
  /** How long the page may take to settle (default 20 s: a cold inspect reads every config). */
  readonly timeout?: number;
}

/** Origins a page has already traded the token for a cookie with. */
const signedIn = new WeakMap<Page, Set<string>>();

/**
 * Opens a hash route (`#/image/python:3.11`) of a web host in `page` and waits until the root's
 * `data-app-state` is `ready` (or `options.state`). The first time per page and host it opens the
 * token URL, which the server answers with its cookie and a redirect to `/` (the browser keeps the
 * hash across the redirect). Every open is a fresh document, so no state carries over.
 */
export async function openRoute(page: Page, host: WebHostDescription, hash: string, options: OpenRouteOptions = {}): Promise<void> {
  if (!hash.startsWith('#')) throw new Error(`openRoute wants a hash route, got ${hash}`);
  const origins = signedIn.get(page) ?? new Set<string>();
  signedIn.set(page, origins);
  if (!origins.has(host.origin)) {
    await page.goto(`${host.url}${hash}`);
    origins.add(host.origin);
  } else {
    // Going from `/#a` to `/#b` changes only the fragment: the browser keeps the document.
    const current = new URL(page.url());
    const sameDocument = current.origin === host.origin && current.pathname === '/' && current.search === '';
    await page.goto(`${host.origin}/${hash}`);
    // A hash-only change keeps the old document (and its app state): load it afresh.
    if (sameDocument) await page.reload();
  }
  await expect(page).toHaveURL(`${host.origin}/${hash}`);
  await waitForAppState(page, options.state ?? 'ready', options.timeout);
}

/**
 * Waits until the page settles (`ready` or `error`) and checks it is `expected`; an unexpected
 * error fails with the text of the error panel, which says what went wrong.
 */
export async function waitForAppState(page: Page, expected: ExpectedAppState, timeout = 20_000): Promise<void> {
  const root = page.locator('.app[data-app-state]');
  await expect(root).toHaveAttribute('data-app-state', /^(ready|error)$/, { timeout });
  const state = await root.getAttribute('data-app-state');
  if (state !== expected) {
    const panel = await page.locator('[role="alert"]').allInnerTexts();
    throw new Error(`expected data-app-state="${expected}" but it is "${String(state)}"${panel.length > 0 ? `: ${panel.join(' | ')}` : ''}`);
  }
}
