import { useDeferredValue, useMemo } from 'react';
import { filterTagIndex, prepareTagIndex, sortTags, type SortDirection, type TagFilterMode, type TagSortMode } from '../../../shared/view-models';

/** How the tag list is filtered and ordered. */
export interface TagListOptions {
  readonly text: string;
  readonly mode: TagFilterMode;
  readonly sort: TagSortMode;
  readonly direction: SortDirection;
}

/**
 * The tags to show: sorted once per list and order, indexed once, filtered per keystroke. The
 * filter runs on a deferred copy of the text so typing stays smooth with 100k tags.
 */
export function useTagList(tags: readonly string[], options: TagListOptions) {
  const sorted = useMemo(() => sortTags(tags, options.sort, options.direction), [tags, options.sort, options.direction]);
  const index = useMemo(() => prepareTagIndex(sorted), [sorted]);
  const text = useDeferredValue(options.text);
  const result = useMemo(() => filterTagIndex(index, { text, mode: options.mode }), [index, text, options.mode]);
  return {
    /** Tags passing the filter, in display order (all tags while the regex is invalid). */
    tags: result.ok ? result.tags : sorted,
    /** The regex error to show under the filter box. */
    filterError: result.ok ? undefined : result.error,
    /** True while the shown list lags behind what was typed. */
    stale: text !== options.text,
    /** Changes when the shown filter or order changes (the deferred text, not the typed one). */
    resetKey: `${text}\u0000${options.mode}\u0000${options.sort}\u0000${options.direction}`,
  };
}
