import type { SortDirection, TagFilterMode, TagSortMode } from '../../../shared/view-models';
import { Segmented, Toggle } from '../../components/Toggle';
import type { TagListOptions } from './use-tag-list';

/** Filter box, regex toggle and sort controls of the tag browser. */
export function TagToolbar({ options, onChange, filterError, shown, total }: { readonly options: TagListOptions; readonly onChange: (options: TagListOptions) => void; readonly filterError: string | undefined; readonly shown: number; readonly total: number }) {
  const set = (patch: Partial<TagListOptions>) => onChange({ ...options, ...patch });
  return (
    <div className="toolbar tag-toolbar">
      <div className="filter-field">
        <label className="visually-hidden" htmlFor="tag-filter">
          Filter tags
        </label>
        <input
          id="tag-filter"
          data-testid="tag-filter"
          className="filter-input"
          type="search"
          value={options.text}
          placeholder={options.mode === 'regex' ? 'Regular expression, e.g. ^3\\.1[0-9]-slim$   ( / )' : 'Filter tags   ( / )'}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={filterError !== undefined}
          aria-describedby={filterError !== undefined ? 'tag-filter-error' : undefined}
          onChange={(event) => set({ text: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || (event.key === 'Enter' && !event.nativeEvent.isComposing)) {
              event.preventDefault();
              document.getElementById('tag-list')?.focus();
            } else if (event.key === 'Escape') {
              if (options.text !== '') set({ text: '' });
              else event.currentTarget.blur();
            }
          }}
        />
        <Toggle pressed={options.mode === 'regex'} onChange={(regex) => set({ mode: regex ? 'regex' : ('substring' satisfies TagFilterMode) })} title="Read the filter as a regular expression" testId="tag-filter-regex">
          .*
        </Toggle>
      </div>
      <Segmented<TagSortMode>
        label="Sort"
        value={options.sort}
        onChange={(sort) => set({ sort })}
        options={[
          { value: 'natural', label: 'Version', title: 'Numbers compare as numbers: 3.9 before 3.10' },
          { value: 'byte', label: 'Plain', title: 'Byte order, as the registry lists them' },
        ]}
      />
      <Segmented<SortDirection>
        label="Direction"
        value={options.direction}
        onChange={(direction) => set({ direction })}
        options={[
          { value: 'asc', label: '↑', title: 'Ascending' },
          { value: 'desc', label: '↓', title: 'Descending (newest versions first)' },
        ]}
      />
      <span className="muted count" aria-live="polite">
        {shown === total ? `${total.toLocaleString()} tags` : `${shown.toLocaleString()} of ${total.toLocaleString()} tags`}
      </span>
      {filterError !== undefined && (
        <p id="tag-filter-error" className="field-error inline" role="alert">
          Invalid regular expression: {filterError}
        </p>
      )}
    </div>
  );
}
