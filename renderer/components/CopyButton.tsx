import { useEffect, useState } from 'react';
import { copyText } from '../lib/clipboard';

/** A small button that copies `text` and says so for a moment. */
export function CopyButton({ text, label = 'Copy', title }: { readonly text: string; readonly label?: string; readonly title?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      className="button small"
      title={title ?? `Copy ${text}`}
      onClick={() => {
        copyText(text).then(
          () => setState('copied'),
          () => setState('failed'),
        );
      }}
    >
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}</span>
    </button>
  );
}
