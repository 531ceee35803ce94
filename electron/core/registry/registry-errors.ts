import { RegscopeError, type ErrorStage } from '../../../shared/api/errors';
import type { HttpResponse } from '../transport/http-client';

/**
 * Turns an unexpected registry answer into an error: the registry's own error code and message when
 * it sent the standard `{"errors":[…]}` body, the reset time for rate limits, and "not a registry"
 * for a captive portal or a web server answering with HTML (reliability.md §5 row 29).
 */
function registryMessage(response: HttpResponse): string | undefined {
  try {
    const parsed = JSON.parse(response.body.toString('utf8')) as { errors?: Array<{ code?: unknown; message?: unknown }> };
    const first = parsed.errors?.[0];
    if (!first) return undefined;
    const text = [first.code, first.message].filter((part) => typeof part === 'string' && part).join(': ');
    return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 200) || undefined;
  } catch {
    return undefined;
  }
}

/** True when the answer looks like a web page rather than a registry answer. */
export function looksLikeHtml(response: HttpResponse): boolean {
  return /^text\/html/i.test(response.headers['content-type'] ?? '');
}

export function unexpectedAnswer(response: HttpResponse, what: { stage: ErrorStage; reference?: string; doing: string }): RegscopeError {
  const where = { stage: what.stage, status: response.status, ...(what.reference ? { reference: what.reference } : {}) };
  const host = response.url.host;
  if (response.status === 429) {
    const retryAfter = response.headers['retry-after'];
    // A value beyond a year is garbage (and past Date's range it would throw): ignore it.
    const seconds = retryAfter && /^\d{1,8}$/.test(retryAfter) && Number(retryAfter) <= 366 * 86_400 ? Number(retryAfter) : undefined;
    const retryAt = seconds !== undefined ? new Date(Date.now() + seconds * 1000).toISOString() : undefined;
    return new RegscopeError({ ...where, code: 'rate-limited', message: `${host} is rate limiting requests${retryAt ? `; try again after ${retryAt}` : ''}`, ...(retryAt ? { retryAt } : {}) });
  }
  if (response.status === 403) return new RegscopeError({ ...where, code: 'forbidden', message: `${host} denied access while ${what.doing}` });
  if (response.status < 300 && looksLikeHtml(response)) return new RegscopeError({ ...where, code: 'not-a-registry', message: `${host} answered with a web page, not a registry API answer` });
  if (response.status === 404) return new RegscopeError({ ...where, code: 'not-found', message: `${host} has no such ${what.stage === 'tags' ? 'repository' : what.stage}` });
  const detail = registryMessage(response);
  return new RegscopeError({ ...where, code: 'registry-error', message: `${host} answered ${response.status} while ${what.doing}${detail ? ` (${detail})` : ''}` });
}
