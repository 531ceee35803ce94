/** One resource access of a token: `repository:library/python:pull,push`. */
export interface ResourceAccess {
  readonly type: string;
  readonly name: string;
  readonly actions: readonly string[];
}

/**
 * Parses scope strings, each possibly several space-separated scopes, of the form
 * `type:name:actions`. The name may itself hold `:` (`host:5000/repo`), so the type ends at the
 * first colon and the actions start after the last. Malformed scopes are dropped.
 */
export function parseScopes(values: readonly string[]): ResourceAccess[] {
  const out: ResourceAccess[] = [];
  for (const scope of values.flatMap((value) => value.split(' ')).filter(Boolean)) {
    const first = scope.indexOf(':');
    const last = scope.lastIndexOf(':');
    if (first <= 0 || last <= first + 1) continue;
    const actions = scope.slice(last + 1).split(',').filter(Boolean);
    out.push({ type: scope.slice(0, first), name: scope.slice(first + 1, last), actions });
  }
  return out;
}

/**
 * What a token grants: anonymous callers get `pull` only, authenticated ones every requested
 * action. Accesses left with no action are dropped (the registry then answers insufficient_scope).
 */
export function grantAccess(requested: readonly ResourceAccess[], authenticated: boolean): ResourceAccess[] {
  return requested
    .map((access) => ({ ...access, actions: authenticated ? [...access.actions] : access.actions.filter((a) => a === 'pull') }))
    .filter((access) => access.actions.length > 0);
}

/** The granted scopes as an OAuth2 `scope` string (space-separated). */
export function formatScopes(accesses: readonly ResourceAccess[]): string {
  return accesses.map((a) => `${a.type}:${a.name}:${a.actions.join(',')}`).join(' ');
}
