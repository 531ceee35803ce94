import { RegscopeError, type ErrorStage } from '../../../shared/api/errors';

/**
 * A descriptor's `size` is a promise about the bytes behind it: too big is refused before asking
 * (reliability.md §5 row 7), and bytes of another length are refused after (row 25), even when their
 * digest matches (a length-extension trick or a confused registry).
 */
export function checkDeclaredSize(size: number, max: number, what: { what: string; digest: string; display: string; stage?: ErrorStage }): void {
  if (size > max) {
    throw new RegscopeError({ code: 'too-large', stage: what.stage ?? 'config', reference: what.display, message: `the ${what.what} ${what.digest.slice(0, 19)}… declares ${size} bytes, more than the ${max} allowed` });
  }
}

export function checkReceivedSize(received: number, declared: number, what: { what: string; digest: string; display: string; stage: ErrorStage }): void {
  if (received !== declared) {
    throw new RegscopeError({ code: 'invalid-manifest', stage: what.stage, reference: what.display, message: `the ${what.what} ${what.digest.slice(0, 19)}… is ${received} bytes, but its descriptor says ${declared}` });
  }
}
