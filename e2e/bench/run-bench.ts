import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PushClient } from '../fixtures/push-client';
import { startTestRegistries } from '../registry/start-test-registries';
import { pushSharedBaseRepo, pushThousandTags } from './bench-fixtures';
import { progress, type BenchContext } from './bench-context';
import { benchAllTags } from './bench-all-tags';
import { benchOneTag } from './bench-one-tag';
import { benchRss } from './bench-rss';
import { benchUi } from './bench-ui';
import { benchWarm } from './bench-warm';
import { cleanEnv } from './cli';
import { machineFacts } from './machine';
import { runMarkdown, runText, sectionText } from './report';
import type { BenchSection } from './results';
import { findTools, missingToolLines } from './tools';

/**
 * `npm run bench`: starts the test registries once (python fixtures, no seed replicas), pushes the
 * bench repositories, runs every benchmark and prints a table per benchmark; the same results go
 * to e2e/bench/results.md with the machine facts. `BENCH_ONLY=one-tag,ui` picks benchmarks,
 * `BENCH_QUICK=1` makes a smoke run with fewer repetitions.
 */
const BENCHMARKS: readonly { readonly id: string; readonly title: string; readonly run: (context: BenchContext) => Promise<BenchSection> }[] = [
  { id: 'one-tag', title: 'One tag, 6 platforms × 8 layers', run: benchOneTag },
  { id: 'all-tags', title: 'Whole repository: 50 tags sharing base layers', run: benchAllTags },
  { id: 'warm', title: 'Warm re-run (persistent cache)', run: benchWarm },
  { id: 'ui', title: 'UI in Chromium', run: benchUi },
  { id: 'rss', title: 'CLI peak memory, 1,000-tag scan', run: benchRss },
];

async function main(): Promise<void> {
  const root = process.env.BENCH_ROOT ?? process.cwd();
  const machine = machineFacts();
  const started = performance.now();
  const tools = findTools();
  const skippedTools = missingToolLines(tools);
  for (const line of skippedTools) progress(`skipping: ${line}`);
  const only = process.env.BENCH_ONLY?.split(',').map((id) => id.trim()).filter(Boolean);
  const selected = BENCHMARKS.filter((bench) => !only || only.includes(bench.id));

  progress(`load average before: ${machine.loadBefore.map((v) => v.toFixed(2)).join(' ')} (${machine.cpus} cores)`);
  progress('starting the test registries (python fixtures, no seed replicas)');
  const registries = await startTestRegistries({ seedReplicas: false });
  const home = await mkdtemp(join(tmpdir(), 'regscope-bench-home-'));
  const sections: BenchSection[] = [];
  try {
    progress('pushing the bench repositories (50 tags sharing base layers, 1,000 tags)');
    const client = new PushClient({ baseUrl: registries.anon.url });
    const [sharedBase, thousand] = await Promise.all([pushSharedBaseRepo(client), pushThousandTags(client, registries.anon.url)]);
    const context: BenchContext = {
      root,
      host: registries.anon.host,
      url: registries.anon.url,
      fixtures: { sharedBase, thousand },
      tools,
      env: cleanEnv(home),
      quick: process.env.BENCH_QUICK === '1',
      ...(process.env.BENCH_RENDERER_DIR ? { rendererDir: process.env.BENCH_RENDERER_DIR } : {}),
    };
    for (const bench of selected) {
      progress(`--- ${bench.title}`);
      let section: BenchSection;
      const loadBefore = loadavg()[0] ?? 0;
      try {
        section = await bench.run(context);
      } catch (error) {
        // One broken benchmark must not lose the others' figures; the error is in the report.
        section = { title: bench.title, what: '', measurements: [], checks: [], notes: [], skipped: `failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` };
      }
      // The load moves during a run: each benchmark says what it ran under.
      section = { ...section, load: { before: loadBefore, after: loadavg()[0] ?? 0 } };
      sections.push(section);
      process.stdout.write(`${sectionText(section)}\n`);
    }
  } finally {
    await registries.stop();
    await rm(home, { recursive: true, force: true });
  }
  const run = { machine, loadAfter: loadavg(), sections, skippedTools, totalSeconds: (performance.now() - started) / 1000 };
  process.stdout.write(`${runText(run)}\n`);
  if (!only || process.env.BENCH_WRITE === '1') {
    const file = join(root, 'e2e/bench/results.md');
    await writeFile(file, runMarkdown(run));
    progress(`results written to ${file}`);
  } else {
    progress('BENCH_ONLY set: e2e/bench/results.md left as it was (BENCH_WRITE=1 writes it anyway)');
  }
  if (sections.some((section) => section.skipped?.startsWith('failed'))) process.exitCode = 1;
}

await main();
