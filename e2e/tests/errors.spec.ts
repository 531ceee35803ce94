import type { Page } from '@playwright/test';
import { expect, test } from '../playwright/fixtures';

/** The page says what went wrong: an alert with a heading and a message, never a blank page. */
async function expectErrorInPlace(page: Page, code: string, title: string): Promise<void> {
  const panel = page.getByTestId('error-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toHaveAttribute('data-code', code);
  await expect(panel).toHaveAttribute('role', 'alert');
  await expect(panel.locator('.error-title')).toHaveText(title);
  await expect(panel.locator('.error-message')).not.toBeEmpty();
  await expect(page.locator('.app')).toHaveAttribute('data-app-state', 'error');
  // The shell stays: the top bar and its reference box are there to go somewhere else.
  await expect(page.getByTestId('reference-input')).toBeVisible();
}

/** Counts the page's `inspect` API calls, to see that Retry really asks again. */
function countInspectCalls(page: Page): () => number {
  let calls = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/inspect')) calls++;
  });
  return () => calls;
}

test.describe('errors in place', () => {
  test('a missing tag shows the not-found panel with the way to the repository', async ({ page, openRoute }) => {
    await openRoute(page, '#/image/python:no-such-tag', { state: 'error' });
    await expectErrorInPlace(page, 'not-found', 'Not found');
    await expect(page.locator('.error-reference')).toContainText('python:no-such-tag');
    await page.getByRole('link', { name: 'Tags of python' }).click();
    await expect(page).toHaveURL(/#\/repo\/python$/);
    await expect(page.locator('.app')).toHaveAttribute('data-app-state', 'ready');
    await expect(page.getByTestId('tag-row').first()).toBeVisible();
  });

  test('an unreachable registry shows the unreachable panel, and Try again asks again', async ({ page, openRoute }) => {
    const inspectCalls = countInspectCalls(page);
    await openRoute(page, '#/image/127.0.0.1:1/acme/app:1', { state: 'error' });
    await expectErrorInPlace(page, 'unreachable', 'Cannot reach the registry');
    await expect(page.locator('.error-reference')).toContainText('127.0.0.1:1/acme/app:1');
    const before = inspectCalls();
    expect(before).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(inspectCalls).toBeGreaterThan(before);
    // Still unreachable: the panel is back (not a blank page, not a spinner forever).
    await expectErrorInPlace(page, 'unreachable', 'Cannot reach the registry');
    // "Edit the reference" puts it in the reference box to fix.
    await page.getByRole('button', { name: 'Edit the reference' }).click();
    await expect(page.getByTestId('reference-input')).toBeFocused();
    await expect(page.getByTestId('reference-input')).toHaveValue('127.0.0.1:1/acme/app:1');
  });

  test('a repository the registry does not have fails in place', async ({ page, openRoute }) => {
    await openRoute(page, '#/repo/acme/no-such-repository', { state: 'error' });
    await expectErrorInPlace(page, 'not-found', 'Not found');
    await expect(page.locator('.error-reference')).toContainText('acme/no-such-repository');
    await expect(page.getByTestId('tag-row')).toHaveCount(0);
  });

  test('an invalid reference and an unknown page say so', async ({ page, openRoute }) => {
    await openRoute(page, '#/image/Not A Reference!', { state: 'error' });
    await expectErrorInPlace(page, 'invalid-reference', 'Not an image reference');

    await openRoute(page, '#/nowhere', { state: 'error' });
    await expect(page.getByRole('alert')).toContainText('No such page');
    await page.getByRole('link', { name: 'Go to the start page' }).click();
    await expect(page.locator('.app')).toHaveAttribute('data-app-state', 'ready');
    await expect(page.getByTestId('reference-input')).toBeVisible();
  });
});
