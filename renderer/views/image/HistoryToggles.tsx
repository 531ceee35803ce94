import { useState } from 'react';
import { Toggle } from '../../components/Toggle';

/** The view options every history diff offers. */
export interface HistoryOptions {
  readonly hideEmptyLayers: boolean;
  readonly ignoreWhitespace: boolean;
  readonly onlyDifferences: boolean;
}

/** State for the history diff options; whitespace is ignored by default (tab-vs-space noise). */
export function useHistoryOptions(): [HistoryOptions, (change: Partial<HistoryOptions>) => void] {
  const [options, setOptions] = useState<HistoryOptions>({ hideEmptyLayers: false, ignoreWhitespace: true, onlyDifferences: false });
  return [options, (change) => setOptions((current) => ({ ...current, ...change }))];
}

/** The three toggles of a history diff panel head. */
export function HistoryToggles({ options, onChange }: { readonly options: HistoryOptions; readonly onChange: (change: Partial<HistoryOptions>) => void }) {
  return (
    <>
      <Toggle pressed={options.hideEmptyLayers} onChange={(hideEmptyLayers) => onChange({ hideEmptyLayers })} testId="history-hide-empty">
        Hide empty-layer steps
      </Toggle>
      <Toggle pressed={options.ignoreWhitespace} onChange={(ignoreWhitespace) => onChange({ ignoreWhitespace })} testId="history-ignore-whitespace">
        Ignore whitespace
      </Toggle>
      <Toggle pressed={options.onlyDifferences} onChange={(onlyDifferences) => onChange({ onlyDifferences })}>
        Only differences
      </Toggle>
    </>
  );
}
