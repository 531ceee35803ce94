/**
 * The layer-size treemap of the image view, and the small multiples that put every platform on
 * one scale. Geometry only (d3-hierarchy squarified layout); components draw the rectangles.
 */
import { hierarchy, treemap, treemapSquarify } from 'd3-hierarchy';
import { formatBytes } from '../format/size';
import type { PlatformImage } from '../image/image-report';
import { isForeignLayerMediaType } from '../image/media-types';
import { imageSizeBytes } from './image-facts';
import { buildLayerHistory } from './layer-history';

/** One layer's rectangle. Coordinates are unrounded pixels inside the box. */
export interface TreemapCell {
  /** Stable React key: the digest, with `#2`, `#3`, ... for repeats of a digest inside one image. */
  readonly key: string;
  /** Layer digest (`data-digest` of `treemap-cell`). */
  readonly digest: string;
  /** Position of the layer in the manifest. */
  readonly layerIndex: number;
  /** Left edge. */
  readonly x0: number;
  /** Top edge. */
  readonly y0: number;
  /** Right edge. */
  readonly x1: number;
  /** Bottom edge. */
  readonly y1: number;
  /** Compressed size; 0 when the descriptor gave none (the cell then has no area). */
  readonly sizeBytes: number;
  /** Size as shown, e.g. `33.0 MB`; `size unknown` when the descriptor gave none. */
  readonly sizeLabel: string;
  /** Dockerfile text of the step that made the layer; empty when the history does not say. */
  readonly command: string;
  /** True when the layer is also in another platform (or another tag) passed as shared. */
  readonly shared: boolean;
  /** True for a foreign (non-distributable) layer, such as an old Windows base layer. */
  readonly foreign: boolean;
}

/** The box and the shared-layer set of one treemap. */
export interface TreemapOptions {
  /** Box width in pixels. */
  readonly width: number;
  /** Box height in pixels. */
  readonly height: number;
  /** Digests to flag as shared, from `sharedLayerDigests`. */
  readonly sharedDigests: ReadonlySet<string>;
}

/** A node handed to d3: the root (with children) or one layer. */
interface TreemapDatum {
  /** Position of the layer in the manifest; -1 for the root. */
  readonly layerIndex: number;
  /** Layer size in bytes (0 for the root; d3 sums the leaves). */
  readonly value: number;
  /** The layers, on the root only. */
  readonly children?: readonly TreemapDatum[];
}

/**
 * Lays out the layers of `image` as a squarified treemap filling `width` × `height`, cell area
 * proportional to compressed size. Cells come in layer order, one per layer.
 */
export function buildLayerTreemap(image: PlatformImage, options: TreemapOptions): readonly TreemapCell[] {
  const values = image.layers.map((layer) => {
    const size = layer.size ?? 0;
    return Number.isFinite(size) && size > 0 ? size : 0;
  });
  const rects = layout(values, Math.max(0, options.width), Math.max(0, options.height));
  const commands = layerCommands(image);
  const seen = new Map<string, number>();
  return image.layers.map((layer, layerIndex): TreemapCell => {
    const repeat = (seen.get(layer.digest) ?? 0) + 1;
    seen.set(layer.digest, repeat);
    const rect = rects[layerIndex] ?? EMPTY_RECT;
    return {
      key: repeat === 1 ? layer.digest : `${layer.digest}#${String(repeat)}`,
      digest: layer.digest,
      layerIndex,
      ...rect,
      sizeBytes: values[layerIndex] ?? 0,
      sizeLabel: layer.size === undefined ? 'size unknown' : formatBytes(layer.size),
      command: commands[layerIndex] ?? '',
      shared: options.sharedDigests.has(layer.digest),
      foreign: isForeignLayerMediaType(layer.mediaType),
    };
  });
}

type Rect = Pick<TreemapCell, 'x0' | 'y0' | 'x1' | 'y1'>;
const EMPTY_RECT: Rect = { x0: 0, y0: 0, x1: 0, y1: 0 };

/** Rectangles per value index; biggest first into the squarify, ties in index order. */
function layout(values: readonly number[], width: number, height: number): readonly Rect[] {
  const total = values.reduce((sum, value) => sum + value, 0);
  if (total === 0 || width === 0 || height === 0) return values.map(() => EMPTY_RECT);
  const children = values.map((value, layerIndex): TreemapDatum => ({ layerIndex, value }));
  const root = hierarchy<TreemapDatum>({ layerIndex: -1, value: 0, children }, (datum) => datum.children)
    .sum((datum) => (datum.children === undefined ? datum.value : 0))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.data.layerIndex - b.data.layerIndex);
  const laidOut = treemap<TreemapDatum>().tile(treemapSquarify).size([width, height]).round(false)(root);
  const rects: Rect[] = values.map(() => EMPTY_RECT);
  for (const leaf of laidOut.leaves()) {
    if (leaf.data.value > 0) rects[leaf.data.layerIndex] = { x0: leaf.x0, y0: leaf.y0, x1: leaf.x1, y1: leaf.y1 };
  }
  return rects;
}

/** The Dockerfile text of the step that made each layer, by layer index. */
function layerCommands(image: PlatformImage): readonly string[] {
  const commands: string[] = [];
  for (const row of buildLayerHistory(image).rows) {
    if (row.layerIndex !== undefined) commands[row.layerIndex] = row.command;
  }
  return commands;
}

/**
 * Layer digests that occur in more than one of `images`, or in any of `otherImages` (other tags).
 * Attestation manifests are ignored.
 */
export function sharedLayerDigests(images: readonly PlatformImage[], otherImages: readonly PlatformImage[] = []): ReadonlySet<string> {
  const imageCount = new Map<string, number>();
  for (const image of images) {
    if (image.kind !== 'image') continue;
    for (const digest of new Set(image.layers.map((layer) => layer.digest))) {
      imageCount.set(digest, (imageCount.get(digest) ?? 0) + 1);
    }
  }
  const elsewhere = new Set(otherImages.filter((image) => image.kind === 'image').flatMap((image) => image.layers.map((layer) => layer.digest)));
  return new Set([...imageCount].filter(([digest, count]) => count > 1 || elsewhere.has(digest)).map(([digest]) => digest));
}

/** One platform's treemap among the small multiples. */
export interface SmallMultiple {
  /** Manifest digest of the platform image. */
  readonly digest: string;
  /** The image it draws. */
  readonly image: PlatformImage;
  /** Compressed size of the image. */
  readonly totalBytes: number;
  /** Box width: `maxWidth` for the biggest image, less for smaller ones. */
  readonly width: number;
  /** Box height, in the same aspect ratio as the biggest box. */
  readonly height: number;
  /** Cells inside `width` × `height`. */
  readonly cells: readonly TreemapCell[];
}

/** The largest box of the small multiples. */
export interface SmallMultiplesOptions {
  /** Width of the biggest image's box. */
  readonly maxWidth: number;
  /** Height of the biggest image's box. */
  readonly maxHeight: number;
  /** Digests to flag as shared; by default those in more than one of the images. */
  readonly sharedDigests?: ReadonlySet<string>;
}

/**
 * One treemap per platform, all on one scale: a byte covers the same area in every box. The
 * biggest image fills `maxWidth` × `maxHeight`; a smaller one gets a box of the same shape scaled
 * by √(its size / the biggest size). Attestation manifests are left out.
 */
export function buildSmallMultiples(images: readonly PlatformImage[], options: SmallMultiplesOptions): readonly SmallMultiple[] {
  const platforms = images.filter((image) => image.kind === 'image');
  const sharedDigests = options.sharedDigests ?? sharedLayerDigests(platforms);
  const totals = platforms.map(imageSizeBytes);
  const largest = Math.max(0, ...totals);
  return platforms.map((image, i) => {
    const totalBytes = totals[i] ?? 0;
    const scale = largest === 0 ? 0 : Math.sqrt(totalBytes / largest);
    const width = options.maxWidth * scale;
    const height = options.maxHeight * scale;
    return { digest: image.digest, image, totalBytes, width, height, cells: buildLayerTreemap(image, { width, height, sharedDigests }) };
  });
}
