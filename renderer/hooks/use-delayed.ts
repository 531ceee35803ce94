import { useEffect, useState } from 'react';

/** False until `ms` after mount: rows that only flash past during a fast scroll never turn true. */
export function useDelayedTrue(ms: number): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setReady(true), ms);
    return () => clearTimeout(timer);
  }, [ms]);
  return ready;
}

/** `value`, except that turning true waits `ms` (and never happens if it turns false first). */
export function useDelayedFlag(value: boolean, ms: number): boolean {
  const [delayed, setDelayed] = useState(false);
  useEffect(() => {
    if (!value) {
      setDelayed(false);
      return undefined;
    }
    const timer = setTimeout(() => setDelayed(true), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return value && delayed;
}
