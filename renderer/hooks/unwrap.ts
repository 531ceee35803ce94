import type { ApiResult } from '../../shared/api/contract';
import { asErrorData } from '../api/error-data';

/**
 * The value of an API result, or its `ErrorData` thrown: what react-query wants from a query
 * function. A call that throws instead of answering (a broken preload) becomes error data too.
 */
export async function unwrap<T>(call: () => Promise<ApiResult<T>>): Promise<T> {
  let result: ApiResult<T>;
  try {
    result = await call();
  } catch (error) {
    throw asErrorData(error);
  }
  if (result.ok) return result.value;
  throw result.error;
}
