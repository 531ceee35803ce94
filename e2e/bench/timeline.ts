import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProcess } from './proc';
import type { Measurement } from './results';
import { repeat, summarize, type RunPlan } from './stats';

/**
 * Where a CLI run's time goes, measured from inside the process without touching the CLI: a file
 * loaded with `node --import` notes `performance.now()` (ms since the process started) when it
 * runs (node has booted), at the first and last HTTP request (undici reports every request on
 * `diagnostics_channel`, which the bundled copy shares by channel name), and at exit, plus the
 * peak RSS and CPU time from `process.resourceUsage()`.
 */
const PRELOAD = `import { writeFileSync } from 'node:fs';
import { subscribe } from 'node:diagnostics_channel';
const t = { preload: performance.now(), firstRequest: -1, lastResponse: -1, requests: 0 };
subscribe('undici:request:create', () => { t.requests++; if (t.firstRequest < 0) t.firstRequest = performance.now(); });
subscribe('undici:request:headers', () => { t.lastResponse = performance.now(); });
process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(process.env.BENCH_TIMELINE_OUT, JSON.stringify({ ...t, exit: performance.now(), maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
});
`;

/** What the preload wrote for one run (times in ms since the process started). */
export interface Timeline {
  readonly preload: number;
  /** -1 when the run made no request. */
  readonly firstRequest: number;
  readonly lastResponse: number;
  readonly requests: number;
  readonly exit: number;
  readonly maxRssKb: number;
  readonly cpuMs: number;
  /** Wall time seen by the parent, spawn to exit. */
  readonly wallMs: number;
}

/** A folder holding the preload; `close` removes it. */
export interface TimelineProbe {
  /** Runs `node --import preload ...args` and returns its timeline. */
  run(args: readonly string[], options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv }): Promise<Timeline>;
  close(): Promise<void>;
}

/** Writes the preload to a temp folder. */
export async function timelineProbe(): Promise<TimelineProbe> {
  const dir = await mkdtemp(join(tmpdir(), 'regscope-bench-timeline-'));
  const preload = join(dir, 'timeline.mjs');
  await writeFile(preload, PRELOAD);
  let n = 0;
  return {
    async run(args, options) {
      const out = join(dir, `run-${String(n++)}.json`);
      const result = await runProcess(process.execPath, ['--import', preload, ...args], { cwd: options.cwd, env: { ...options.env, BENCH_TIMELINE_OUT: out }, timeoutMs: 300_000, discardStdout: true });
      return { ...(JSON.parse(await readFile(out, 'utf8')) as Omit<Timeline, 'wallMs'>), wallMs: result.ms };
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * Runs a CLI command `plan` times under the probe and returns the phases as measurements: node
 * boot, bundle load and setup until the first request, the requests, then render and exit; and
 * the CPU time, which the machine's load disturbs far less than wall time.
 */
export async function timelineBreakdown(plan: RunPlan, run: () => Promise<Timeline>): Promise<{ measurements: Measurement[]; timelines: Timeline[] }> {
  const timelines: Timeline[] = [];
  await repeat(plan, async (i) => {
    const timeline = await run();
    if (i >= 0) timelines.push(timeline);
    return timeline.wallMs;
  });
  const series = (label: string, pick: (t: Timeline) => number): Measurement => ({ label, summary: summarize(timelines.map(pick)), unit: 'ms' });
  const withRequests = timelines.every((t) => t.firstRequest >= 0);
  return {
    timelines,
    measurements: [
      series('  phase: node boot (process start → preload runs)', (t) => t.preload),
      ...(withRequests
        ? [
            series('  phase: bundle load + setup (→ first request)', (t) => t.firstRequest - t.preload),
            series('  phase: requests (first request → last response headers)', (t) => t.lastResponse - t.firstRequest),
            series('  phase: render, write, close (→ exit)', (t) => t.exit - t.lastResponse),
          ]
        : []),
      series('  phase: process teardown (exit → parent sees it)', (t) => t.wallMs - t.exit),
      series('  CPU time of the process (user + system)', (t) => t.cpuMs),
    ],
  };
}

/** One line saying where the time of the runs went (medians), for a section's notes. */
export function phaseNote(timelines: readonly Timeline[]): string {
  const phase = (pick: (t: Timeline) => number): string => summarize(timelines.map(pick)).median.toFixed(0);
  return `Where the CLI's time goes (medians of the breakdown runs): node boot ${phase((t) => t.preload)} ms, bundle load + setup ${phase((t) => t.firstRequest - t.preload)} ms, requests ${phase((t) => t.lastResponse - t.firstRequest)} ms, render + write + close ${phase((t) => t.exit - t.lastResponse)} ms; CPU ${phase((t) => t.cpuMs)} ms for ${phase((t) => t.wallMs)} ms of wall time.`;
}
