import { useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

const canObserve = typeof ResizeObserver !== 'undefined';
/**
 * A browser's own ResizeObserver reports every observed element once, right after its first
 * layout. Test DOMs (happy-dom) have a stub that never reports: there the fallback is drawn at once.
 */
const reportsFirstSize = canObserve && /\[native code\]/.test(Function.prototype.toString.call(ResizeObserver));

/**
 * The content width of an element, kept current with a ResizeObserver, so SVG layouts (the
 * treemap) are computed for the pixels they get. `undefined` until the observer reports the first
 * size (it does so after the browser's own layout, so nothing forces an extra one: draw a cheap
 * placeholder until then); `fallback` where ResizeObserver is missing or not the browser's own
 * (some test environments).
 */
export function useElementWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState<number | undefined>(reportsFirstSize ? undefined : fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null || !canObserve) return undefined;
    let first = true;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect.width;
      // Whole pixels: sub-pixel jitter must not re-layout the treemap on every frame.
      if (box === undefined || box <= 0) return;
      const measured = Math.floor(box);
      // The first size is drawn before this frame is painted (the observer runs between layout
      // and paint): the placeholder is never on screen for a frame of its own.
      if (first) flushSync(() => setWidth(measured));
      else setWidth(measured);
      first = false;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
