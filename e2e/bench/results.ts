import type { Summary } from './stats';

/** The unit of a measured series, for formatting. */
export type Unit = 'ms' | 'MB' | 'requests';

/** One measured series of a benchmark: regscope, or a baseline measured in the same run. */
export interface Measurement {
  readonly label: string;
  readonly summary: Summary;
  readonly unit: Unit;
  /** The thing under test: other rows of the same unit show their ratio to it. */
  readonly subject?: boolean;
  /** Show the p95 too (per-keystroke latencies: the tail is what a user notices). */
  readonly showP95?: boolean;
}

/** One target of the issue, checked against this run. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly pass: boolean;
  /** How far off a missed target is (`2.3×`, `4 GETs`). */
  readonly missedBy?: string;
}

/** Everything one benchmark reports. */
export interface BenchSection {
  readonly title: string;
  /** What was run, in one or two sentences. */
  readonly what: string;
  readonly measurements: readonly Measurement[];
  readonly checks: readonly TargetCheck[];
  /** Findings and caveats (where the time goes, why a target is missed). */
  readonly notes: readonly string[];
  /** Set when the benchmark could not run (a tool missing): says why. */
  readonly skipped?: string;
  /** 1-minute load average when the benchmark started and ended (set by the runner). */
  readonly load?: { readonly before: number; readonly after: number };
}

/** Formats a number of `unit` for a table cell. */
export function formatValue(value: number, unit: Unit): string {
  if (unit === 'requests') return Number.isInteger(value) ? String(value) : value.toFixed(1);
  if (unit === 'MB') return value.toFixed(1);
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** `speedup ≥ wanted` (baseline time ÷ regscope time). */
export function speedupCheck(target: string, baselineMs: number, subjectMs: number, wanted: number): TargetCheck {
  const speedup = baselineMs / subjectMs;
  return { target, measured: `${speedup.toFixed(2)}× faster`, pass: speedup >= wanted, ...(speedup >= wanted ? {} : { missedBy: `${(wanted / speedup).toFixed(2)}×` }) };
}

/** `regscope time ≤ wanted × floor`. */
export function withinCheck(target: string, subjectMs: number, floorMs: number, wanted: number): TargetCheck {
  const factor = subjectMs / floorMs;
  return { target, measured: `${factor.toFixed(2)}× the floor`, pass: factor <= wanted, ...(factor <= wanted ? {} : { missedBy: `${(factor / wanted).toFixed(2)}×` }) };
}

/** `value < limit` (a latency or a memory ceiling). */
export function belowCheck(target: string, value: number, limit: number, unit: Unit): TargetCheck {
  const pass = value < limit;
  return { target, measured: `${formatValue(value, unit)} ${unit}`, pass, ...(pass ? {} : { missedBy: `${(value / limit).toFixed(2)}×` }) };
}

/** `count == 0` (requests a warm run must not make); a miss says how many there were. */
export function zeroCheck(target: string, count: number, what: string): TargetCheck {
  return { target, measured: `${count} ${what}`, pass: count === 0, ...(count === 0 ? {} : { missedBy: `${count} ${what} too many` }) };
}

/** The rows of a section's measurement table, as cells. */
export function measurementRows(section: BenchSection): string[][] {
  const subjects = new Map(section.measurements.filter((m) => m.subject).map((m) => [m.unit, m]));
  return section.measurements.map((m) => {
    const s = m.summary;
    const subject = subjects.get(m.unit);
    const ratio = subject === undefined || m === subject || subject.summary.median === 0 ? (m === subject ? '1.00× (subject)' : '') : `${(s.median / subject.summary.median).toFixed(2)}×`;
    const spread = s.n > 1 ? `${formatValue(s.mean, m.unit)} ± ${formatValue(s.stdev, m.unit)}` : formatValue(s.mean, m.unit);
    return [m.label, `${formatValue(s.median, m.unit)}${m.unit === 'requests' ? '' : ` ${m.unit}`}`, spread, m.showP95 ? formatValue(s.p95, m.unit) : '', String(s.n), ratio];
  });
}

/** Column names of the measurement table. */
export const MEASUREMENT_HEAD = ['what', 'median', 'mean ± stdev', 'p95', 'n', '÷ subject (median)'];
/** Column names of the target table. */
export const CHECK_HEAD = ['target', 'measured', 'verdict'];

/** A check's cells. */
export function checkRow(check: TargetCheck): string[] {
  return [check.target, check.measured, check.pass ? 'PASS' : `MISS (missed by ${check.missedBy ?? '?'})`];
}
