/**
 * Recently opened repositories, images and comparisons, kept in localStorage (max 20, newest
 * first). Only references: nothing secret is ever written here.
 */

/** What a recent entry opens. */
export type RecentKind = 'repo' | 'image' | 'compare';

/** One remembered place. */
export interface RecentItem {
  readonly kind: RecentKind;
  /** The repository or reference, as shown. */
  readonly reference: string;
  /** The route to open, `#/…`. */
  readonly href: string;
  /** When it was last opened, ISO. */
  readonly at: string;
}

export const RECENT_KEY = 'regscope.recent.v1';
export const MAX_RECENT = 20;
const KINDS: ReadonlySet<string> = new Set<RecentKind>(['repo', 'image', 'compare']);

/** Storage as far as recents need it (tests pass a Map-backed one). */
export type RecentStorage = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStorage(): RecentStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage disabled (privacy mode): recents simply are not kept
  }
}

/** The remembered items, newest first; damaged entries are skipped. */
export function readRecent(storage: RecentStorage | undefined = defaultStorage()): readonly RecentItem[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage?.getItem(RECENT_KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(isRecentItem).slice(0, MAX_RECENT);
}

function isRecentItem(value: unknown): value is RecentItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return typeof item['kind'] === 'string' && KINDS.has(item['kind']) && typeof item['reference'] === 'string' && typeof item['href'] === 'string' && item['href'].startsWith('#/') && typeof item['at'] === 'string';
}

function write(items: readonly RecentItem[], storage: RecentStorage | undefined): readonly RecentItem[] {
  try {
    storage?.setItem(RECENT_KEY, JSON.stringify(items));
  } catch {
    // Quota or disabled storage: the list lives on in memory for this page.
  }
  return items;
}

/** Puts `item` first (replacing an entry with the same href) and keeps the newest 20. */
export function addRecent(item: Omit<RecentItem, 'at'>, storage: RecentStorage | undefined = defaultStorage(), now: Date = new Date()): readonly RecentItem[] {
  const rest = readRecent(storage).filter((entry) => entry.href !== item.href);
  return write([{ ...item, at: now.toISOString() }, ...rest].slice(0, MAX_RECENT), storage);
}

/** Forgets the entry opening `href`. */
export function removeRecent(href: string, storage: RecentStorage | undefined = defaultStorage()): readonly RecentItem[] {
  return write(readRecent(storage).filter((entry) => entry.href !== href), storage);
}
