import type { ImageReference } from '../reference/reference-model';
import { authProtocolError, clipText } from './protocol-error';

/**
 * One token scope: `repository:library/python:pull` is `{type: 'repository', name: 'library/python',
 * actions: ['pull']}` (distribution docs/content/spec/auth/scope.md).
 */
export interface Scope {
  /** Resource type: `repository`, `registry` (for `registry:catalog:*`). */
  readonly type: string;
  /** Resource name; may itself contain `:` (`host:5000/x`). */
  readonly name: string;
  /** Actions: `pull`, `push`, `delete`, `*`. */
  readonly actions: readonly string[];
}

/** Longest scope string parsed; a real one is a type, a ≤ 255-character repository path and a few actions. */
export const MAX_SCOPE_LENGTH = 4096;

// scope.md: resourcetype := resourcetypevalue [ "(" resourcetypevalue ")" ], value := /[a-z0-9]+/.
// The parenthesised resource class (`repository(plugin)`) is deprecated but still legal. Matched
// case-insensitively: a registry that capitalises the type should not break authentication.
const TYPE = /^[a-z0-9]+(?:\([a-z0-9]+\))?$/i;
// scope.md: action := /[a-z]*/; registries also use `*` (`registry:catalog:*`) and some use dashes.
const ACTION = /^[a-z0-9*_-]+$/i;
const NAME_FORBIDDEN = /[\s\u0000-\u001f\u007f]/;

/**
 * Parses `type:name:actions`, right-anchored: the type ends at the first colon, the actions start
 * after the last one, so `repository:host:5000/x:pull,push` has name `host:5000/x`. scope.md warns
 * that the name may contain a colon; c/image's split into exactly three parts gets it wrong
 * (reliability.md §1.2).
 *
 * @throws RegscopeError `registry-error` (stage `auth`) "malformed scope …".
 */
export function parseScope(text: string): Scope {
  if (text.length > MAX_SCOPE_LENGTH) throw malformed(text, `it is longer than ${MAX_SCOPE_LENGTH} characters`);
  const first = text.indexOf(':');
  const last = text.lastIndexOf(':');
  if (first < 0 || first === last) throw malformed(text, 'expected type:name:actions');
  const type = text.slice(0, first);
  const name = text.slice(first + 1, last);
  const actions = text.slice(last + 1).split(',');
  if (!TYPE.test(type)) throw malformed(text, 'the resource type must be letters and digits');
  if (name === '' || NAME_FORBIDDEN.test(name)) throw malformed(text, 'the resource name is empty or has spaces');
  if (!actions.every((action) => ACTION.test(action))) throw malformed(text, 'the actions must be a comma-separated list such as pull,push');
  return { type, name, actions };
}

/** The wire form `type:name:action,action`, as the token request's `scope` parameter takes it. */
export function formatScope(scope: Scope): string {
  return `${scope.type}:${scope.name}:${scope.actions.join(',')}`;
}

/**
 * The scope for reading (or writing) a repository: `repository:<path>:pull`.
 *
 * `repository` is the path inside the registry (`library/python`), or a reference whose path is used.
 */
export function repositoryScope(repository: string | Pick<ImageReference, 'repository'>, actions: readonly string[] = ['pull']): Scope {
  const name = typeof repository === 'string' ? repository : repository.repository;
  return { type: 'repository', name, actions: [...actions] };
}

/**
 * Folds scopes for the same resource into one, with the union of their actions.
 *
 * Order is kept: resources in order of first appearance, actions in order of first appearance. Put
 * the newly needed scope first: "some registries seem to only look at the first scope parameter
 * during a token exchange" (ggcr pkg/v1/remote/transport/bearer.go).
 */
export function mergeScopes(scopes: Iterable<Scope>): Scope[] {
  const merged = new Map<string, { type: string; name: string; actions: string[] }>();
  for (const scope of scopes) {
    const key = `${scope.type}\u0000${scope.name}`;
    const entry = merged.get(key);
    if (!entry) {
      merged.set(key, { type: scope.type, name: scope.name, actions: [...new Set(scope.actions)] });
      continue;
    }
    for (const action of scope.actions) if (!entry.actions.includes(action)) entry.actions.push(action);
  }
  return [...merged.values()];
}

function malformed(text: string, detail: string) {
  return authProtocolError(`malformed scope "${clipText(text)}": ${detail}`);
}
