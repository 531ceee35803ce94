import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The content width of an element, kept current with a ResizeObserver, so SVG layouts (the
 * treemap) are computed for the pixels they get. `fallback` until measured (and where ResizeObserver
 * is missing, as in some test environments).
 */
export function useElementWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    const measured = element.clientWidth;
    if (measured > 0) setWidth(measured);
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect.width;
      // Whole pixels: sub-pixel jitter must not re-layout the treemap on every frame.
      if (box !== undefined && box > 0) setWidth(Math.floor(box));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
