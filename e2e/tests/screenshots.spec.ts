import { expect, test } from '../playwright/fixtures';
import { shootBothSchemes } from '../playwright/screenshots';

// Pictures of every main view in light and dark, for people to look at (e2e/artifacts/screenshots).
// Each test also checks the view is really there, so a screenshot of a spinner cannot pass.
test.describe('screenshots of the main views', () => {
  test('start', async ({ page, openRoute }) => {
    await openRoute(page, '#/');
    await expect(page.getByTestId('reference-input')).toBeVisible();
    await shootBothSchemes(page, 'start', 'viewport');
  });

  test('tag browser', async ({ page, openRoute }) => {
    await openRoute(page, '#/repo/python');
    // Wait until the visible rows have their summaries (digest, platforms, size).
    await expect(page.locator('.tag-row code.tag-digest')).toHaveCount(await page.getByTestId('tag-row').count());
    await shootBothSchemes(page, 'tag-browser', 'viewport');
  });

  test('image view', async ({ page, openRoute }) => {
    await openRoute(page, '#/image/python:3.11');
    await expect(page.getByTestId('treemap-cell').first()).toBeVisible();
    await shootBothSchemes(page, 'image', 'viewport');
    await shootBothSchemes(page, 'image-full', 'full-page');
  });

  test('treemap small multiples', async ({ page, openRoute }) => {
    await openRoute(page, '#/image/python:3.11');
    await page.getByTestId('small-multiples-toggle').click();
    await expect(page.locator('.multiple')).toHaveCount(6);
    await shootBothSchemes(page, 'treemap-multiples', page.locator('.treemap-panel'));
  });

  test('history diff', async ({ page, openRoute }) => {
    await openRoute(page, '#/image/python:3.11');
    await page.locator('[data-testid="history-platform"][data-platform="linux/arm64/v8"]').check();
    await expect(page.locator('.history-grid .history-col-head')).toHaveCount(3);
    await shootBothSchemes(page, 'history-diff', page.locator('.history-panel'));
  });

  test('compare', async ({ page, openRoute }) => {
    await openRoute(page, '#/compare/python:3.11?platforms=linux/amd64,linux/arm64/v8');
    await expect(page.getByTestId('shared-bytes')).toBeVisible();
    await shootBothSchemes(page, 'compare', 'full-page');
  });

  test('windows image', async ({ page, openRoute }) => {
    await openRoute(page, '#/image/windows/servercore-app:multi?platform=windows/amd64/10.0.17763.5820');
    await expect(page.getByTestId('treemap-cell').first()).toBeVisible();
    await shootBothSchemes(page, 'windows-image', 'viewport');
  });

  test('error', async ({ page, openRoute }) => {
    await openRoute(page, '#/image/127.0.0.1:1/acme/app:1', { state: 'error' });
    await expect(page.getByTestId('error-panel')).toBeVisible();
    await shootBothSchemes(page, 'error', 'viewport');
  });
});
