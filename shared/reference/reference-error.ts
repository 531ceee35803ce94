import { RegscopeError } from '../api/errors';

/**
 * How much of a rejected input an error carries back.
 *
 * A hostile 20k-character "reference" must not travel on into logs and the one-line CLI error
 * verbatim; what was typed is still recognisable from its first few hundred characters.
 */
const MAX_ECHO_LENGTH = 300;

/** Shortens `text` for an error's `reference` field or a quoted part of its message. */
export function clip(text: string, max: number = MAX_ECHO_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/** The error every reference parser throws: code `invalid-reference`, stage `reference`. */
export function invalidReference(input: string, message: string): RegscopeError {
  return new RegscopeError({ code: 'invalid-reference', stage: 'reference', message, reference: clip(input) });
}
