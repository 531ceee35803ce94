import { describe, expect, it } from 'vitest';
import { formatScopes, grantAccess, parseScopes } from './token-scope';

describe('parseScopes', () => {
  it('reads repeated and space-separated scopes', () => {
    expect(parseScopes(['repository:library/python:pull', 'repository:a/b:pull,push registry:catalog:*'])).toEqual([
      { type: 'repository', name: 'library/python', actions: ['pull'] },
      { type: 'repository', name: 'a/b', actions: ['pull', 'push'] },
      { type: 'registry', name: 'catalog', actions: ['*'] },
    ]);
  });

  it('keeps a colon inside the name (host:port)', () => {
    expect(parseScopes(['repository:127.0.0.1:5000/x:pull'])).toEqual([{ type: 'repository', name: '127.0.0.1:5000/x', actions: ['pull'] }]);
  });

  it('drops malformed scopes', () => {
    expect(parseScopes(['nonsense', 'repository::pull', ''])).toEqual([]);
  });
});

describe('grantAccess', () => {
  const requested = parseScopes(['repository:a/b:pull,push,delete', 'registry:catalog:*']);

  it('gives anonymous callers pull only', () => {
    expect(grantAccess(requested, false)).toEqual([{ type: 'repository', name: 'a/b', actions: ['pull'] }]);
  });

  it('gives authenticated callers everything they asked for', () => {
    expect(formatScopes(grantAccess(requested, true))).toBe('repository:a/b:pull,push,delete registry:catalog:*');
  });
});
