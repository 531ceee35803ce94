/**
 * The side-by-side comparison of two images (`#/compare/<ref>?platforms=a,b`): sizes, the bytes
 * they share, and every config field that differs.
 */
import type { PlatformImage } from '../image/image-report';
import { execArrayText, exposedPortsText, imageSizeBytes, sortedLabels, splitEnv } from './image-facts';

/** How a config field compares: equal, different, or set on one side only. */
export type ConfigDifferenceStatus = 'same' | 'changed' | 'only-a' | 'only-b';

/** Which part of the config a row belongs to, for grouping in the table. */
export type ConfigDifferenceGroup = 'platform' | 'runtime' | 'env' | 'label';

/** One compared field. Fields unset on both sides have no row. */
export interface ConfigDifferenceRow {
  /** Stable id, unique within the comparison: `runtime:Cmd`, `env:PATH`, `label:maintainer`. */
  readonly key: string;
  /** The part of the config this field belongs to. */
  readonly group: ConfigDifferenceGroup;
  /** The field as shown: `Entrypoint`, `os.version`, or the Env/Label name. */
  readonly name: string;
  /** Value in image A (exec arrays as JSON); undefined when A does not set it. */
  readonly a?: string;
  /** Value in image B; undefined when B does not set it. */
  readonly b?: string;
  /** How A and B compare on this field. */
  readonly status: ConfigDifferenceStatus;
}

/** Size facts of one side of a comparison. */
export interface ComparisonSide {
  /** Manifest digest of the image. */
  readonly digest: string;
  /** Compressed size: the sum of all its layers. */
  readonly sizeBytes: number;
  /** Number of layers. */
  readonly layerCount: number;
  /** Bytes of the distinct layers the other image does not have (what pulling this adds). */
  readonly uniqueBytes: number;
  /** Number of distinct layers the other image does not have. */
  readonly uniqueLayerCount: number;
}

/** Everything the compare view shows about two images. */
export interface ImageComparison {
  /** The left image. */
  readonly a: ComparisonSide;
  /** The right image. */
  readonly b: ComparisonSide;
  /** Bytes of the distinct layers (same digest) that both images contain. */
  readonly sharedBytes: number;
  /** Number of distinct layers both images contain. */
  readonly sharedLayerCount: number;
  /** Config fields in a fixed order: platform, runtime, then Env (A's order) and Labels (by name). */
  readonly config: readonly ConfigDifferenceRow[];
}

/** Compares two images of the same or different tags and platforms. */
export function buildComparison(a: PlatformImage, b: PlatformImage): ImageComparison {
  const sizesA = distinctLayerSizes(a);
  const sizesB = distinctLayerSizes(b);
  let sharedBytes = 0;
  let sharedLayerCount = 0;
  for (const [digest, size] of sizesA) {
    if (!sizesB.has(digest)) continue;
    sharedBytes += size;
    sharedLayerCount++;
  }
  return {
    a: side(a, sizesA, sizesB),
    b: side(b, sizesB, sizesA),
    sharedBytes,
    sharedLayerCount,
    config: configRows(a, b),
  };
}

function distinctLayerSizes(image: PlatformImage): ReadonlyMap<string, number> {
  const sizes = new Map<string, number>();
  for (const layer of image.layers) sizes.set(layer.digest, layer.size ?? 0);
  return sizes;
}

function side(image: PlatformImage, own: ReadonlyMap<string, number>, other: ReadonlyMap<string, number>): ComparisonSide {
  let uniqueBytes = 0;
  let uniqueLayerCount = 0;
  for (const [digest, size] of own) {
    if (other.has(digest)) continue;
    uniqueBytes += size;
    uniqueLayerCount++;
  }
  return { digest: image.digest, sizeBytes: imageSizeBytes(image), layerCount: image.layers.length, uniqueBytes, uniqueLayerCount };
}

/** The compared fields of one image, in display order, keyed by row key. */
function fieldsOf(image: PlatformImage): ReadonlyMap<string, { group: ConfigDifferenceGroup; name: string; value: string | undefined }> {
  const { platform, config } = image;
  const container = config.config ?? {};
  const fields = new Map<string, { group: ConfigDifferenceGroup; name: string; value: string | undefined }>();
  const add = (group: ConfigDifferenceGroup, name: string, value: string | undefined): void => {
    // An empty Env value or Label is set; an empty WorkingDir or User is not.
    const unset = value === '' && (group === 'platform' || group === 'runtime');
    fields.set(`${group}:${name}`, { group, name, value: unset ? undefined : value });
  };
  add('platform', 'os', platform.os || config.os);
  add('platform', 'architecture', platform.architecture || config.architecture);
  add('platform', 'variant', platform.variant ?? config.variant);
  add('platform', 'os.version', platform.osVersion ?? config['os.version']);
  add('runtime', 'Entrypoint', execArrayText(container.Entrypoint));
  add('runtime', 'Cmd', execArrayText(container.Cmd));
  add('runtime', 'Shell', execArrayText(container.Shell));
  add('runtime', 'WorkingDir', container.WorkingDir);
  add('runtime', 'User', container.User);
  add('runtime', 'ExposedPorts', exposedPortsText(container.ExposedPorts));
  add('runtime', 'StopSignal', container.StopSignal);
  for (const { name, value } of splitEnv(container.Env)) add('env', name, value);
  for (const { name, value } of sortedLabels(container.Labels)) add('label', name, value);
  return fields;
}

const GROUP_ORDER: readonly ConfigDifferenceGroup[] = ['platform', 'runtime', 'env', 'label'];

function configRows(a: PlatformImage, b: PlatformImage): readonly ConfigDifferenceRow[] {
  const fieldsA = fieldsOf(a);
  const fieldsB = fieldsOf(b);
  // A's fields in A's order, then B's extra fields; then grouped (stable sort keeps those orders).
  const keys = [...fieldsA.keys(), ...[...fieldsB.keys()].filter((key) => !fieldsA.has(key))];
  const rows: ConfigDifferenceRow[] = [];
  for (const key of keys) {
    const fieldA = fieldsA.get(key);
    const fieldB = fieldsB.get(key);
    const field = fieldA ?? fieldB;
    if (field === undefined) continue;
    const valueA = fieldA?.value;
    const valueB = fieldB?.value;
    if (valueA === undefined && valueB === undefined) continue;
    rows.push({
      key,
      group: field.group,
      name: field.name,
      ...(valueA === undefined ? {} : { a: valueA }),
      ...(valueB === undefined ? {} : { b: valueB }),
      status: valueA === undefined ? 'only-b' : valueB === undefined ? 'only-a' : valueA === valueB ? 'same' : 'changed',
    });
  }
  return rows.sort((x, y) => GROUP_ORDER.indexOf(x.group) - GROUP_ORDER.indexOf(y.group) || compareLabelNames(x, y));
}

function compareLabelNames(x: ConfigDifferenceRow, y: ConfigDifferenceRow): number {
  if (x.group !== 'label' || x.name === y.name) return 0;
  return x.name < y.name ? -1 : 1;
}
