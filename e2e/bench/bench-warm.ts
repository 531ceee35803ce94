import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PYTHON, planFor, progress, type BenchContext } from './bench-context';
import { regscope } from './cli';
import { countRequests, countingCore, describeCounts, type RequestCounts } from './core-in-process';
import { zeroCheck, type BenchSection, type Measurement, type TargetCheck } from './results';
import { repeat, summarize } from './stats';

/** One scenario: what a run does with a core, and the CLI arguments of the same work. */
interface Scenario {
  readonly name: string;
  readonly run: (core: ReturnType<typeof countingCore>['core']) => Promise<unknown>;
  readonly cliArgs: readonly string[];
}

/** Cold then warm on one cache folder, in-process, counting requests (the CLI has no counter). */
async function coldWarmCounts(context: BenchContext, scenario: Scenario): Promise<{ cold: RequestCounts; warm: RequestCounts }> {
  const dir = await mkdtemp(join(tmpdir(), 'regscope-bench-cache-'));
  try {
    const counts: RequestCounts[] = [];
    for (let i = 0; i < 2; i++) {
      // A new core each time: nothing survives in memory, only the cache folder, as between CLI runs.
      const { core, log } = countingCore({ mirror: context.url, cacheDir: dir });
      await scenario.run(core);
      await core.close();
      counts.push(countRequests(log));
    }
    return { cold: counts[0] as RequestCounts, warm: counts[1] as RequestCounts };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whole-process times of the CLI with `--cache-dir`: a fresh folder each run vs a primed one. */
async function cliColdWarm(context: BenchContext, scenario: Scenario): Promise<{ cold: number[]; warm: number[] }> {
  const plan = planFor(context, { warmup: 1, runs: 5 });
  const cold = await repeat(plan, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'regscope-bench-cache-'));
    try {
      return (await regscope(context.root, [...scenario.cliArgs, '--cache-dir', dir], context.env)).ms;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  const dir = await mkdtemp(join(tmpdir(), 'regscope-bench-cache-'));
  try {
    // The warm-up run fills the folder; every measured run is then a warm re-run.
    const warm = await repeat({ warmup: Math.max(1, plan.warmup), runs: plan.runs }, async () => (await regscope(context.root, [...scenario.cliArgs, '--cache-dir', dir], context.env)).ms);
    return { cold, warm };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A warm re-run with the persistent cache: the number of requests and manifest GETs of a second
 * run on the same cache folder (target: zero manifest GETs), for one tag and a whole repository,
 * plus the CLI's cold and warm times.
 */
export async function benchWarm(context: BenchContext): Promise<BenchSection> {
  const target = `${context.host}/${context.fixtures.sharedBase.repository}`;
  const scenarios: Scenario[] = [
    { name: PYTHON.familiar, run: (core) => core.report(PYTHON.familiar), cliArgs: ['report', PYTHON.familiar, '--mirror', context.url] },
    {
      name: `--all-tags (${context.fixtures.sharedBase.tags.length} tags)`,
      run: async (core) => {
        const listing = await core.tags(target);
        return core.reports(listing.tags.map((tag) => `${target}:${tag}`), { concurrency: 4 });
      },
      cliArgs: ['report', '--all-tags', target],
    },
  ];
  const measurements: Measurement[] = [];
  const checks: TargetCheck[] = [];
  const notes: string[] = [];
  for (const scenario of scenarios) {
    progress(`warm: ${scenario.name}: requests cold vs warm`);
    const { cold, warm } = await coldWarmCounts(context, scenario);
    measurements.push(
      { label: `${scenario.name}: requests, cold`, summary: summarize([cold.total]), unit: 'requests' },
      { label: `${scenario.name}: requests, warm`, summary: summarize([warm.total]), unit: 'requests' },
      { label: `${scenario.name}: manifest GETs, cold`, summary: summarize([cold.manifestGets]), unit: 'requests' },
      { label: `${scenario.name}: manifest GETs, warm`, summary: summarize([warm.manifestGets]), unit: 'requests' },
    );
    checks.push(zeroCheck(`warm re-run of ${scenario.name}: zero manifest GETs`, warm.manifestGets, 'manifest GETs'));
    notes.push(`${scenario.name}: cold ${describeCounts(cold)}; warm ${describeCounts(warm)}.`);

    progress(`warm: ${scenario.name}: CLI times cold vs warm`);
    const times = await cliColdWarm(context, scenario);
    measurements.push(
      { label: `${scenario.name}: CLI time, cold cache (fresh --cache-dir)`, summary: summarize(times.cold), unit: 'ms' },
      { label: `${scenario.name}: CLI time, warm cache`, summary: summarize(times.warm), unit: 'ms' },
    );
    const coldMs = summarize(times.cold).median;
    const warmMs = summarize(times.warm).median;
    notes.push(`${scenario.name}: the CLI takes ${warmMs.toFixed(0)} ms warm vs ${coldMs.toFixed(0)} ms cold (${coldMs >= warmMs ? `${(coldMs / warmMs).toFixed(2)}× faster` : `${(warmMs / coldMs).toFixed(2)}× slower`} warm).`);
  }
  return { title: 'Warm re-run (persistent cache)', what: 'A second run on the same `--cache-dir`: requests and manifest GETs counted in-process (`onRequest`, a fresh core per run on the same disk cache), and the CLI timed cold vs warm.', measurements, checks, notes };
}
