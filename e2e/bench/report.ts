import { formatLoad, isBusy, type MachineFacts } from './machine';
import { CHECK_HEAD, MEASUREMENT_HEAD, checkRow, measurementRows, type BenchSection } from './results';

/** A finished benchmark run: the machine, the load around it and every section. */
export interface BenchRun {
  readonly machine: MachineFacts;
  readonly loadAfter: readonly number[];
  readonly sections: readonly BenchSection[];
  /** Tools that were missing, and what that skipped. */
  readonly skippedTools: readonly string[];
  readonly totalSeconds: number;
}

/** Drops columns that are empty in every row (p95 is only shown for latencies). */
function dropEmptyColumns(head: readonly string[], rows: readonly string[][]): { head: string[]; rows: string[][] } {
  const keep = head.map((_, i) => rows.some((row) => (row[i] ?? '') !== ''));
  return { head: head.filter((_, i) => keep[i]), rows: rows.map((row) => row.filter((_, i) => keep[i])) };
}

/** A fixed-width text table for the terminal. */
function textTable(head: readonly string[], rows: readonly string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A GitHub markdown table (pipes in cells escaped). */
function markdownTable(head: readonly string[], rows: readonly string[][]): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|');
  return [`| ${head.map(cell).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
}

/** `load 4.54 → 3.03 (1-min average, 2 cores)` for a section. */
function loadLine(section: BenchSection): string[] {
  return section.load ? [`Load average (1 min) during this benchmark: ${section.load.before.toFixed(2)} → ${section.load.after.toFixed(2)}.`] : [];
}

/** One section as terminal text. */
export function sectionText(section: BenchSection): string {
  const out = [`\n== ${section.title} ==`, section.what, ...loadLine(section)];
  if (section.skipped !== undefined) return [...out, `SKIPPED: ${section.skipped}`].join('\n');
  const table = dropEmptyColumns(MEASUREMENT_HEAD, measurementRows(section));
  out.push('', textTable(table.head, table.rows));
  if (section.checks.length > 0) out.push('', textTable(CHECK_HEAD, section.checks.map(checkRow)));
  for (const note of section.notes) out.push(`- ${note}`);
  return out.join('\n');
}

/** The header lines both outputs share. */
function machineLines(run: BenchRun): string[] {
  const { machine } = run;
  const busy = isBusy(machine.loadBefore, machine.cpus) || isBusy(run.loadAfter, machine.cpus);
  return [
    `- date: ${machine.date}; total time ${run.totalSeconds.toFixed(0)} s`,
    `- CPU: ${machine.cpuModel}, ${machine.cpus} cores (nproc); memory ${machine.memoryGb} GB; node ${machine.node}`,
    `- load average (1/5/15 min): before ${formatLoad(machine.loadBefore)}, after ${formatLoad(run.loadAfter)}`,
    ...(busy ? [`- NOTE: the load was high (≥ half the cores busy with other work): the figures are noisy; compare ratios measured in the same run, not absolute times.`] : []),
    ...run.skippedTools.map((line) => `- skipped: ${line}`),
  ];
}

/** Every target of the run, with the benchmark it belongs to. */
function allChecks(run: BenchRun): string[][] {
  return run.sections.flatMap((section) => (section.skipped !== undefined ? [[section.title, section.skipped.split('\n')[0] ?? '', 'SKIPPED']] : section.checks.map((check) => [section.title, ...checkRow(check)])));
}

/** The end of the terminal output: the machine and every target in one table (sections were printed as they finished). */
export function runText(run: BenchRun): string {
  return ['\n== machine ==', ...machineLines(run), '\n== targets ==', textTable(['benchmark', ...CHECK_HEAD], allChecks(run).map((row) => (row.length === 3 ? [row[0] ?? '', row[1] ?? '', '', row[2] ?? ''] : row)))].join('\n');
}

/** The whole run as markdown (e2e/bench/results.md). */
export function runMarkdown(run: BenchRun): string {
  const out = [
    '# regscope benchmarks',
    '',
    'Written by `npm run bench` (e2e/bench/run-bench.ts). Every baseline is measured in the same run, against the same',
    'test registry (docker-registry 2.8 on loopback, filesystem storage) and the same images; times are wall times.',
    '',
    '## Machine',
    '',
    ...machineLines(run),
    '',
    '## Targets',
    '',
    markdownTable(['benchmark', ...CHECK_HEAD], allChecks(run).map((row) => (row.length === 3 ? [row[0] ?? '', row[1] ?? '', '', row[2] ?? ''] : row))),
  ];
  for (const section of run.sections) {
    out.push('', `## ${section.title}`, '', section.what, ...loadLine(section).map((line) => `\n${line}`), '');
    if (section.skipped !== undefined) {
      out.push(`**Skipped:** ${section.skipped}`);
      continue;
    }
    const table = dropEmptyColumns(MEASUREMENT_HEAD, measurementRows(section));
    out.push(markdownTable(table.head, table.rows));
    if (section.checks.length > 0) out.push('', markdownTable(CHECK_HEAD, section.checks.map((check) => checkRow(check).map((cell, i) => (i === 2 ? `**${cell}**` : cell)))));
    if (section.notes.length > 0) out.push('', ...section.notes.map((note) => `- ${note}`));
  }
  return `${out.join('\n')}\n`;
}
