import type { BrowserContext, Page } from 'playwright-core';
import { filterTagIndex, prepareTagIndex } from '../../shared/view-models';
import type { BenchWindow } from './ui-page';

/**
 * Drives the app in the page for the UI benchmark: routes, keystrokes and the calls into the
 * in-page probes of ui-page.ts (the probes time; this file only asks and waits).
 */

/** The registry the fake routes name (never contacted: the fake API answers everything). */
export const FAKE_REGISTRY = '127.0.0.1:5999';
export const REPO_ROUTE = `#/repo/${FAKE_REGISTRY}/bench/hundred-k`;
/** Typed into the filter, then erased: every keystroke changes the shown rows (checked below). */
export const TYPED = ['4-bo', '9.1'];
/** The pause between keystrokes: a brisk typist, and time for the rows' summaries to settle. */
export const KEY_PAUSE_MS = 150;

/** The keys to press: each string typed, then erased with Backspace. */
export function keystrokes(): string[] {
  return TYPED.flatMap((text) => [...text, ...Array.from(text, () => 'Backspace')]);
}

/** Checks in Node that each keystroke changes the filtered count (else its probe would wait for nothing). */
export function checkKeystrokesChangeRows(tags: readonly string[]): void {
  const index = prepareTagIndex(tags);
  const count = (text: string): number => {
    const result = filterTagIndex(index, { text, mode: 'substring' });
    return result.ok ? result.tags.length : -1;
  };
  let text = '';
  for (const key of keystrokes()) {
    const next = key === 'Backspace' ? text.slice(0, -1) : text + key;
    if (count(next) === count(text)) throw new Error(`keystroke "${key}" after "${text}" does not change the rows`);
    text = next;
  }
}

/** Opens the tag browser in a fresh page; answers ms from navigation start to the first tag row. */
export async function firstRows(context: BrowserContext, origin: string): Promise<{ page: Page; firstRowMs: number; tagGenMs: number }> {
  const page = await context.newPage();
  await page.goto(`${origin}/${REPO_ROUTE}`);
  await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.firstRowMs !== undefined, undefined, { timeout: 30_000 });
  const { firstRowMs, tagGenMs } = await page.evaluate(() => {
    const probe = (window as unknown as BenchWindow).__bench;
    return { firstRowMs: probe.firstRowMs ?? -1, tagGenMs: probe.tagGenMs };
  });
  return { page, firstRowMs, tagGenMs };
}

/** Presses `key` in the filter and answers the in-page latency until the rows were re-rendered. */
export async function keystroke(page: Page, key: string): Promise<number> {
  await page.evaluate(() => (window as unknown as BenchWindow).__bench.armKeystroke());
  await page.keyboard.press(key);
  const ms = await page.evaluate(() => (window as unknown as BenchWindow).__bench.keystrokeResult());
  if (ms < 0) throw new Error(`keystroke ${key}: the tag list did not change within 5 s`);
  await page.waitForTimeout(KEY_PAUSE_MS);
  return ms;
}

/** Opens the image route of an image with `layers` layers from the start page; answers DOM and paint times. */
export async function openImage(page: Page, run: number, layers: number): Promise<{ domMs: number; paintMs: number }> {
  // Back to the start page first, so every open mounts the image view afresh (a new reference
  // also misses react-query's cache).
  await page.evaluate(() => {
    location.hash = '#/';
  });
  await page.waitForSelector('[data-testid="reference-input"]');
  const hash = `#/image/${FAKE_REGISTRY}/bench/layers:${reportTag(layers)}-run${String(run + 10)}`;
  const timing = await page.evaluate(({ route, cells }) => (window as unknown as BenchWindow).__bench.openRoute(route, cells), { route: hash, cells: layers });
  if (timing.domMs < 0) throw new Error(`${hash}: ${layers} treemap cells did not appear within 20 s`);
  return timing;
}

/** The fake report's tag for an image of `layers` layers. */
export function reportTag(layers: number): string {
  return `layers${String(layers)}`;
}

/** The baseline image: a typical size, so the fixed cost of the image page shows apart. */
export const SMALL_LAYER_COUNT = 8;
