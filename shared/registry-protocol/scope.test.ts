import { describe, expect, it } from 'vitest';
import { RegscopeError } from '../api/errors';
import { MAX_SCOPE_LENGTH, formatScope, mergeScopes, parseScope, repositoryScope, type Scope } from './scope';

describe('parseScope (right-anchored)', () => {
  it.each<[string, Scope]>([
    ['repository:library/python:pull', { type: 'repository', name: 'library/python', actions: ['pull'] }],
    ['repository:samalba/my-app:pull,push', { type: 'repository', name: 'samalba/my-app', actions: ['pull', 'push'] }],
    // scope.md: the name may contain a colon, so the actions start after the *last* one.
    ['repository:host:5000/x:pull,push', { type: 'repository', name: 'host:5000/x', actions: ['pull', 'push'] }],
    ['repository:[::1]:5000/x:pull', { type: 'repository', name: '[::1]:5000/x', actions: ['pull'] }],
    ['registry:catalog:*', { type: 'registry', name: 'catalog', actions: ['*'] }],
    ['repository(plugin):vieux/sshfs:pull', { type: 'repository(plugin)', name: 'vieux/sshfs', actions: ['pull'] }],
    ['Repository:a:Pull', { type: 'Repository', name: 'a', actions: ['Pull'] }],
    ['repository:a:delete,pull,push', { type: 'repository', name: 'a', actions: ['delete', 'pull', 'push'] }],
  ])('%s', (text, expected) => {
    const scope = parseScope(text);
    expect(scope).toEqual(expected);
    expect(formatScope(scope)).toBe(text);
  });

  it.each<[string, string]>([
    ['', 'expected type:name:actions'],
    ['repository', 'expected type:name:actions'],
    ['repository:pull', 'expected type:name:actions'],
    ['repository::pull', 'the resource name is empty'],
    [':a:pull', 'the resource type'],
    ['repo sitory:a:pull', 'the resource type'],
    ['repository:a b:pull', 'has spaces'],
    ['repository:a:', 'the actions'],
    ['repository:a:pull,', 'the actions'],
    ['repository:a:pull push', 'the actions'],
    [`repository:${'a'.repeat(MAX_SCOPE_LENGTH)}:pull`, `longer than ${MAX_SCOPE_LENGTH}`],
  ])('refuses %j', (text, message) => {
    let error: unknown;
    try {
      parseScope(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RegscopeError);
    expect((error as RegscopeError).data).toMatchObject({ code: 'registry-error', stage: 'auth' });
    expect((error as RegscopeError).data.message).toMatch(/^malformed scope "/);
    expect((error as RegscopeError).data.message).toContain(message);
  });
});

describe('repositoryScope', () => {
  it.each<[Parameters<typeof repositoryScope>, string]>([
    [['library/python'], 'repository:library/python:pull'],
    [['acme/app', ['pull', 'push']], 'repository:acme/app:pull,push'],
    [[{ repository: 'library/busybox' }], 'repository:library/busybox:pull'],
  ])('%j → %s', (args, expected) => {
    expect(formatScope(repositoryScope(...args))).toBe(expected);
  });
});

describe('mergeScopes', () => {
  const s = (text: string) => parseScope(text);
  it.each<[string[], string[]]>([
    [[], []],
    [['repository:a:pull'], ['repository:a:pull']],
    [['repository:a:pull', 'repository:a:push'], ['repository:a:pull,push']],
    [['repository:a:pull,pull', 'repository:a:pull'], ['repository:a:pull']],
    [['repository:b:pull', 'repository:a:pull', 'repository:b:push'], ['repository:b:pull,push', 'repository:a:pull']],
    [['repository:a:pull', 'registry:a:pull'], ['repository:a:pull', 'registry:a:pull']],
    [['repository:host:5000/x:pull', 'repository:host:5000/x:push'], ['repository:host:5000/x:pull,push']],
  ])('%j → %j', (input, expected) => {
    expect(mergeScopes(input.map(s)).map(formatScope)).toEqual(expected);
  });

  it('does not change its input', () => {
    const input = [s('repository:a:pull'), s('repository:a:push')];
    mergeScopes(input);
    expect(input.map(formatScope)).toEqual(['repository:a:pull', 'repository:a:push']);
  });
});
