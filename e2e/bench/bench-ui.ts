import { chromium, type Browser } from 'playwright-core';
import { API_METHOD_NAMES } from '../../shared/api/api-methods';
import { sortTags } from '../../shared/view-models';
import { planFor, progress, type BenchContext } from './bench-context';
import { belowCheck, type BenchSection, type Measurement, type TargetCheck } from './results';
import { repeat, summarize } from './stats';
import { CHROMIUM } from './tools';
import { UI_LAYER_COUNT, UI_TAG_COUNT, benchTag, manyLayersReport } from './ui-data';
import { nodeBaselines } from './ui-baselines';
import { FAKE_REGISTRY, SMALL_LAYER_COUNT, TYPED, checkKeystrokesChangeRows, firstRows, keystroke, keystrokes, openImage, reportTag } from './ui-driver';
import { initScript } from './ui-page';
import { startWebHost } from './ui-web-host';

/**
 * The UI in Chromium against the real web host, with a fake API injected before the app loads
 * (100k tags; a tag of 1,000 layers): time to first tag rows, filter latency per keystroke, and
 * the 1,000-layer treemap from opening the route until every cell is in the DOM and painted.
 */
export async function benchUi(context: BenchContext): Promise<BenchSection> {
  const what = `Debian Chromium (headless) on \`regscope serve\`, with \`window.regscope\` faked before the app loads: a tag job of ${UI_TAG_COUNT.toLocaleString('en')} tags and a tag of ${UI_LAYER_COUNT.toLocaleString('en')} layers. Times are \`performance.now()\` in the page; "painted" is two animation frames after the DOM change.`;
  if (!context.tools.chromium) return { title: 'UI in Chromium', what, measurements: [], checks: [], notes: [], skipped: `${CHROMIUM} is not installed` };
  const tags = Array.from({ length: UI_TAG_COUNT }, (_, i) => benchTag(i));
  checkKeystrokesChangeRows(sortTags(tags, 'natural', 'asc'));
  const measurements: Measurement[] = [];
  const notes: string[] = [];

  // The web host serves dist/renderer, or the build named with --renderer (REGSCOPE_RENDERER_DIR).
  const host = await startWebHost(context.root, context.rendererDir === undefined ? context.env : { ...context.env, REGSCOPE_RENDERER_DIR: context.rendererDir });
  if (context.rendererDir !== undefined) notes.push(`Renderer under test: ${context.rendererDir} (not dist/renderer).`);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    });
    const browserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const reports = { [reportTag(UI_LAYER_COUNT)]: manyLayersReport(FAKE_REGISTRY, UI_LAYER_COUNT), [reportTag(SMALL_LAYER_COUNT)]: manyLayersReport(FAKE_REGISTRY, SMALL_LAYER_COUNT) };
    await browserContext.addInitScript({ content: initScript({ tagCount: UI_TAG_COUNT, reports, fallback: reportTag(UI_LAYER_COUNT), methods: API_METHOD_NAMES }, benchTag) });
    // The printed URL trades its token for the session cookie, as a user's first visit does.
    const signIn = await browserContext.newPage();
    await signIn.goto(host.url);
    await signIn.close();

    progress('ui: time to first tag rows');
    const genMs: number[] = [];
    const firstRowSamples = await repeat(planFor(context, { warmup: 1, runs: 5 }), async (run) => {
      const { page, firstRowMs, tagGenMs } = await firstRows(browserContext, host.origin);
      if (run >= 0) genMs.push(tagGenMs);
      await page.close();
      return firstRowMs;
    });
    measurements.push({ label: `time to first tag rows (navigation start → first row, ${UI_TAG_COUNT.toLocaleString('en')} tags)`, summary: summarize(firstRowSamples), unit: 'ms' });
    measurements.push({ label: '  of which: the fake API generating the tags in the page', summary: summarize(genMs), unit: 'ms' });

    progress('ui: filter latency per keystroke');
    const { page } = await firstRows(browserContext, host.origin);
    await page.click('[data-testid="tag-filter"]');
    // Warm-up: one character and its erasure (JIT, first render of the filtered list).
    await keystroke(page, 'a');
    await keystroke(page, 'Backspace');
    const keys = context.quick ? keystrokes().slice(0, 4) : keystrokes();
    const latencies: number[] = [];
    for (const key of keys) latencies.push(await keystroke(page, key));
    measurements.push({ label: `filter, per keystroke (input event → rows re-rendered → painted; ${keys.length} keys: "${TYPED.join('", "')}" typed and erased)`, summary: summarize(latencies), unit: 'ms', showP95: true });

    progress('ui: 1,000-layer treemap');
    const imageRoute = async (layers: number): Promise<{ dom: number[]; paint: number[] }> => {
      const dom: number[] = [];
      const paint = await repeat(planFor(context, { warmup: 1, runs: 5 }), async (run) => {
        const timing = await openImage(page, run, layers);
        if (run >= 0) dom.push(timing.domMs);
        return timing.paintMs;
      });
      measurements.push({ label: `image route, ${String(layers)} layers: open → all ${String(layers)} treemap cells in the DOM`, summary: summarize(dom), unit: 'ms' });
      measurements.push({ label: `image route, ${String(layers)} layers: open → cells painted`, summary: summarize(paint), unit: 'ms' });
      return { dom, paint };
    };
    const { paint } = await imageRoute(UI_LAYER_COUNT);
    progress('ui: image route baseline (8 layers)');
    const small = await imageRoute(SMALL_LAYER_COUNT);
    await page.close();

    progress('ui: Node baselines');
    measurements.push(...(await nodeBaselines(context, tags)));

    const checks: TargetCheck[] = [
      belowCheck(`${UI_TAG_COUNT.toLocaleString('en')} tags: filter < 50 ms per keystroke (median)`, summarize(latencies).median, 50, 'ms'),
      belowCheck(`${UI_TAG_COUNT.toLocaleString('en')} tags: filter < 50 ms per keystroke (p95)`, summarize(latencies).p95, 50, 'ms'),
      belowCheck(`${UI_LAYER_COUNT.toLocaleString('en')}-layer treemap < 100 ms (open → painted, whole image page)`, summarize(paint).median, 100, 'ms'),
    ];
    notes.push(
      `The treemap figure is the whole image page (header, facts, a layers table of ${UI_LAYER_COUNT} rows and the treemap), as a user opening the route waits for it. The same page with ${SMALL_LAYER_COUNT} layers takes ${summarize(small.paint).median.toFixed(0)} ms (its fixed cost); the Node row is the treemap layout alone.`,
      `The first-rows time includes loading the app, generating the fake tags in the page (row above), the natural sort of ${UI_TAG_COUNT.toLocaleString('en')} tags and the first render. p95 of ${String(keys.length)} keystrokes is close to their maximum.`,
    );
    return { title: 'UI in Chromium', what, measurements, checks, notes };
  } finally {
    await browser?.close();
    await host.stop();
  }
}
