import { buildLayerTreemap, filterTagIndex, prepareTagIndex, sortTags } from '../../shared/view-models';
import { planFor, type BenchContext } from './bench-context';
import type { Measurement } from './results';
import { repeat, summarize } from './stats';
import { UI_LAYER_COUNT, UI_TAG_COUNT, manyLayersReport } from './ui-data';
import { FAKE_REGISTRY } from './ui-driver';

/** Node-side baselines: the pure functions the page runs, without React and the DOM. */
export async function nodeBaselines(context: BenchContext, tags: readonly string[]): Promise<Measurement[]> {
  const plan = planFor(context, { warmup: 5, runs: 30 });
  const sync = (label: string, task: () => unknown): Promise<Measurement> =>
    repeat(plan, async () => {
      const start = performance.now();
      task();
      return performance.now() - start;
    }).then((samples) => ({ label, summary: summarize(samples), unit: 'ms' as const }));
  const image = manyLayersReport(FAKE_REGISTRY).images[0];
  if (image === undefined) throw new Error('the layers report has no image');
  const count = UI_TAG_COUNT.toLocaleString('en');
  return [
    await sync(`baseline: buildLayerTreemap, ${UI_LAYER_COUNT} layers, in Node`, () => buildLayerTreemap(image, { width: 800, height: 440, sharedDigests: new Set() })),
    await sync(`baseline: filterTagIndex "4-b", ${count} tags, in Node`, () => filterTagIndex(prepared(tags), { text: '4-b', mode: 'substring' })),
    await sync(`baseline: sortTags natural + prepareTagIndex, ${count} tags, in Node`, () => prepareTagIndex(sortTags(tags, 'natural', 'asc'))),
  ];
}

let preparedIndex: { tags: readonly string[]; index: ReturnType<typeof prepareTagIndex> } | undefined;
/** The index of `tags`, built once (the page builds it once per list too, not per keystroke). */
function prepared(tags: readonly string[]): ReturnType<typeof prepareTagIndex> {
  if (preparedIndex?.tags !== tags) preparedIndex = { tags, index: prepareTagIndex(tags) };
  return preparedIndex.index;
}
