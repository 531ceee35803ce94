import type { Page } from '@playwright/test';

/** The status of a history row (`data-status`). */
export type RowStatus = 'same' | 'changed' | 'added' | 'removed';

/** One `history-row` as the user sees it: its status and the text of each platform's cell. */
export interface ShownHistoryRow {
  readonly status: RowStatus;
  /** Per platform column: the step text, or undefined where the platform has no step (`—`). */
  readonly cells: readonly (string | undefined)[];
}

/** The history rows on screen, in order. */
export async function shownHistoryRows(page: Page): Promise<readonly ShownHistoryRow[]> {
  return page.getByTestId('history-row').evaluateAll((rows) =>
    rows.map((row) => ({
      status: (row.getAttribute('data-status') ?? '') as RowStatus,
      // The first cell is the status sign; a missing step has no <pre class="step">.
      cells: [...row.querySelectorAll('[role="cell"]')].slice(1).map((cell) => cell.querySelector('pre.step')?.textContent ?? undefined),
    })),
  );
}

/** Rows per status. */
export function countStatuses(rows: readonly ShownHistoryRow[]): Readonly<Record<RowStatus, number>> {
  const counts: Record<RowStatus, number> = { same: 0, changed: 0, added: 0, removed: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}

/** The summary line above the table, as the UI words it. */
export function summaryText(counts: Readonly<Record<RowStatus, number>>): string {
  return `${String(counts.same)} same · ${String(counts.changed)} changed · ${String(counts.added)} added · ${String(counts.removed)} removed`;
}
