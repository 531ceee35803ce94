import { describe, expect, it } from 'vitest';
import type { LayerInfo } from '../image/image-report';
import { MediaType } from '../image/media-types';
import { AMD64, ARM64, ARMV7, makeImage, nop, run } from './__fixtures__/images';
import { buildLayerTreemap, buildSmallMultiples, sharedLayerDigests, type TreemapCell } from './treemap';

const area = (cell: TreemapCell): number => (cell.x1 - cell.x0) * (cell.y1 - cell.y0);
const NONE: ReadonlySet<string> = new Set();

function expectInside(cells: readonly TreemapCell[], width: number, height: number): void {
  for (const cell of cells) {
    expect(cell.x0).toBeGreaterThanOrEqual(-1e-9);
    expect(cell.y0).toBeGreaterThanOrEqual(-1e-9);
    expect(cell.x1).toBeLessThanOrEqual(width + 1e-9);
    expect(cell.y1).toBeLessThanOrEqual(height + 1e-9);
    expect(cell.x1).toBeGreaterThanOrEqual(cell.x0);
    expect(cell.y1).toBeGreaterThanOrEqual(cell.y0);
  }
}

describe('buildLayerTreemap', () => {
  it.each<[string, readonly number[], number, number]>([
    ['one layer fills the box', [1000], 300, 200],
    ['a big base and small layers', [30_000_000, 1_200, 45_000, 7_000_000], 800, 400],
    ['equal layers', [10, 10, 10, 10, 10, 10], 600, 100],
    ['a tall box', [5, 1, 3, 8, 2], 50, 900],
  ])('%s: one cell per layer, area ∝ size, inside the box', (_name, sizes, width, height) => {
    const image = makeImage({ layers: sizes.map((size, i) => [`sha256:l${i}`, size]) });
    const cells = buildLayerTreemap(image, { width, height, sharedDigests: NONE });
    const total = sizes.reduce((sum, size) => sum + size, 0);
    expect(cells.map((cell) => cell.digest)).toEqual(sizes.map((_size, i) => `sha256:l${i}`));
    cells.forEach((cell, i) => expect(area(cell)).toBeCloseTo(((sizes[i] ?? 0) / total) * width * height, 6));
    expectInside(cells, width, height);
  });

  it.each<[string, readonly (number | undefined)[], readonly number[]]>([
    ['an unknown size gets no area', [100, undefined, 300], [0.25, 0, 0.75]],
    ['a zero size gets no area', [0, 100], [0, 1]],
    ['all unknown: every cell is empty', [undefined, undefined], [0, 0]],
  ])('%s', (_name, sizes, shares) => {
    const image = makeImage({ layers: sizes.map((size, i) => [`sha256:l${i}`, size]) });
    const cells = buildLayerTreemap(image, { width: 100, height: 100, sharedDigests: NONE });
    expect(cells.map((cell) => Math.round(area(cell)) / 10_000)).toEqual(shares);
    expect(cells.map((cell) => cell.sizeLabel)).toEqual(sizes.map((size) => (size === undefined ? 'size unknown' : expect.any(String))));
  });

  it('labels each cell with its size, the command that made it, and the shared and foreign flags', () => {
    const layerInfos: readonly LayerInfo[] = [
      { digest: 'sha256:base', mediaType: MediaType.dockerForeignLayer, size: 1_500_000_000 },
      { digest: 'sha256:app', mediaType: MediaType.dockerLayer, size: 2_500 },
    ];
    const image = makeImage({ layerInfos, history: [{ created_by: 'Apply image 10.0.17763.1' }, nop('ENV A=1'), run('make')] });
    const cells = buildLayerTreemap(image, { width: 10, height: 10, sharedDigests: new Set(['sha256:base']) });
    expect(cells.map(({ digest, sizeLabel, command, shared, foreign }) => ({ digest, sizeLabel, command, shared, foreign }))).toEqual([
      { digest: 'sha256:base', sizeLabel: '1.5 GB', command: 'RUN Apply image 10.0.17763.1', shared: true, foreign: true },
      { digest: 'sha256:app', sizeLabel: '2.5 KB', command: 'RUN make', shared: false, foreign: false },
    ]);
  });

  it('gives a repeated digest its own key', () => {
    const image = makeImage({ layers: [['sha256:same', 1], ['sha256:other', 1], ['sha256:same', 1]] });
    expect(buildLayerTreemap(image, { width: 10, height: 10, sharedDigests: NONE }).map((cell) => cell.key)).toEqual([
      'sha256:same',
      'sha256:other',
      'sha256:same#2',
    ]);
  });

  it('lays out 1,000 layers, each inside the box with its share of the area', () => {
    const sizes = Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1000) * 1000 + 1);
    const image = makeImage({ layers: sizes.map((size, i) => [`sha256:l${i}`, size]) });
    const cells = buildLayerTreemap(image, { width: 1200, height: 800, sharedDigests: NONE });
    const total = sizes.reduce((sum, size) => sum + size, 0);
    expect(cells).toHaveLength(1000);
    expectInside(cells, 1200, 800);
    cells.forEach((cell, i) => expect(area(cell)).toBeCloseTo(((sizes[i] ?? 0) / total) * 1200 * 800, 3));
  });
});

describe('sharedLayerDigests', () => {
  const amd64 = makeImage({ platform: AMD64, layers: [['sha256:base', 1], ['sha256:a', 1]] });
  const arm64 = makeImage({ platform: ARM64, layers: [['sha256:base', 1], ['sha256:b', 1], ['sha256:b', 1]] });
  const armv7 = makeImage({ platform: ARMV7, layers: [['sha256:c', 1]] });
  const otherTag = makeImage({ digest: 'sha256:other-tag', layers: [['sha256:c', 1]] });
  const attestation = makeImage({ digest: 'sha256:att', platform: { os: 'unknown', architecture: 'unknown' }, attests: amd64.digest, layers: [['sha256:a', 1]] });

  it.each<[string, Parameters<typeof sharedLayerDigests>, readonly string[]]>([
    ['across platforms', [[amd64, arm64, armv7]], ['sha256:base']],
    ['a digest twice in one image is not shared', [[arm64]], []],
    ['with other tags', [[amd64, arm64, armv7], [otherTag]], ['sha256:base', 'sha256:c']],
    ['attestations do not count', [[amd64, attestation]], []],
  ])('%s', (_name, args, expected) => {
    expect([...sharedLayerDigests(...args)].sort()).toEqual(expected);
  });
});

describe('buildSmallMultiples', () => {
  const big = makeImage({ platform: AMD64, layers: [['sha256:base', 300], ['sha256:a', 100]] });
  const quarter = makeImage({ platform: ARM64, layers: [['sha256:base', 100]] });
  const empty = makeImage({ platform: ARMV7, layers: [] });

  it('puts every platform on one scale: the same bytes cover the same area', () => {
    const multiples = buildSmallMultiples([quarter, big, empty], { maxWidth: 400, maxHeight: 200 });
    expect(multiples.map(({ digest, width, height, totalBytes }) => ({ digest, width, height, totalBytes }))).toEqual([
      { digest: quarter.digest, width: 200, height: 100, totalBytes: 100 },
      { digest: big.digest, width: 400, height: 200, totalBytes: 400 },
      { digest: empty.digest, width: 0, height: 0, totalBytes: 0 },
    ]);
    const pixelsPerByte = multiples.flatMap((multiple) => multiple.cells.filter((cell) => cell.sizeBytes > 0).map((cell) => area(cell) / cell.sizeBytes));
    for (const ratio of pixelsPerByte) expect(ratio).toBeCloseTo(200, 6);
    multiples.forEach((multiple) => expectInside(multiple.cells, multiple.width, multiple.height));
  });

  it('flags layers shared between the platforms', () => {
    const [first] = buildSmallMultiples([big, quarter], { maxWidth: 10, maxHeight: 10 });
    expect(first?.cells.map((cell) => [cell.digest, cell.shared])).toEqual([
      ['sha256:base', true],
      ['sha256:a', false],
    ]);
  });

  it('leaves out attestation manifests', () => {
    const attestation = makeImage({ digest: 'sha256:att', attests: big.digest, layers: [['sha256:x', 5000]] });
    expect(buildSmallMultiples([big, attestation], { maxWidth: 10, maxHeight: 10 }).map((multiple) => multiple.digest)).toEqual([big.digest]);
  });
});
