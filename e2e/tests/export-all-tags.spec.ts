import type { Page } from '@playwright/test';
import { saveDownload } from '../playwright/downloads';
import { catalogueOf } from '../playwright/catalogue';
import { expect, test } from '../playwright/fixtures';

/** The `## \`<reference>\`` section headings of a tag-details.md, in order. */
function sections(text: string): readonly string[] {
  return [...text.matchAll(/^## `([^`]+)`$/gm)].map((match) => match[1] ?? '');
}

/** The progress bar of the export job. */
function exportProgress(page: Page) {
  return page.getByRole('progressbar', { name: 'Exporting tags' });
}

test.describe('whole-repository export (tag-details.md)', () => {
  test('shows its progress and, cancelled, saves the tags done so far', async ({ page, e2e, openSlowRoute }, testInfo) => {
    // The web host behind the slow proxy: through it a 127-tag export takes seconds, long enough
    // to watch its progress and press Cancel, as against a registry across the internet.
    const many = catalogueOf(e2e).manyTags;
    await openSlowRoute(page, `#/repo/${many.repository}`);
    await page.getByTestId('export-all-tags').click();
    const progress = exportProgress(page);
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute('aria-valuemax', String(many.tags.length));
    await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect(page.locator('.export-all .job-line')).toContainText(`/ ${String(many.tags.length)} tags`);

    // Listen before clicking; a missing download is asserted below, with a message, not left to time out.
    const download = page.waitForEvent('download', { timeout: 10_000 }).catch(() => undefined);
    const cancelAnswer = page.waitForResponse((response) => response.url().endsWith('/api/cancelJob'));
    await page.locator('.export-all').getByRole('button', { name: 'Cancel' }).click();
    // What the host answered to Cancel, recorded for whoever reads a failure here.
    const answer = (await (await cancelAnswer).json()) as { readonly value?: { readonly state?: string; readonly done?: number; readonly export?: unknown } };
    testInfo.annotations.push({ type: 'cancelJob answer', description: `state=${String(answer.value?.state)} done=${String(answer.value?.done)} export=${answer.value?.export === undefined ? 'absent' : 'present'}` });
    await expect(progress).toHaveCount(0);
    // At least one tag was done before Cancel, so the UI must save those (ExportAllTags.tsx), not
    // say "Export cancelled before any tag was done."
    const outcome = page.locator('.export-all').getByText(/Stopped; saved what was done|Export cancelled before any tag was done/);
    await expect(outcome).toBeVisible();
    await expect(outcome, 'tags were done before Cancel: the partial tag-details.md must be saved').toHaveText(/Stopped; saved what was done/);
    const saved = await download;
    if (saved === undefined) throw new Error('the UI said it saved the partial tag-details.md, but no download happened');
    const partial = await saveDownload(saved, testInfo);
    expect(partial.fileName).toBe('tag-details.md');
    expect(partial.text).toContain(`# Tags of \`${many.repository}\``);
    const done = sections(partial.text);
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(many.tags.length);
    // Tags stopped by Cancel did not fail: they must not be listed as "could not be reported".
    await expect(page.locator('.export-failures'), 'tags interrupted by Cancel are not failures').toHaveCount(0);
  });

  test('exports every tag: one section each, in byte order, all in the table of contents', async ({ page, e2e, openRoute }, testInfo) => {
    const many = catalogueOf(e2e).manyTags;
    const name = many.repository;
    await openRoute(page, `#/repo/${name}`);
    const finished = page.waitForEvent('download', { timeout: 25_000 });
    await page.getByTestId('export-all-tags').click();
    const full = await saveDownload(await finished, testInfo);
    await expect(page.locator('.export-all [role="status"]')).toContainText('Saved tag-details.md');
    await expect(exportProgress(page)).toHaveCount(0);
    expect(full.fileName).toBe('tag-details.md');
    expect(full.text.startsWith(`<!-- THIS FILE IS GENERATED VIA './update-remote.sh' -->\n\n# Tags of \`${name}\`\n`)).toBe(true);
    const expected = many.tags.map((tag) => `${name}:${tag}`).sort();
    expect(sections(full.text)).toEqual(expected);
    for (const reference of expected) expect(full.text).toContain(`-\t[\`${reference}\`](#${reference.replace(/[.:]/g, '').toLowerCase()})\n`);
    // Each tag's manifest digest is the one it was pushed with.
    for (const [tag, digest] of Object.entries(many.tagDigests)) expect(full.text, tag).toContain(`$ docker pull ${name}@${digest}`);
  });
});
