import { expect } from 'vitest';
import { RegscopeError, type ErrorCode, type ErrorData, type ErrorStage } from '../../../shared/api/errors';

/**
 * How a hostile case ended: the error as the user sees it, and how long it took.
 */
export interface Failure {
  readonly data: ErrorData;
  readonly ms: number;
}

/** Secrets the fakes hand out; none may ever appear in a message. */
export const SECRETS: readonly string[] = ['s3cret-password', 'refresh-s3cret', 'tok-'];

/**
 * Runs `operation`, which must fail with a RegscopeError: anything else thrown (a TypeError, a raw
 * undici error) is a crash and rethrown so the test shows it.
 */
export async function failureOf(operation: () => Promise<unknown>): Promise<Failure> {
  const started = performance.now();
  try {
    await operation();
  } catch (error) {
    const ms = performance.now() - started;
    if (error instanceof RegscopeError) return { data: error.data, ms };
    throw error;
  }
  throw new Error('expected the operation to fail with a RegscopeError, but it succeeded');
}

/** Runs `operation`, which must succeed, and times it. */
export async function successOf<T>(operation: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await operation();
  return { value, ms: performance.now() - started };
}

/** C0/C1 controls, DEL, and the bidi overrides that make text lie about itself (U+202E and friends). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * The error is one a user can act on: the expected code, stage and reference; a single line of
 * printable text with no stack trace and no secret.
 */
export function expectUserFacing(data: ErrorData, expected: { code: ErrorCode; stage: ErrorStage; reference: string }): void {
  expect(data).toMatchObject(expected);
  expect(data.message.length).toBeGreaterThan(0);
  expect(data.message.length).toBeLessThan(1000);
  expect(data.message, 'a message has no stack trace').not.toMatch(/\n\s+at |\bat .*\.ts:\d+/);
  expect(data.message, 'a message is printable text').not.toMatch(CONTROL);
  for (const secret of SECRETS) expect(data.message, 'a message carries no secret').not.toContain(secret);
}

/** True when `text` contains a control or bidi-override character. */
export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/**
 * The operation ended within its deadline. Wall times are noisy on a loaded machine, so the bound is
 * three times the deadline, never tighter.
 */
export function expectWithinDeadline(ms: number, deadlineMs: number): void {
  expect(ms).toBeLessThan(deadlineMs * 3);
}
