import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatRoute } from '../../router/routes';
import { navigate } from '../../router/use-route';
import { TagSummaryCells } from './TagSummaryCells';

const ROW_HEIGHT = 32;

/** Props of the tag list. */
export interface TagListProps {
  /** The repository as typed, for references (`python`, `ghcr.io/acme/app`). */
  readonly repository: string;
  /** Tags in display order. */
  readonly tags: readonly string[];
  /** Tags ticked for comparison. */
  readonly selected: ReadonlySet<string>;
  readonly onToggleSelected: (tag: string) => void;
  /** Changes when the filter or order changes: the list then starts again from the top. */
  readonly resetKey: string;
}

/**
 * The virtualized tag list: only the rows on screen exist (smooth at 100k tags), and only they ask
 * for their summary. Keyboard: ↑/↓/PageUp/PageDown/Home/End move, Enter opens, Space ticks the tag
 * for comparison. The list is one tab stop; the active row is its `aria-activedescendant`.
 */
export const TagList = memo(function TagList({ repository, tags, selected, onToggleSelected, resetKey }: TagListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({
    count: tags.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: { width: 800, height: 600 },
  });
  const activeIndex = Math.min(active, Math.max(0, tags.length - 1));
  // A new filter or order is a new list: show its start. (Tags arriving do not change the key, so
  // a progressive fill never yanks the list away from where the user is reading.)
  useEffect(() => {
    setActive(0);
    virtualizer.scrollToOffset(0);
  }, [resetKey]);
  useEffect(() => {
    if (active !== activeIndex) setActive(activeIndex);
  }, [active, activeIndex]);

  const move = (index: number) => {
    const next = Math.max(0, Math.min(tags.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // Read the height here, not while rendering: a layout read per render costs a forced layout.
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 600) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => (activeIndex === 0 ? document.getElementById('tag-filter')?.focus() : move(activeIndex - 1)),
      PageDown: () => move(activeIndex + page),
      PageUp: () => move(activeIndex - page),
      Home: () => move(0),
      End: () => move(tags.length - 1),
      Enter: () => {
        const tag = tags[activeIndex];
        if (tag !== undefined) navigate({ kind: 'image', reference: `${repository}:${tag}` });
      },
      ' ': () => {
        const tag = tags[activeIndex];
        if (tag !== undefined) onToggleSelected(tag);
      },
    };
    const action = keys[event.key];
    if (action === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    action();
  };

  const activeTag = tags[activeIndex];
  return (
    <div
      id="tag-list"
      ref={scroller}
      className="tag-list"
      role="listbox"
      aria-label={`Tags of ${repository}`}
      tabIndex={0}
      aria-activedescendant={activeTag === undefined ? undefined : rowId(activeIndex)}
      onKeyDown={onKeyDown}
    >
      <div className="tag-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const tag = tags[item.index];
          if (tag === undefined) return null;
          const reference = `${repository}:${tag}`;
          return (
            <div
              key={tag}
              id={rowId(item.index)}
              role="option"
              aria-selected={item.index === activeIndex}
              data-testid="tag-row"
              data-tag={tag}
              className={item.index === activeIndex ? 'tag-row active' : 'tag-row'}
              style={{ transform: `translateY(${String(item.start)}px)`, height: ROW_HEIGHT }}
              onMouseDown={() => setActive(item.index)}
            >
              <input
                type="checkbox"
                className="tag-pick"
                tabIndex={-1}
                checked={selected.has(tag)}
                onChange={() => onToggleSelected(tag)}
                aria-label={`Select ${tag} for comparison`}
                title="Select for comparison (Space)"
              />
              <a className="tag-name" href={formatRoute({ kind: 'image', reference })} tabIndex={-1} title={reference}>
                {tag}
              </a>
              <TagSummaryCells reference={reference} />
            </div>
          );
        })}
      </div>
    </div>
  );
});

function rowId(index: number): string {
  return `tag-row-${String(index)}`;
}
