import { PYTHON, planFor, progress, type BenchContext } from './bench-context';
import { CLI, regscope } from './cli';
import { countRequests, countingCore, describeCounts } from './core-in-process';
import { curlReuseReport } from './curl-reuse';
import { runProcess } from './proc';
import { speedupCheck, withinCheck, type BenchSection, type Measurement, type TargetCheck } from './results';
import { skopeoReport } from './skopeo-way';
import { interleave, repeat, summarize, timed } from './stats';
import { phaseNote, timelineBreakdown, timelineProbe } from './timeline';

/**
 * One tag, 6 platforms × 8 layers (`library/python:3.11`), repo-info report: `regscope report` as a
 * whole process against skopeo + curl (one process per request) and curl with connection reuse
 * (the floor). Extra rows split regscope's time: node start, node start + bundle load, and the
 * same report in-process (no process start at all).
 */
export async function benchOneTag(context: BenchContext): Promise<BenchSection> {
  const what = `\`regscope report ${PYTHON.familiar} --mirror ${context.url}\` (whole process) vs the same report by skopeo + curl and by curl with connection reuse, against library/python:3.11 (6 platforms × 8 layers).`;
  const plan = planFor(context, { warmup: 2, runs: 10 });
  const measurements: Measurement[] = [];
  const notes: string[] = [];

  // The three ways run in rounds (regscope, skopeo, curl, regscope, …): the load drifts alike for all.
  progress('one tag: regscope vs skopeo + curl vs curl with reuse, interleaved');
  const withSkopeo = context.tools.skopeo && context.tools.curl;
  let processes = 0;
  let count = { processes: 0, requests: 0 };
  const [ours = [], skopeoSamples = [], floorSamples = []] = await interleave([
    { plan, task: async () => (await regscope(context.root, ['report', PYTHON.familiar, '--mirror', context.url], context.env)).ms },
    { plan: withSkopeo ? planFor(context, { warmup: 1, runs: 6 }) : { warmup: 0, runs: 0 }, task: () => timed(async () => (processes = (await skopeoReport(context.host, PYTHON.repository, PYTHON.tag)).processes)) },
    { plan: context.tools.curl ? plan : { warmup: 0, runs: 0 }, task: () => timed(async () => (count = await curlReuseReport(context.host, PYTHON.repository, [PYTHON.tag]))) },
  ]);
  measurements.push({ label: 'regscope report (whole process)', summary: summarize(ours), unit: 'ms', subject: true });
  const skopeo = skopeoSamples.length > 0 ? skopeoSamples : undefined;
  const floor = floorSamples.length > 0 ? floorSamples : undefined;
  if (skopeo) measurements.push({ label: `skopeo + curl -I (${processes} processes, sequential)`, summary: summarize(skopeo), unit: 'ms' });
  if (floor) measurements.push({ label: `curl with reuse (${count.processes} processes, ${count.requests} requests): the floor`, summary: summarize(floor), unit: 'ms' });

  // Where regscope's time goes: process start and bundle load, then the requests themselves.
  progress('one tag: breakdown');
  const nodeStart = await repeat(plan, async () => (await runProcess(process.execPath, ['-e', '0'])).ms);
  measurements.push({ label: 'baseline: `node -e 0` (process start and exit, nothing else)', summary: summarize(nodeStart), unit: 'ms' });
  const probe = await timelineProbe();
  const breakdown = await timelineBreakdown(plan, () => probe.run([CLI, 'report', PYTHON.familiar, '--mirror', context.url], { cwd: context.root, env: context.env })).finally(() => probe.close());
  measurements.push({ label: 'breakdown of regscope report (same command, timed from inside):', summary: summarize(breakdown.timelines.map((t) => t.wallMs)), unit: 'ms' }, ...breakdown.measurements);
  let counts = countRequests([]);
  const inProcess = await repeat(plan, async () => {
    const { core, log } = countingCore({ mirror: context.url });
    const ms = await timed(() => core.report(PYTHON.familiar));
    await core.close();
    counts = countRequests(log);
    return ms;
  });
  measurements.push({ label: 'baseline: same report in-process (fresh core, no process start)', summary: summarize(inProcess), unit: 'ms' });
  notes.push(
    `regscope made ${describeCounts(counts)} for one report (the CLI runs saw ${String(breakdown.timelines[0]?.requests ?? '?')} on undici's diagnostics channel).`,
    'The in-process row runs in the benchmark process, whose JIT has already compiled the core: it is the request work alone, which the CLI does with cold code.',
  );

  const checks: TargetCheck[] = [];
  const oursMedian = summarize(ours).median;
  if (skopeo) checks.push(speedupCheck('≥5× faster than skopeo + curl', summarize(skopeo).median, oursMedian, 5));
  else notes.push('skopeo + curl baseline skipped: skopeo or curl is not installed.');
  if (!floor) notes.push('curl with reuse skipped: curl is not installed.');
  if (floor) checks.push(withinCheck('within 1.5× of curl with reuse', oursMedian, summarize(floor).median, 1.5));
  notes.push(`${phaseNote(breakdown.timelines)}${floor ? ` The curl floor spends ${summarize(floor).median.toFixed(0)} ms in all.` : ''}`);
  return { title: 'One tag, 6 platforms × 8 layers', what, measurements, checks, notes };
}
