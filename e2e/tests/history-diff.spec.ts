import { catalogueOf, imageByKey } from '../playwright/catalogue';
import { expect, test } from '../playwright/fixtures';
import { countStatuses, shownHistoryRows, summaryText, type RowStatus } from '../playwright/history-rows';
import { dockerfileLine, fetchHistory, type ConfigHistoryEntry } from '../playwright/registry-history';

function lines(history: readonly ConfigHistoryEntry[], withoutEmpty = false): readonly string[] {
  return history.filter((entry) => !withoutEmpty || entry.empty_layer !== true).map((entry) => dockerfileLine(entry.created_by ?? ''));
}

/** The instruction and, for ENV/ARG/LABEL, the name it sets: what makes two steps "the same step, changed". */
function stepKind(text: string): string {
  const [instruction = '', rest = ''] = text.split(/\s+(.*)/s);
  return ['ENV', 'ARG', 'LABEL'].includes(instruction) ? `${instruction} ${rest.split('=')[0] ?? ''}` : instruction;
}

/**
 * amd64 against arm64 of python:3.11: the same Dockerfile, except that arm64 has one more step
 * and each architecture ADDs its own base tarball. Steps of amd64 that arm64 has verbatim are
 * `same`; each one it has only in another version (the ADD of another file) is `changed`; the
 * rest of arm64's steps are `added`.
 */
function expectedCounts(base: readonly string[], other: readonly string[]): Readonly<Record<RowStatus, number>> {
  const onlyBase = base.filter((line) => !other.includes(line));
  const onlyOther = other.filter((line) => !base.includes(line));
  // Every base step arm64 lacks verbatim has an arm64 counterpart of the same kind.
  for (const line of onlyBase) expect(onlyOther.map(stepKind), `a counterpart of ${line}`).toContain(stepKind(line));
  return { same: base.length - onlyBase.length, changed: onlyBase.length, added: onlyOther.length - onlyBase.length, removed: 0 };
}

test.describe('history diff', () => {
  test('python:3.11 amd64 vs arm64: the extra arm64 step is added, the rest lines up', async ({ page, e2e, openRoute }) => {
    const python = catalogueOf(e2e).python;
    const amd64 = await fetchHistory(e2e, python.repository, imageByKey(python, 'linux/amd64'));
    const arm64 = await fetchHistory(e2e, python.repository, imageByKey(python, 'linux/arm64/v8'));
    expect(arm64.length).toBe(amd64.length + 1);
    await openRoute(page, '#/image/python:3.11');

    // By default the first two platforms are diffed; pick amd64 (the base) and arm64 instead.
    const picks = page.getByTestId('history-platform');
    for (const key of await picks.evaluateAll((boxes) => boxes.filter((box) => (box as HTMLInputElement).checked).map((box) => box.getAttribute('data-platform') ?? ''))) {
      if (key !== 'linux/amd64') await page.locator(`[data-testid="history-platform"][data-platform="${key}"]`).uncheck();
    }
    await page.locator('[data-testid="history-platform"][data-platform="linux/arm64/v8"]').check();
    await expect(page.locator('.history-grid .history-col-head')).toHaveText(['linux/amd64', 'linux/arm64/v8']);

    const expected = expectedCounts(lines(amd64), lines(arm64));
    expect(expected.added).toBe(1);
    await expect(page.locator('.history-summary')).toContainText(summaryText(expected));
    const rows = await shownHistoryRows(page);
    expect(rows).toHaveLength(arm64.length);
    expect(countStatuses(rows)).toEqual(expected);
    // The added row is arm64's libatomic step, with nothing on the amd64 side.
    const added = rows.filter((row) => row.status === 'added');
    expect(added[0]?.cells[0]).toBeUndefined();
    expect(added[0]?.cells[1]).toContain('libatomic1');
    // Changed rows pair steps of the same kind (the per-architecture ADD).
    for (const row of rows.filter((candidate) => candidate.status === 'changed')) expect(stepKind(row.cells[0] ?? '')).toBe(stepKind(row.cells[1] ?? ''));

    // Hiding the steps that made no layer (ENV, CMD) leaves one row per layer.
    await page.getByTestId('history-hide-empty').click();
    const withLayers = expectedCounts(lines(amd64, true), lines(arm64, true));
    await expect(page.locator('.history-summary')).toContainText(summaryText(withLayers));
    expect(countStatuses(await shownHistoryRows(page))).toEqual(withLayers);
    expect(await page.getByTestId('history-row').count()).toBe(imageByKey(python, 'linux/arm64/v8').layers.length);
  });

  test('linux vs windows of windows/servercore-app:multi aligns sensibly', async ({ page, e2e, openRoute }) => {
    const multi = catalogueOf(e2e).windowsMulti;
    const linuxImage = imageByKey(multi, 'linux/amd64');
    const windowsImage = imageByKey(multi, 'windows/amd64/10.0.17763.5820');
    const linux = lines(await fetchHistory(e2e, multi.repository, linuxImage));
    const windows = lines(await fetchHistory(e2e, multi.repository, windowsImage));
    await openRoute(page, '#/image/windows/servercore-app:multi');
    await expect(page.locator('.history-grid .history-col-head')).toHaveText(['linux/amd64', 'windows/amd64 · ltsc2019 10.0.17763.5820']);

    const rows = await shownHistoryRows(page);
    const counts = countStatuses(rows);
    await expect(page.locator('.history-summary')).toContainText(summaryText(counts));
    // Steps both Dockerfiles have verbatim (after the shell wrappers come off) are the `same` rows.
    const common = linux.filter((line) => windows.includes(line)).length;
    expect(counts.same).toBe(common);
    // Every linux step is on exactly one row with a base cell, every windows step on one row with a cell.
    expect(counts.same + counts.changed + counts.removed).toBe(linux.length);
    expect(counts.same + counts.changed + counts.added).toBe(windows.length);
    // Both images end with a CMD: the two CMDs are one changed step, not a removal plus an addition.
    expect(counts.changed).toBeGreaterThanOrEqual(1);
    for (const row of rows.filter((candidate) => candidate.status === 'changed')) {
      expect(stepKind(row.cells[0] ?? ''), `${String(row.cells[0])} vs ${String(row.cells[1])}`).toBe(stepKind(row.cells[1] ?? ''));
    }
    expect(rows.some((row) => row.status === 'changed' && row.cells[1]?.startsWith('CMD') === true)).toBe(true);
    // No step pairs ENV of one name with ENV of another: Windows' APP_VERSION is its own row.
    const appVersion = rows.find((row) => row.cells[1]?.startsWith('ENV APP_VERSION') === true);
    expect(appVersion?.status).toBe('added');
    // The Windows shell wrapper is not shown: the step reads like a Dockerfile line.
    expect(rows.flatMap((row) => row.cells).some((cell) => cell?.includes('$ErrorActionPreference') === true && cell.startsWith('RUN'))).toBe(false);
  });
});
