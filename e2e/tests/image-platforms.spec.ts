import type { Page } from '@playwright/test';
import { catalogueOf, imageByKey, platformImages, platformKey, sharedLayerDigests } from '../playwright/catalogue';
import { expect, test } from '../playwright/fixtures';

/** `data-digest` of every cell of the (single) treemap on screen. */
function treemapDigests(page: Page): Promise<string[]> {
  return page.getByTestId('treemap-cell').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-digest') ?? ''));
}

/** `data-digest` of the cells drawn as shared. */
function sharedCellDigests(page: Page): Promise<string[]> {
  return page.locator('[data-testid="treemap-cell"].shared').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-digest') ?? ''));
}

function chipKeys(page: Page): Promise<string[]> {
  return page.getByTestId('platform-chip').evaluateAll((chips) => chips.map((chip) => chip.getAttribute('data-platform') ?? ''));
}

test.describe('image view: platforms and the treemap', () => {
  test('python:3.11 has one chip per platform and the treemap follows the selected one', async ({ page, e2e, openRoute }) => {
    const python = catalogueOf(e2e).python;
    const keys = platformImages(python).map((image) => platformKey(image.platform));
    expect(keys).toHaveLength(6);
    expect(keys).toEqual(expect.arrayContaining(['linux/amd64', 'linux/arm/v6', 'linux/arm64/v8', 'linux/386']));
    await openRoute(page, '#/image/python:3.11');

    await expect(page.getByTestId('image-title')).toHaveText('python:3.11');
    await expect(page.locator('.head-facts')).toContainText(python.digest);
    await expect(page.getByTestId('platform-chip')).toHaveCount(6);
    expect(await chipKeys(page)).toEqual(keys);

    // linux/amd64 opens first; then every chip, clicked, shows exactly its manifest's layers.
    const shared = sharedLayerDigests(python);
    expect(shared.size).toBeGreaterThan(0);
    await expect(page.locator('[data-testid="platform-chip"][aria-checked="true"]')).toHaveAttribute('data-platform', 'linux/amd64');
    for (const key of ['linux/arm64/v8', 'linux/arm/v6', 'linux/386', 'linux/amd64']) {
      const image = imageByKey(python, key);
      const chip = page.locator(`[data-testid="platform-chip"][data-platform="${key}"]`);
      await chip.click();
      await expect(chip).toHaveAttribute('aria-checked', 'true');
      await expect(page).toHaveURL(new RegExp(`\\?platform=${key.replace(/\//g, '\\/')}$`));
      const expected = image.layers.map((layer) => layer.digest);
      await expect(page.getByTestId('treemap-cell')).toHaveCount(expected.length);
      expect(new Set(await treemapDigests(page))).toEqual(new Set(expected));
      // The layer amd64 and 386 share is drawn as shared; no other is.
      expect(new Set(await sharedCellDigests(page))).toEqual(new Set(expected.filter((digest) => shared.has(digest))));
      // The facts panel is about the same image: its heading and the manifest digest (full on hover).
      await expect(page.locator('#facts-heading')).toHaveText(key);
      await expect(page.locator(`.facts code[title="${image.manifestDigest}"]`)).toHaveCount(1);
    }
    // The layers table marks the same layer with a "shared" badge.
    await expect(page.locator('.layers-table .badge', { hasText: 'shared' })).toHaveCount(imageByKey(python, 'linux/amd64').layers.filter((layer) => shared.has(layer.digest)).length);
  });

  test('arrow keys switch platform, and ?platform= opens that chip', async ({ page, e2e, openRoute }) => {
    const python = catalogueOf(e2e).python;
    await openRoute(page, '#/image/python:3.11?platform=linux/arm64/v8');
    const selected = page.locator('[data-testid="platform-chip"][aria-checked="true"]');
    await expect(selected).toHaveAttribute('data-platform', 'linux/arm64/v8');
    expect(new Set(await treemapDigests(page))).toEqual(new Set(imageByKey(python, 'linux/arm64/v8').layers.map((layer) => layer.digest)));
    // → selects the next chip in list order, and focus follows (a radio group).
    const images = platformImages(python);
    const following = images[images.findIndex((image) => platformKey(image.platform) === 'linux/arm64/v8') + 1];
    if (following === undefined) throw new Error('linux/arm64/v8 is the last platform of the fixture');
    const next = platformKey(following.platform);
    await selected.focus();
    await page.keyboard.press('ArrowRight');
    await expect(selected).toHaveAttribute('data-platform', next);
    await expect(page.locator(`[data-testid="platform-chip"][data-platform="${next}"]`)).toBeFocused();
    expect(new Set(await treemapDigests(page))).toEqual(new Set(following.layers.map((layer) => layer.digest)));
  });

  test('the buildx OCI index shows 2 platform chips, its attestations as badges', async ({ page, e2e, openRoute }) => {
    const buildx = catalogueOf(e2e).buildx;
    expect(buildx.images).toHaveLength(4);
    const images = platformImages(buildx);
    expect(images).toHaveLength(2);
    await openRoute(page, `#/image/${e2e.registries.anon.host}/acme/buildx-app:v1`);

    await expect(page.getByTestId('platform-chip')).toHaveCount(2);
    expect(await chipKeys(page)).toEqual(images.map((image) => platformKey(image.platform)));
    expect(await chipKeys(page)).not.toContain('unknown/unknown');
    await expect(page.locator('.head-facts')).toContainText(`${String(images.length)} + ${String(buildx.images.length - images.length)} attestations`);
    for (const image of images) {
      const chip = page.locator(`[data-testid="platform-chip"][data-platform="${platformKey(image.platform)}"]`);
      const badges = chip.getByTestId('attestation-badge');
      // Each image has one attestation manifest holding an SPDX SBOM and SLSA provenance.
      await expect(badges).toHaveText(['SBOM', 'provenance']);
      await chip.click();
      expect(new Set(await treemapDigests(page))).toEqual(new Set(image.layers.map((layer) => layer.digest)));
      await expect(page.locator('.facts')).toContainText('Attestations');
    }
  });

  test('a Windows image: the chip carries the full os.version and its label names the release', async ({ page, e2e, openRoute }) => {
    const windows = catalogueOf(e2e).windows;
    const image = platformImages(windows)[0];
    if (image === undefined) throw new Error('the windows fixture has no image');
    const key = platformKey(image.platform);
    expect(key).toBe('windows/amd64/10.0.17763.5820');
    await openRoute(page, '#/image/windows/servercore-app:ltsc2019');

    const chip = page.getByTestId('platform-chip');
    await expect(chip).toHaveCount(1);
    await expect(chip).toHaveAttribute('data-platform', key);
    // The label a user reads: release name first, then the build (shared/platform/windows-release.ts).
    await expect(chip.locator('.chip-label')).toHaveText('windows/amd64 · ltsc2019 10.0.17763.5820');
    const windowsFact = page.locator('.facts .fact').filter({ has: page.locator('dt').getByText('Windows', { exact: true }) });
    await expect(windowsFact.locator('dd')).toHaveText('ltsc2019 10.0.17763.5820');
    expect(new Set(await treemapDigests(page))).toEqual(new Set(image.layers.map((layer) => layer.digest)));
    // The Microsoft base layer is foreign: never uploaded, but counted and marked.
    const foreign = image.layers.filter((layer) => layer.foreignUrl !== undefined);
    expect(foreign).toHaveLength(1);
    await expect(page.locator('[data-testid="treemap-cell"].foreign')).toHaveCount(foreign.length);
    await expect(page.locator(`[data-testid="treemap-cell"].foreign`)).toHaveAttribute('data-digest', foreign[0]?.digest ?? '');
  });
});
