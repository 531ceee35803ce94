import type { ApiArgs, ApiMethod, ApiResult, ApiResults, RegscopeApi } from '../../shared/api/contract';
import type { ErrorData } from '../../shared/api/errors';
import { API_METHOD_NAMES } from './api-methods';
import { readErrorData } from './error-data';

/**
 * The API over HTTP, for the web host (`regscope serve`): `POST /api/<method>` with the arguments as
 * JSON. The host authenticates the page with an HttpOnly cookie set when the printed URL was opened,
 * so requests only need `credentials: 'same-origin'`; the renderer never sees the token.
 */

/** What the HTTP client needs from its environment; tests pass a stub `fetch`. */
export interface HttpApiOptions {
  readonly fetch?: typeof fetch;
  /** Prefix of the API paths; `/api/` by default. */
  readonly basePath?: string;
}

/** The API answering over HTTP. */
export function createHttpApi(options: HttpApiOptions = {}): RegscopeApi {
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const basePath = options.basePath ?? '/api/';
  const call = async <M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<ApiResults[M]>> => {
    let response: Response;
    try {
      response = await fetchImpl(`${basePath}${method}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(args ?? {}),
      });
    } catch (error) {
      return { ok: false, error: networkError(error) };
    }
    return (await readEnvelope(response)) as ApiResult<ApiResults[M]>;
  };
  const api: Partial<Record<ApiMethod, unknown>> = {};
  for (const method of API_METHOD_NAMES) api[method] = (args: ApiArgs<typeof method>) => call(method, args);
  return api as RegscopeApi;
}

function networkError(error: unknown): ErrorData {
  const aborted = error instanceof Error && error.name === 'AbortError';
  if (aborted) return { code: 'cancelled', stage: 'request', message: 'the request was cancelled' };
  const detail = error instanceof Error && error.message ? `: ${error.message}` : '';
  return { code: 'unreachable', stage: 'request', message: `the regscope server cannot be reached${detail}` };
}

/**
 * The `ApiResult` in a response. The host answers every API call with the envelope, also on 401/403
 * from its request guard, so the body decides; the status only explains a body that is not one.
 */
export async function readEnvelope(response: Response): Promise<ApiResult<unknown>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, error: statusError(response.status) };
  }
  if (typeof body === 'object' && body !== null) {
    const envelope = body as Record<string, unknown>;
    if (envelope['ok'] === true && 'value' in envelope) return { ok: true, value: envelope['value'] };
    if (envelope['ok'] === false) {
      const error = readErrorData(envelope['error']);
      if (error) return { ok: false, error };
    }
  }
  return { ok: false, error: { code: 'internal', stage: 'request', message: `the regscope server sent an answer regscope does not understand (HTTP ${String(response.status)})` } };
}

function statusError(status: number): ErrorData {
  if (status === 401 || status === 403) {
    return { code: 'auth-required', stage: 'request', status, message: 'this page is not signed in to the regscope server: open the URL `regscope serve` printed' };
  }
  return { code: 'internal', stage: 'request', status, message: `the regscope server answered HTTP ${String(status)} without a result` };
}
