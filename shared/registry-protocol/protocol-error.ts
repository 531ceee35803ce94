import { RegscopeError } from '../api/errors';
import { printable } from '../format/printable';

/**
 * An error about something a registry sent during authentication (a header, a scope).
 *
 * Code `registry-error`, stage `auth`: the registry spoke, but not in a form regscope can trust.
 * No `reference`: the caller adds the image it was working on with `withReference`.
 */
export function authProtocolError(message: string): RegscopeError {
  return new RegscopeError({ code: 'registry-error', stage: 'auth', message });
}

/** Shortens a piece of registry-sent text (and makes it printable) before it goes into a message. */
export function clipText(text: string, max = 120): string {
  return printable(text, max);
}
