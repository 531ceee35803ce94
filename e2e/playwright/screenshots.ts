import type { Locator, Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where view screenshots go (gitignored): e2e/artifacts/screenshots/<view>-<scheme>.png. */
export const SCREENSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts', 'screenshots');

/** An element's box in page coordinates (not the viewport's). */
async function pageBox(target: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  return target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { x: box.left + window.scrollX, y: box.top + window.scrollY, width: box.width, height: box.height };
  });
}

/** The colour schemes every view is shot in. */
export const SCHEMES = ['light', 'dark'] as const;

/** A colour scheme of `SCHEMES`. */
export type Scheme = (typeof SCHEMES)[number];

/**
 * Shoots `target` (the viewport, the whole page, or one element) in both colour schemes. The app
 * follows `prefers-color-scheme` live, so one page load serves both. Returns the file paths.
 */
export async function shootBothSchemes(page: Page, view: string, target: 'viewport' | 'full-page' | Locator): Promise<readonly string[]> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const paths: string[] = [];
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    // Let the new colours apply before the shot (CSS transitions, if any, are disabled by Playwright).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const path = join(SCREENSHOT_DIR, `${view}-${scheme}.png`);
    const options = { path, animations: 'disabled', caret: 'hide' } as const;
    if (target === 'viewport') await page.screenshot(options);
    else if (target === 'full-page') await page.screenshot({ ...options, fullPage: true });
    // A full-page shot clipped to the element: an element shot scrolls it under the sticky top bar.
    else await page.screenshot({ ...options, fullPage: true, clip: await pageBox(target) });
    paths.push(path);
  }
  return paths;
}
