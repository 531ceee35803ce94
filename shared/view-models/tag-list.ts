/**
 * The tag browser's list: filter a repository's tags by text or regex, and sort them.
 *
 * Repositories can have 100k tags, so filtering goes through a precomputed index
 * (`prepareTagIndex` once per tag list, `filterTagIndex` per keystroke).
 */

/** How the filter text is read. */
export type TagFilterMode = 'substring' | 'regex';

/** What the user typed in the tag filter box. */
export interface TagQuery {
  /** The filter text; empty keeps every tag. */
  readonly text: string;
  /** `substring`: the tag contains the text; `regex`: the (unanchored) pattern matches the tag. */
  readonly mode: TagFilterMode;
  /** Match letter case exactly; off by default. */
  readonly caseSensitive?: boolean;
}

/** The tags that pass a filter, or why the filter could not run (an invalid regex). */
export type TagFilterResult =
  | {
      /** The filter ran. */
      readonly ok: true;
      /** Matching tags, in index order. */
      readonly tags: readonly string[];
    }
  | {
      /** The filter could not run. */
      readonly ok: false;
      /** Message for the user, e.g. the regex syntax error. */
      readonly error: string;
    };

/** Tags with their lower-cased keys computed once, so each keystroke only scans. */
export interface TagIndex {
  /** The tags, in the order given. */
  readonly tags: readonly string[];
  /** `tags[i].toLowerCase()`, for case-insensitive substring search. */
  readonly lowerTags: readonly string[];
}

/** Precomputes the keys `filterTagIndex` needs. Build once per tag list. */
export function prepareTagIndex(tags: readonly string[]): TagIndex {
  return { tags, lowerTags: tags.map((tag) => tag.toLowerCase()) };
}

/**
 * The tags of `index` that match `query`.
 *
 * An invalid regex comes back as `{ok: false, error}`, never as a throw, so the UI can show it
 * under the filter box while the user is still typing.
 */
export function filterTagIndex(index: TagIndex, query: TagQuery): TagFilterResult {
  if (query.text === '') return { ok: true, tags: index.tags };
  if (query.mode === 'regex') return filterByRegex(index.tags, query);
  const caseSensitive = query.caseSensitive === true;
  const keys = caseSensitive ? index.tags : index.lowerTags;
  const needle = caseSensitive ? query.text : query.text.toLowerCase();
  const tags: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    if ((keys[i] as string).includes(needle)) tags.push(index.tags[i] as string);
  }
  return { ok: true, tags };
}

/** One-shot `filterTagIndex` for small lists; use the index for anything typed into. */
export function filterTags(tags: readonly string[], query: TagQuery): TagFilterResult {
  return filterTagIndex(prepareTagIndex(tags), query);
}

function filterByRegex(tags: readonly string[], query: TagQuery): TagFilterResult {
  let pattern: RegExp;
  try {
    // No `g` flag: `test` must not carry `lastIndex` from one tag to the next.
    pattern = new RegExp(query.text, query.caseSensitive === true ? '' : 'i');
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  return { ok: true, tags: tags.filter((tag) => pattern.test(tag)) };
}

export { compareTagsByteOrder, compareTagsNatural, sortTags } from './tag-sort';
export type { SortDirection, TagSortMode } from './tag-sort';
