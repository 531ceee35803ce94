import type { Locator } from '@playwright/test';
import { formatBytes } from '../../shared/format/size';
import { catalogueOf, imageByKey, imageSize } from '../playwright/catalogue';
import { expect, test } from '../playwright/fixtures';
import { countStatuses, shownHistoryRows } from '../playwright/history-rows';

/** The `dd` of a named fact in one compare side. */
function fact(side: Locator, name: string): Locator {
  return side.locator('.fact').filter({ has: side.page().locator('dt').getByText(name, { exact: true }) }).locator('dd');
}

test.describe('compare', () => {
  test('two platforms of python:3.11 side by side, with the sizes of their layers', async ({ page, e2e, openRoute }) => {
    const python = catalogueOf(e2e).python;
    const left = imageByKey(python, 'linux/amd64');
    const right = imageByKey(python, 'linux/arm64/v8');
    await openRoute(page, '#/compare/python:3.11?platforms=linux/amd64,linux/arm64/v8');

    const sides = page.locator('.compare-side');
    await expect(sides).toHaveCount(2);
    await expect(page.getByTestId('compare-platform-left')).toHaveValue('linux/amd64');
    await expect(page.getByTestId('compare-platform-right')).toHaveValue('linux/arm64/v8');
    for (const [side, image] of [
      [sides.nth(0), left],
      [sides.nth(1), right],
    ] as const) {
      const size = imageSize(image);
      await expect(fact(side, 'Compressed size')).toHaveText(formatBytes(size));
      await expect(fact(side, 'Compressed size')).toHaveAttribute('title', `${String(size)} bytes`);
      await expect(fact(side, 'Layers')).toHaveText(String(image.layers.length));
      await expect(side.locator(`code[title="${image.manifestDigest}"]`)).toHaveCount(1);
    }
    // amd64 and arm64 share no layer: everything on the right is extra.
    await expect(page.getByTestId('shared-bytes')).toContainText(`shared: ${formatBytes(0)}`);
    await expect(page.locator('#bytes-heading + .muted')).toContainText(`the right costs ${formatBytes(imageSize(right))}`);
    // Its history diff is the same one as on the image page: arm64's one extra step.
    expect(countStatuses(await shownHistoryRows(page)).added).toBe(1);
  });

  test('amd64 vs 386 share their base layer, and the bar says how many bytes', async ({ page, e2e, openRoute }) => {
    const python = catalogueOf(e2e).python;
    const left = imageByKey(python, 'linux/amd64');
    const right = imageByKey(python, 'linux/386');
    const rightDigests = new Set(right.layers.map((layer) => layer.digest));
    const shared = left.layers.filter((layer) => rightDigests.has(layer.digest));
    expect(shared).toHaveLength(1);
    const sharedBytes = shared.reduce((sum, layer) => sum + layer.size, 0);
    await openRoute(page, '#/compare/python:3.11?platforms=linux/amd64,linux/386');

    const bar = page.getByTestId('shared-bytes');
    await expect(bar.locator('li').nth(0)).toContainText(`only left: ${formatBytes(imageSize(left) - sharedBytes)}`);
    await expect(bar.locator('li').nth(1)).toContainText(`shared: ${formatBytes(sharedBytes)}`);
    await expect(bar.locator('li').nth(1)).toContainText(/\(1 layers?,/);
    await expect(bar.locator('li').nth(2)).toContainText(`only right: ${formatBytes(imageSize(right) - sharedBytes)}`);

    // Picking another platform on the right updates the route and the side.
    await page.getByTestId('compare-platform-right').selectOption('linux/arm64/v8');
    await expect(page).toHaveURL(/platforms=linux\/amd64,linux\/arm64\/v8$/);
    await expect(fact(page.locator('.compare-side').nth(1), 'Compressed size')).toHaveAttribute('title', `${String(imageSize(imageByKey(python, 'linux/arm64/v8')))} bytes`);
  });
});
