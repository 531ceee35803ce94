import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { referenceTarget } from '../../lib/reference-target';
import { navigate } from '../../router/use-route';

/** Event that asks the reference box to show a reference for editing (from error panels). */
export const EDIT_REFERENCE_EVENT = 'regscope:edit-reference';

/** Asks the reference box on screen to take `reference` and focus. */
export function requestEditReference(reference: string): void {
  window.dispatchEvent(new CustomEvent<string>(EDIT_REFERENCE_EVENT, { detail: reference }));
}

/**
 * The reference box (`reference-input`): Enter opens the repository when no tag or digest is given,
 * else the image. Invalid input shows the parser's message under the box and goes nowhere.
 */
export function ReferenceBox({ compact = false, initial = '', autoFocus = false }: { readonly compact?: boolean; readonly initial?: string; readonly autoFocus?: boolean }) {
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const errorId = useId();

  useEffect(() => {
    const onEdit = (event: Event) => {
      if (!(event instanceof CustomEvent) || typeof event.detail !== 'string') return;
      setText(event.detail);
      setProblem(undefined);
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener(EDIT_REFERENCE_EVENT, onEdit);
    return () => window.removeEventListener(EDIT_REFERENCE_EVENT, onEdit);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target = referenceTarget(text);
    if (!target.ok) {
      setProblem(target.message);
      return;
    }
    setProblem(undefined);
    navigate(target.route);
  };

  return (
    <form className={compact ? 'reference-box compact' : 'reference-box'} role="search" onSubmit={submit}>
      <label className={compact ? 'visually-hidden' : 'reference-label'} htmlFor={`${hintId}-input`}>
        Image or repository
      </label>
      <div className="reference-row">
        <input
          id={`${hintId}-input`}
          ref={input}
          data-testid="reference-input"
          className="reference-input"
          type="text"
          value={text}
          placeholder={compact ? 'Open a repository or image…  ( / )' : 'python, python:3.12-slim, ghcr.io/org/app:v1, name@sha256:…'}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          // The start page's box is the page's only job: focus it like a search page does.
          autoFocus={autoFocus}
          aria-invalid={problem !== undefined}
          aria-describedby={problem !== undefined ? errorId : compact ? undefined : hintId}
          onChange={(event) => {
            setText(event.target.value);
            if (problem !== undefined) setProblem(undefined);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') event.currentTarget.blur();
          }}
        />
        <button type="submit" className={compact ? 'button' : 'button primary'}>
          Open
        </button>
      </div>
      {!compact && (
        <p id={hintId} className="hint">
          Docker Hub unless a registry is named. A name alone lists its tags; with <code>:tag</code> or <code>@digest</code> it opens the image.
        </p>
      )}
      {problem !== undefined && (
        <p id={errorId} className="field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
