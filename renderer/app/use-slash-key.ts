import { useEffect } from 'react';

/** True when keys typed at `target` are text input, not shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * `/` focuses the page's search box, as on GitHub and Docker Hub: the tag filter in the tag
 * browser, else the reference box.
 */
export function useSlashKey(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const box = document.querySelector<HTMLInputElement>('[data-testid="tag-filter"]') ?? document.querySelector<HTMLInputElement>('[data-testid="reference-input"]');
      if (box === null) return;
      event.preventDefault();
      box.focus();
      box.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
