import { planFor, progress, type BenchContext } from './bench-context';
import { CLI, regscope } from './cli';
import { countRequests, countingCore, describeCounts } from './core-in-process';
import { curlReuseReport } from './curl-reuse';
import { speedupCheck, withinCheck, type BenchSection, type Measurement, type TargetCheck } from './results';
import { skopeoListTags, skopeoReport } from './skopeo-way';
import { interleave, repeat, summarize, timed } from './stats';
import { phaseNote, timelineBreakdown, timelineProbe } from './timeline';

/**
 * A 50-tag repository whose tags share base layers (5 bases × 10 apps, 2 platforms each):
 * `regscope report --all-tags` against a loop of the skopeo way over every tag (tags from `skopeo
 * list-tags`), and the curl-with-reuse floor (4 processes: tag list, tag manifests, list entries,
 * configs + layer HEADs, each deduplicated across tags).
 */
export async function benchAllTags(context: BenchContext): Promise<BenchSection> {
  const { repository, tags } = context.fixtures.sharedBase;
  const target = `${context.host}/${repository}`;
  const what = `\`regscope report --all-tags ${target}\` (${tags.length} tags, 2 platforms each, 5 base images × 10 apps) vs a loop of the skopeo + curl way over every tag and vs curl with reuse.`;
  const measurements: Measurement[] = [];
  const notes: string[] = [];

  // In rounds (regscope, skopeo loop, curl floor, …) so the drifting load hits all three alike.
  // No skopeo warm-up: the one-tag benchmark has warmed skopeo and curl, and one loop takes seconds.
  progress(`all tags: regscope vs a skopeo loop over ${tags.length} tags (slow: one process per request) vs curl with reuse, interleaved`);
  const withSkopeo = context.tools.skopeo && context.tools.curl;
  let processes = 0;
  let count = { processes: 0, requests: 0 };
  const [ours = [], loopSamples = [], floorSamples = []] = await interleave([
    { plan: planFor(context, { warmup: 1, runs: 5 }), task: async () => (await regscope(context.root, ['report', '--all-tags', target], context.env)).ms },
    {
      plan: withSkopeo ? planFor(context, { warmup: 0, runs: 3 }) : { warmup: 0, runs: 0 },
      task: () =>
        timed(async () => {
          processes = 1;
          for (const tag of await skopeoListTags(context.host, repository)) processes += (await skopeoReport(context.host, repository, tag)).processes;
        }),
    },
    { plan: context.tools.curl ? planFor(context, { warmup: 1, runs: 5 }) : { warmup: 0, runs: 0 }, task: () => timed(async () => (count = await curlReuseReport(context.host, repository, 'list'))) },
  ]);
  measurements.push({ label: 'regscope report --all-tags (whole process)', summary: summarize(ours), unit: 'ms', subject: true });
  const loop = loopSamples.length > 0 ? loopSamples : undefined;
  const floor = floorSamples.length > 0 ? floorSamples : undefined;
  if (loop) measurements.push({ label: `skopeo list-tags + skopeo/curl per tag (${processes} processes)`, summary: summarize(loop), unit: 'ms' });
  if (floor) measurements.push({ label: `curl with reuse (${count.processes} processes, ${count.requests} requests): the floor`, summary: summarize(floor), unit: 'ms' });

  progress('all tags: breakdown');
  const probe = await timelineProbe();
  const breakdown = await timelineBreakdown(planFor(context, { warmup: 0, runs: 3 }), () => probe.run([CLI, 'report', '--all-tags', target], { cwd: context.root, env: context.env })).finally(() => probe.close());
  measurements.push({ label: 'breakdown of regscope report --all-tags (same command, timed from inside):', summary: summarize(breakdown.timelines.map((t) => t.wallMs)), unit: 'ms' }, ...breakdown.measurements);
  let counts = countRequests([]);
  const inProcess = await repeat(planFor(context, { warmup: 1, runs: 5 }), async () => {
    const { core, log } = countingCore();
    const ms = await timed(async () => {
      const listing = await core.tags(target);
      await core.reports(listing.tags.map((tag) => `${target}:${tag}`), { concurrency: 4 });
    });
    await core.close();
    counts = countRequests(log);
    return ms;
  });
  measurements.push({ label: 'baseline: same work in-process (tags + reports, concurrency 4 as the CLI)', summary: summarize(inProcess), unit: 'ms' });
  notes.push(`regscope made ${describeCounts(counts)}.`, phaseNote(breakdown.timelines));

  const checks: TargetCheck[] = [];
  const oursMedian = summarize(ours).median;
  if (loop) checks.push(speedupCheck('≥10× faster than the skopeo loop', summarize(loop).median, oursMedian, 10));
  else notes.push('skopeo loop skipped: skopeo or curl is not installed.');
  if (floor) checks.push(withinCheck('within 1.5× of curl with reuse', oursMedian, summarize(floor).median, 1.5));
  return { title: `Whole repository: ${tags.length} tags sharing base layers`, what, measurements, checks, notes };
}
