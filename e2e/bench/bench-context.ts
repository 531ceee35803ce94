import type { BenchFixtures } from './bench-fixtures';
import type { RunPlan } from './stats';

/** Which external tools are present (bench.mjs and the runner both check). */
export interface Tools {
  readonly skopeo: boolean;
  readonly curl: boolean;
  readonly chromium: boolean;
}

/** What every benchmark gets from the runner. */
export interface BenchContext {
  /** The repo root (holds dist/). */
  readonly root: string;
  /** `127.0.0.1:PORT` of the anonymous test registry. */
  readonly host: string;
  /** `http://127.0.0.1:PORT`, also used as the Docker Hub mirror. */
  readonly url: string;
  readonly fixtures: BenchFixtures;
  readonly tools: Tools;
  /** The environment CLI runs get (clean HOME, no REGSCOPE_*). */
  readonly env: NodeJS.ProcessEnv;
  /** Fewer runs (`BENCH_QUICK=1`): a smoke run of the benchmark itself. */
  readonly quick: boolean;
  /** Another renderer build for the UI benchmark (`--renderer DIR`): A/B of a UI change. */
  readonly rendererDir?: string;
}

/** `plan` in a normal run, one warm-up and two runs in a quick one. */
export function planFor(context: BenchContext, plan: RunPlan): RunPlan {
  return context.quick ? { warmup: Math.min(plan.warmup, 1), runs: Math.min(plan.runs, 2) } : plan;
}

/** The python fixture the one-tag figures are about: 6 platforms × 8 layers. */
export const PYTHON = { repository: 'library/python', tag: '3.11', familiar: 'python:3.11' } as const;

/** Logs progress to stderr (stdout carries the tables). */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
