import { describe, expect, it } from 'vitest';
import { addRecent, MAX_RECENT, readRecent, RECENT_KEY, removeRecent, type RecentStorage } from './recent-items';

function memoryStorage(initial?: string): RecentStorage & { data: Map<string, string> } {
  const data = new Map<string, string>(initial === undefined ? [] : [[RECENT_KEY, initial]]);
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

describe('recent items', () => {
  it('puts the newest first and replaces an entry for the same place', () => {
    const storage = memoryStorage();
    addRecent({ kind: 'repo', reference: 'python', href: '#/repo/python' }, storage);
    addRecent({ kind: 'image', reference: 'python:3.12', href: '#/image/python:3.12' }, storage);
    addRecent({ kind: 'repo', reference: 'python', href: '#/repo/python' }, storage);
    expect(readRecent(storage).map((item) => item.href)).toEqual(['#/repo/python', '#/image/python:3.12']);
  });

  it(`keeps at most ${String(MAX_RECENT)}`, () => {
    const storage = memoryStorage();
    for (let i = 0; i < 30; i++) addRecent({ kind: 'repo', reference: `r${String(i)}`, href: `#/repo/r${String(i)}` }, storage);
    const items = readRecent(storage);
    expect(items).toHaveLength(MAX_RECENT);
    expect(items[0]?.reference).toBe('r29');
  });

  it('removes one entry', () => {
    const storage = memoryStorage();
    addRecent({ kind: 'repo', reference: 'a', href: '#/repo/a' }, storage);
    addRecent({ kind: 'repo', reference: 'b', href: '#/repo/b' }, storage);
    expect(removeRecent('#/repo/a', storage).map((item) => item.reference)).toEqual(['b']);
  });

  it('survives damaged storage', () => {
    expect(readRecent(memoryStorage('{not json'))).toEqual([]);
    expect(readRecent(memoryStorage(JSON.stringify([{ kind: 'repo', reference: 'x', href: 'javascript:alert(1)', at: '' }, 5])))).toEqual([]);
  });
});
