/** Summary statistics of one measured series (milliseconds, bytes or counts). */
export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1); 0 for a single sample. */
  readonly stdev: number;
  readonly min: number;
  readonly max: number;
  /** 95th percentile (nearest rank): the tail a user feels on a bad keystroke. */
  readonly p95: number;
}

/** Summarizes `samples`; throws on an empty series (a benchmark that measured nothing is a bug). */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summarize: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / n;
  const variance = n > 1 ? sorted.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1) : 0;
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  const rank = (p: number): number => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))] as number;
  return { n, median, mean, stdev: Math.sqrt(variance), min: sorted[0] as number, max: sorted[n - 1] as number, p95: rank(0.95) };
}

/** How many warm-up and measured runs a series gets. */
export interface RunPlan {
  readonly warmup: number;
  readonly runs: number;
}

/**
 * Runs `task` `plan.warmup` times unmeasured (page cache, JIT, connection setup of the registry),
 * then `plan.runs` times, and returns what each measured run reported. `task` returns its own
 * figure so the caller decides what is timed (a whole process, an in-page interval).
 */
export async function repeat(plan: RunPlan, task: (run: number) => Promise<number>): Promise<number[]> {
  for (let i = 0; i < plan.warmup; i++) await task(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < plan.runs; i++) samples.push(await task(i));
  return samples;
}

/** Wall time of `task` in milliseconds (`performance.now()`, monotonic). */
export async function timed(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

/** One series of `interleave`. */
export interface InterleavedTask {
  readonly plan: RunPlan;
  readonly task: (run: number) => Promise<number>;
}

/**
 * Like `repeat` for several series at once, in rounds: each round runs every series once (while
 * it has runs left). On a shared machine the load drifts over a minute; interleaving makes every
 * series see the same drift, so their ratio stays meaningful where back-to-back series would not.
 */
export async function interleave(tasks: readonly InterleavedTask[]): Promise<number[][]> {
  const rounds = (pick: (plan: RunPlan) => number): number => Math.max(0, ...tasks.map((t) => pick(t.plan)));
  for (let i = 0; i < rounds((plan) => plan.warmup); i++) {
    for (const t of tasks) if (i < t.plan.warmup) await t.task(-1 - i);
  }
  const samples: number[][] = tasks.map(() => []);
  for (let i = 0; i < rounds((plan) => plan.runs); i++) {
    for (const [k, t] of tasks.entries()) if (i < t.plan.runs) samples[k]?.push(await t.task(i));
  }
  return samples;
}
