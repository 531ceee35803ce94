/**
 * `regscope://` links open the routes of design.md: `regscope://repo/python`,
 * `regscope://image/python:3.12`, `regscope://compare/python:3.12?platforms=linux/amd64,linux/arm64/v8`.
 * Anything else is ignored: a link is untrusted input from another app.
 */
const ROUTES = new Set(['repo', 'image', 'compare']);
const MAX_LINK_LENGTH = 4096;

/** The hash route for a deep link, or undefined when the link is not one of ours. */
export function routeFromDeepLink(link: string): string | undefined {
  if (link.length > MAX_LINK_LENGTH || !link.startsWith('regscope://')) return undefined;
  const rest = link.slice('regscope://'.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return undefined;
  const route = rest.slice(0, slash);
  const target = rest.slice(slash + 1);
  if (!ROUTES.has(route) || !target || /[\s<>"`\\]/.test(target)) return undefined;
  return `#/${route}/${target}`;
}

/** The first `regscope://` argument in a command line (Windows/Linux pass links as arguments). */
export function deepLinkFromArgv(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.startsWith('regscope://'));
}
