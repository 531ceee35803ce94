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
