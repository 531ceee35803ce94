import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PYTHON, planFor, progress, type BenchContext } from './bench-context';
import { CLI } from './cli';
import { belowCheck, type BenchSection, type Measurement } from './results';
import { repeat, summarize } from './stats';
import { timelineProbe, type Timeline } from './timeline';

/**
 * Peak memory of the CLI scanning a 1,000-tag repository (`report --all-tags … --format json --out
 * FILE`), with baselines in the same run: `node -e 0` and a one-tag report. The peak is
 * `process.resourceUsage().maxRSS` at exit (timeline.ts's preload), cross-checked with GNU time.
 */
export async function benchRss(context: BenchContext): Promise<BenchSection> {
  const { repository, tags } = context.fixtures.thousand;
  const target = `${context.host}/${repository}`;
  const dir = await mkdtemp(join(tmpdir(), 'regscope-bench-rss-'));
  const probe = await timelineProbe();
  // Memory does not warm up: three runs show it is stable.
  const plan = planFor(context, { warmup: 0, runs: 3 });
  const measurements: Measurement[] = [];
  const notes: string[] = [];
  try {
    const series = async (label: string, args: readonly string[], subject = false): Promise<Timeline[]> => {
      progress(`rss: ${label}`);
      const timelines: Timeline[] = [];
      await repeat(plan, async () => {
        const timeline = await probe.run(args, { cwd: context.root, env: context.env });
        timelines.push(timeline);
        return timeline.wallMs;
      });
      measurements.push({ label, summary: summarize(timelines.map((t) => t.maxRssKb / 1024)), unit: 'MB', ...(subject ? { subject } : {}) });
      return timelines;
    };
    const outFile = join(dir, 'report.json');
    const count = tags.length.toLocaleString('en');
    const thousand = await series(`regscope report --all-tags (${count} tags × 6 platforms) --format json --out FILE`, [CLI, 'report', '--all-tags', target, '--format', 'json', '--out', outFile], true);
    await series('baseline: regscope report python:3.11 (one tag, repo-info to stdout)', [CLI, 'report', PYTHON.familiar, '--mirror', context.url]);
    await series('baseline: node -e 0', ['-e', '0']);
    measurements.push({ label: `time of the ${count}-tag scan (whole process)`, summary: summarize(thousand.map((t) => t.wallMs)), unit: 'ms' });
    notes.push(`The JSON export of ${count} tags is ${((await stat(outFile)).size / 1024 / 1024).toFixed(1)} MB.`);
    // Cross-check with GNU time when it is there: the same kernel figure, measured from outside.
    if (existsSync('/usr/bin/time')) {
      const timed = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI, 'report', '--all-tags', target, '--format', 'json', '--out', outFile], { cwd: context.root, env: context.env, encoding: 'utf8' });
      const kb = Number(/(\d+)\s*$/.exec(timed.stderr.trim())?.[1]);
      if (timed.status === 0 && Number.isFinite(kb)) notes.push(`Cross-check: \`/usr/bin/time -f %M\` reports ${(kb / 1024).toFixed(1)} MB for one more run of the ${count}-tag scan.`);
    }
    return {
      title: 'CLI peak memory, 1,000-tag scan',
      what: `Peak RSS (\`process.resourceUsage().maxRSS\` at exit, via \`node --import\`) of \`regscope report --all-tags ${target} --format json --out FILE\`; every tag is library/python:3.11 (6 platforms × 8 layers).`,
      measurements,
      checks: [belowCheck(`CLI peak RSS < 200 MB for ${count} tags`, summarize(thousand.map((t) => t.maxRssKb / 1024)).median, 200, 'MB')],
      notes,
    };
  } finally {
    await probe.close();
    await rm(dir, { recursive: true, force: true });
  }
}
