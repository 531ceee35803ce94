import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultSeedsDir } from '../fixtures/seed-replicas';
import { catalogueOf, platformImages } from '../playwright/catalogue';
import { exportFromMenu } from '../playwright/downloads';
import { expect, test } from '../playwright/fixtures';
import { replaceAll, repoInfoPlatform } from '../playwright/repo-info-text';

/** The parts of the JSON export these tests read (shared/report/json/README.md). */
interface JsonExport {
  readonly formatVersion: number;
  readonly reports: readonly {
    readonly kind: string;
    readonly reference: string;
    readonly digest?: string;
    readonly images?: readonly { readonly digest: string; readonly platformText: string; readonly compressedSize: number }[];
  }[];
}

test.describe('export from the image page', () => {
  test('repo-info markdown of python:3.11 names the tag and every platform', async ({ page, e2e, openRoute }, testInfo) => {
    const python = catalogueOf(e2e).python;
    await openRoute(page, '#/image/python:3.11');
    const file = await exportFromMenu(page, 'seed', testInfo);
    expect(file.fileName).toBe('3.11.md');
    expect(file.text.startsWith('## `python:3.11`\n')).toBe(true);
    expect(file.text).toContain(`$ docker pull python@${python.digest}`);
    for (const image of python.images) {
      expect(file.text).toContain(`\n\t-\t${repoInfoPlatform(image.platform)}\n`);
      expect(file.text).toContain(`### \`python:3.11\` - ${repoInfoPlatform(image.platform)}\n`);
      expect(file.text).toContain(`$ docker pull python@${image.manifestDigest}`);
    }
    await expect(page.getByRole('status').filter({ hasText: 'Saved 3.11.md' })).toBeVisible();

    // The current style says how many platforms instead of listing them up front.
    const current = await exportFromMenu(page, 'current', testInfo);
    expect(current.text.startsWith('## `python:3.11`\n')).toBe(true);
    expect(current.text).toContain(`Platforms: ${String(python.images.length)}`);
  });

  test('JSON parses, is format version 1 and carries the list digest and every image', async ({ page, e2e, openRoute }, testInfo) => {
    const python = catalogueOf(e2e).python;
    await openRoute(page, '#/image/python:3.11');
    const file = await exportFromMenu(page, 'json', testInfo);
    expect(file.fileName).toMatch(/\.json$/);
    const json = JSON.parse(file.text) as JsonExport;
    expect(json.formatVersion).toBe(1);
    expect(json.reports).toHaveLength(1);
    const report = json.reports[0];
    expect(report?.kind).toBe('found');
    expect(report?.reference).toBe('python:3.11');
    expect(report?.digest).toBe(python.digest);
    expect(report?.images?.map((image) => image.digest)).toEqual(python.images.map((image) => image.manifestDigest));
    expect(report?.images?.map((image) => image.platformText)).toEqual(python.images.map((image) => repoInfoPlatform(image.platform)));
    expect(report?.images?.map((image) => image.compressedSize)).toEqual(python.images.map((image) => image.layers.reduce((sum, layer) => sum + layer.size, 0)));
  });

  test('HTML is a page without scripts that names every platform', async ({ page, e2e, openRoute }, testInfo) => {
    const buildx = catalogueOf(e2e).buildx;
    await openRoute(page, `#/image/${e2e.registries.anon.host}/acme/buildx-app:v1`);
    const file = await exportFromMenu(page, 'html', testInfo);
    expect(file.fileName).toMatch(/\.html$/);
    expect(file.text).toMatch(/^<!doctype html>/i);
    expect(file.text.toLowerCase()).not.toContain('<script');
    expect(file.text).not.toMatch(/\son[a-z]+\s*=/i);
    for (const image of platformImages(buildx)) expect(file.text).toContain(repoInfoPlatform(image.platform));
    expect(file.text).toContain(buildx.digest);

    // The saved page renders on its own: open it and read the platforms a user would see.
    await page.goto(`file://${file.path}`);
    for (const image of platformImages(buildx)) await expect(page.getByText(repoInfoPlatform(image.platform)).first()).toBeVisible();
  });

  test('repo-info of the python:3.8-rc-alpine replica equals the seed byte for byte', async ({ page, e2e, openRedirectRoute }, testInfo) => {
    const replica = catalogueOf(e2e).seedReplicas.find((candidate) => candidate.seedReference === 'python:3.8-rc-alpine');
    if (replica === undefined) throw new Error('the python:3.8-rc-alpine seed replica was not built');
    const seed = await readFile(join(defaultSeedsDir(), replica.seedFile), 'utf8');
    const expected = replaceAll(seed, replica.digestMap);
    // The web host mirroring the redirect registry: blobs come from nginx with the seed's Last-Modified.
    await openRedirectRoute(page, `#/image/${replica.seedReference}`);
    const file = await exportFromMenu(page, 'seed', testInfo);
    expect(file.fileName).toBe('3.8-rc-alpine.md');
    expect(file.text).toBe(expected);
  });
});
