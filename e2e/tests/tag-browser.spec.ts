import { catalogueOf, tagsOf } from '../playwright/catalogue';
import { expect, test } from '../playwright/fixtures';
import { sortNatural } from '../playwright/natural-order';
import { shownTags } from '../playwright/tag-rows';

/** The same filter the UI promises: case-insensitive substring or (unanchored, case-insensitive) regex. */
function expectedFilter(tags: readonly string[], text: string, mode: 'substring' | 'regex'): readonly string[] {
  if (mode === 'regex') {
    const pattern = new RegExp(text, 'i');
    return tags.filter((tag) => pattern.test(tag));
  }
  return tags.filter((tag) => tag.toLowerCase().includes(text.toLowerCase()));
}

test.describe('tag browser', () => {
  test('lists every tag of python in version order, and the filter narrows the rows', async ({ page, e2e, openRoute }) => {
    const tags = tagsOf(catalogueOf(e2e), 'library/python');
    expect(tags.length).toBeGreaterThanOrEqual(5);
    await openRoute(page, '#/repo/python');

    // Docker Hub names resolve through the mirror: the rows are the fixture tags, in natural order.
    await expect.poll(() => shownTags(page)).toEqual(sortNatural(tags));
    await expect(page.getByRole('status').filter({ hasText: /^\d+ tags/ })).toContainText(`${String(tags.length)} tags`);

    const filter = page.getByTestId('tag-filter');
    await filter.fill('SLIM');
    await expect.poll(() => shownTags(page)).toEqual(sortNatural(expectedFilter(tags, 'SLIM', 'substring')));
    await filter.fill('rc-');
    await expect.poll(() => shownTags(page)).toEqual(sortNatural(expectedFilter(tags, 'rc-', 'substring')));

    await page.getByTestId('tag-filter-regex').click();
    await filter.fill('^3\\.\\d+$');
    await expect.poll(() => shownTags(page)).toEqual(sortNatural(expectedFilter(tags, '^3\\.\\d+$', 'regex')));

    // An unfinished regex is reported in place; the list stays usable.
    await filter.fill('(');
    await expect(page.getByRole('alert')).toContainText('Invalid regular expression');
    await expect.poll(() => shownTags(page)).toEqual(sortNatural(tags));

    await filter.fill('zzz-no-such-tag');
    await expect(page.getByText('No tag matches the filter.')).toBeVisible();
  });

  test('sorts versions naturally (1.9 before 1.10), plain byte order on request, and descending', async ({ page, e2e, openRoute }) => {
    const many = catalogueOf(e2e).manyTags;
    const repository = many.repository;
    await openRoute(page, `#/repo/${repository}`);
    await expect(page.getByRole('status').filter({ hasText: /tags/ }).first()).toContainText(`${String(many.tags.length)} tags`);

    // `1.M` tags: eleven of them, enough to show 1.9 against 1.10 and few enough to all be on screen.
    const regex = '^1\\.\\d+$';
    const minors = expectedFilter(many.tags, regex, 'regex');
    await page.getByTestId('tag-filter-regex').click();
    await page.getByTestId('tag-filter').fill(regex);
    const natural = sortNatural(minors);
    await expect.poll(() => shownTags(page)).toEqual(natural);
    expect(natural.indexOf('1.9')).toBeLessThan(natural.indexOf('1.10'));
    await expect(page.locator('.tag-toolbar .count')).toHaveText(`${String(minors.length)} of ${String(many.tags.length)} tags`);

    await page.getByRole('radio', { name: 'Plain' }).click();
    const plain = [...minors].sort();
    await expect.poll(() => shownTags(page)).toEqual(plain);
    expect(plain.indexOf('1.10')).toBeLessThan(plain.indexOf('1.9'));

    await page.getByRole('radio', { name: 'Version' }).click();
    await page.getByRole('radio', { name: '↓' }).click();
    await expect.poll(() => shownTags(page)).toEqual([...natural].reverse());
  });

  test('"/" focuses the tag filter, and typing then filters', async ({ page, e2e, openRoute }) => {
    const tags = tagsOf(catalogueOf(e2e), 'library/python');
    await openRoute(page, '#/repo/python');
    const filter = page.getByTestId('tag-filter');
    await page.locator('h1').click();
    await expect(filter).not.toBeFocused();
    await page.keyboard.press('/');
    await expect(filter).toBeFocused();
    await page.keyboard.type('latest');
    await expect(filter).toHaveValue('latest');
    await expect.poll(() => shownTags(page)).toEqual(expectedFilter(tags, 'latest', 'substring'));
    // Enter moves into the list; Enter there opens the active tag.
    await page.keyboard.press('Enter');
    await expect(page.locator('#tag-list')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/image\/python:latest$/);
    await expect(page.locator('.app')).toHaveAttribute('data-app-state', 'ready', { timeout: 20_000 });
  });
});
