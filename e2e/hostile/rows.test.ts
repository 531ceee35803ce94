import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HOSTILE_ROWS, ROW_NUMBERS } from './rows';

/**
 * The row table in rows.ts is true: every row of reliability.md §5 (1–30) is either covered by
 * tests titled `row N: …` in the files the table names, or marked n/a with a reason. Prints the
 * count of hostile cases.
 */
const DIR = fileURLToPath(new URL('./', import.meta.url));
const testFiles = readdirSync(DIR).filter((name) => name.endsWith('.test.ts') && name !== 'rows.test.ts');

/**
 * Test titles of the form `row N: …` in a file (a string literal right after an opening
 * parenthesis: `it('row 3: …'`, `it.each(table)('row 3: …'`). Findings are titled `row N: FINDING …`
 * and must be `it.fails` (the core is wrong there and others own it).
 */
function rowTitles(file: string): Array<{ row: number; title: string; finding: boolean; declaredFails: boolean }> {
  const text = readFileSync(`${DIR}${file}`, 'utf8');
  return [...text.matchAll(/(it\.fails)?(?<!describe)\(\s*'(row (\d+): [^']*)'/g)].map((match) => ({
    row: Number(match[3]),
    title: match[2] ?? '',
    finding: / FINDING /.test(` ${match[2] ?? ''} `),
    declaredFails: match[1] !== undefined,
  }));
}

const titles = testFiles.flatMap((file) => rowTitles(file).map((entry) => ({ ...entry, file })));

describe('the hostile row table', () => {
  it('names every row 1–30 exactly once', () => {
    expect(Object.keys(HOSTILE_ROWS).map(Number).sort((a, b) => a - b)).toEqual([...ROW_NUMBERS]);
  });

  it.each(ROW_NUMBERS)('row %i is covered by a test titled "row N" in the named file, or n/a with a reason', (row) => {
    const entry = HOSTILE_ROWS[row];
    expect(entry).toBeDefined();
    if (!entry) return;
    const claimed = titles.filter((title) => title.row === row);
    if (entry.status === 'n/a') {
      expect(entry.reason.length).toBeGreaterThan(20);
      expect(claimed, 'an n/a row has no tests').toEqual([]);
      return;
    }
    expect(entry.levels.length).toBeGreaterThan(0);
    for (const file of entry.files) expect(testFiles).toContain(file);
    const covering = claimed.filter((title) => entry.files.includes(title.file) && !title.finding);
    expect(covering.length, `row ${String(row)} needs at least one passing "row ${String(row)}: …" test`).toBeGreaterThan(0);
  });

  it('every "row N" title names a row of the table', () => {
    expect(titles.filter((title) => !ROW_NUMBERS.includes(title.row))).toEqual([]);
  });

  it('findings, and only findings, are expected failures', () => {
    expect(titles.filter((title) => title.finding !== title.declaredFails)).toEqual([]);
  });

  it('prints the count of hostile cases', () => {
    const covered = ROW_NUMBERS.filter((row) => HOSTILE_ROWS[row]?.status === 'covered');
    const findings = titles.filter((title) => title.finding);
    const summary = `hostile cases: ${String(covered.length)} of 30 rows covered, ${String(30 - covered.length)} n/a; ${String(titles.length)} "row N" test titles (it.each tables count once), ${String(findings.length)} of them findings (it.fails)`;
    console.log(summary);
    for (const finding of findings) console.log(`  finding: ${finding.file}: ${finding.title}`);
    expect(covered.length + ROW_NUMBERS.filter((row) => HOSTILE_ROWS[row]?.status === 'n/a').length).toBe(30);
  });
});
