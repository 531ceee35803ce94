import type { Page } from '@playwright/test';

/** The `data-tag`s of the tag rows on screen, top to bottom (the list is virtualized). */
export async function shownTags(page: Page): Promise<readonly string[]> {
  return page.getByTestId('tag-row').evaluateAll((rows) =>
    rows
      .map((row) => ({ tag: row.getAttribute('data-tag') ?? '', top: row.getBoundingClientRect().top }))
      .sort((a, b) => a.top - b.top)
      .map((row) => row.tag),
  );
}
