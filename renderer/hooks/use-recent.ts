import { useCallback, useEffect, useState } from 'react';
import { addRecent, readRecent, removeRecent, type RecentItem, type RecentKind } from '../lib/recent-items';

/** The recent list with a remover, for the start page. */
export function useRecentItems() {
  const [items, setItems] = useState<readonly RecentItem[]>(() => readRecent());
  const remove = useCallback((href: string) => setItems(removeRecent(href)), []);
  return { items, remove };
}

/** Remembers a place once its data has loaded (`when`), so typos that failed are not kept. */
export function useRememberRecent(kind: RecentKind, reference: string, href: string, when: boolean): void {
  useEffect(() => {
    if (when) addRecent({ kind, reference, href });
  }, [kind, reference, href, when]);
}
