import type { ReactNode } from 'react';

/** An on/off button (`aria-pressed`), for view options like "regex" or "hide empty steps". */
export function Toggle({ pressed, onChange, children, title, testId }: { readonly pressed: boolean; readonly onChange: (pressed: boolean) => void; readonly children: ReactNode; readonly title?: string; readonly testId?: string }) {
  return (
    <button type="button" className="toggle" aria-pressed={pressed} title={title} data-testid={testId} onClick={() => onChange(!pressed)}>
      {children}
    </button>
  );
}

/** One choice among a few (a segmented control), as radio buttons for assistive tech. */
export function Segmented<T extends string>({ value, options, onChange, label }: { readonly value: T; readonly options: readonly { readonly value: T; readonly label: string; readonly title?: string }[]; readonly onChange: (value: T) => void; readonly label: string }) {
  return (
    <span className="segmented" role="radiogroup" aria-label={label}>
      {options.map((option) => (
        <button key={option.value} type="button" role="radio" aria-checked={option.value === value} title={option.title} className="segment" onClick={() => onChange(option.value)}>
          {option.label}
        </button>
      ))}
    </span>
  );
}
