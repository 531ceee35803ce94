import type { Download, Page, TestInfo } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** A file the app saved, as the user would find it on disk. */
export interface SavedFile {
  /** The name the app suggested. */
  readonly fileName: string;
  /** Where the test saved it (under the test's output folder). */
  readonly path: string;
  readonly text: string;
}

/** Saves a download under the test's output folder and reads it back. */
export async function saveDownload(download: Download, testInfo: TestInfo): Promise<SavedFile> {
  const fileName = download.suggestedFilename();
  const path = testInfo.outputPath(fileName);
  await download.saveAs(path);
  return { fileName, path, text: await readFile(path, 'utf8') };
}

/** The Export menu entries (`data-testid="export-<id>"`) that save a file. */
export type ExportItem = 'seed' | 'current' | 'json' | 'html';

/**
 * Picks an entry of the image page's Export menu and returns the file it saved: what a user gets
 * from Export ▾ → repo-info / JSON / HTML.
 */
export async function exportFromMenu(page: Page, item: ExportItem, testInfo: TestInfo): Promise<SavedFile> {
  await page.getByTestId('export-button').click();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.getByTestId(`export-${item}`).click()]);
  return saveDownload(download, testInfo);
}
