import { isApiMethod, parseApiArgs, type ApiMethod, type ApiResult, type ApiResults } from '../../../shared/api/contract';
import { toErrorData, type ErrorData } from '../../../shared/api/errors';
import type { ApiService } from './api-service';

/**
 * The one generic handler every host calls: checks the method name, parses the untrusted arguments
 * with the contract's schema, runs the service, and turns any failure into error data. A bug
 * becomes an `internal` error with its message, never a stack trace sent to the page.
 */
export async function invokeApi(service: ApiService, method: unknown, args: unknown, log?: (error: unknown) => void): Promise<ApiResult<ApiResults[keyof ApiResults]>> {
  if (!isApiMethod(method)) {
    const error: ErrorData = { code: 'invalid-argument', stage: 'request', message: `unknown method ${String(method).slice(0, 40)}` };
    return { ok: false, error };
  }
  const parsed = parseApiArgs(method, args);
  if (!parsed.ok) return parsed;
  try {
    const call = service[method] as (value: unknown) => Promise<ApiResults[ApiMethod]>;
    return { ok: true, value: await call(parsed.value) };
  } catch (error) {
    const data = toErrorData(error, { stage: 'request' });
    if (data.code === 'internal') log?.(error);
    return { ok: false, error: data };
  }
}
