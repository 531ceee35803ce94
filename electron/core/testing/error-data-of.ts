import { RegscopeError, type ErrorData } from '../../../shared/api/errors';

/**
 * Test helper: the error data a call fails with. Fails the test when the call succeeds or throws
 * something that is not a RegscopeError (a bug, not a handled failure).
 */
export async function errorDataOf(operation: Promise<unknown> | (() => unknown)): Promise<ErrorData> {
  try {
    await (typeof operation === 'function' ? operation() : operation);
  } catch (error) {
    if (error instanceof RegscopeError) return error.data;
    throw error;
  }
  throw new Error('expected a RegscopeError');
}
