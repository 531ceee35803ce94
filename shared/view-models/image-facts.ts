/**
 * Small facts about one image that several views show the same way: total size, Env as pairs,
 * Labels as pairs, exec arrays as text.
 */
import type { ContainerConfig, PlatformImage } from '../image/image-report';
import { compareTagsNatural } from './tag-sort';

/** One `NAME=value` of an Env list or one Label, split. */
export interface NamedValue {
  /** Variable or label name. */
  readonly name: string;
  /** Its value; empty when the Env entry had no `=`. */
  readonly value: string;
}

/** Compressed size of an image: the sum of its layers' descriptor sizes (a missing size counts 0). */
export function imageSizeBytes(image: PlatformImage): number {
  let total = 0;
  for (const layer of image.layers) total += layer.size ?? 0;
  return total;
}

/**
 * The Env list as name/value pairs, split at the first `=`, in config order.
 *
 * A name given twice keeps its first position and its last value, as the runtime does.
 */
export function splitEnv(env: readonly string[] | null | undefined): readonly NamedValue[] {
  const byName = new Map<string, string>();
  for (const entry of env ?? []) {
    const equals = entry.indexOf('=');
    if (equals < 0) byName.set(entry, '');
    else byName.set(entry.slice(0, equals), entry.slice(equals + 1));
  }
  return [...byName].map(([name, value]) => ({ name, value }));
}

/** Labels as name/value pairs, sorted by name. */
export function sortedLabels(labels: ContainerConfig['Labels']): readonly NamedValue[] {
  return Object.entries(labels ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ({ name, value }));
}

/** An exec array (Entrypoint, Cmd, Shell) as JSON text, as repo-info prints it; undefined when unset. */
export function execArrayText(value: readonly string[] | null | undefined): string | undefined {
  return value == null ? undefined : JSON.stringify(value);
}

/** The exposed ports, in numeric order, e.g. `80/tcp, 443/tcp`; undefined when none. */
export function exposedPortsText(ports: ContainerConfig['ExposedPorts']): string | undefined {
  const keys = Object.keys(ports ?? {}).sort(compareTagsNatural);
  return keys.length === 0 ? undefined : keys.join(', ');
}
