import { RegscopeError } from '../../../shared/api/errors';
import { isValidTag } from '../../../shared/reference/parse-reference';
import { parseNextLink } from '../../../shared/registry-protocol/link-header';
import type { RegistrySession } from '../auth/registry-session';
import { looksLikeHtml, unexpectedAnswer } from './registry-errors';

/**
 * Every tag of a repository, following `Link: <…>; rel="next"` pages.
 *
 * Registries differ: distribution 2.8 ignores `n` and sends everything at once, unsorted, and `null`
 * after the last manifest is deleted; Docker Hub and ECR page. Paging is guarded against loops and
 * hosts that change (a visited set, same origin only, a page cap, and a page that adds nothing new
 * ends it: reliability.md §5 row 18). Strings that are not valid tags are kept apart so the UI can
 * show them escaped without ever building a URL from them (row 19).
 */
export interface TagListing {
  readonly repository: string;
  /** Valid tags, in the order the registry sent them, without duplicates. */
  readonly tags: readonly string[];
  /** Entries that are not valid tags (shown escaped, never requested). */
  readonly invalidTags: readonly string[];
}

const PAGE_SIZE = 1000;
const MAX_PAGES = 1000;
const MAX_PAGE_BYTES = 16 * 1024 * 1024;

export interface ListTagsOptions {
  readonly repository: string;
  /** The repository as shown in errors. */
  readonly display: string;
  readonly signal?: AbortSignal;
  /** Called after each page with the valid tags so far, for progressive display. */
  readonly onPage?: (tagsSoFar: readonly string[]) => void;
}

export async function listTags(session: RegistrySession, options: ListTagsOptions): Promise<TagListing> {
  const where = { stage: 'tags' as const, reference: options.display };
  const seen = new Set<string>();
  const tags: string[] = [];
  const invalid: string[] = [];
  const visited = new Set<string>();
  let next: URL | undefined = new URL(`/v2/${options.repository}/tags/list?n=${PAGE_SIZE}`, session.baseUrl);
  for (let page = 0; next && page < MAX_PAGES; page++) {
    visited.add(next.href);
    const response = await session.request({
      path: `${next.pathname}${next.search}`,
      method: 'GET',
      scope: `repository:${options.repository}:pull`,
      maxBodyBytes: MAX_PAGE_BYTES,
      ...where,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (response.status !== 200 || looksLikeHtml(response)) throw unexpectedAnswer(response, { ...where, doing: 'listing tags' });
    let body: { tags?: unknown };
    try {
      body = JSON.parse(response.body.toString('utf8')) as { tags?: unknown };
    } catch {
      throw new RegscopeError({ ...where, code: 'registry-error', message: `${session.baseUrl.host} sent a tag list that is not JSON` });
    }
    // distribution sends `"tags": null` for a repository whose manifests were all deleted; a body
    // without the key at all is not a tag list.
    const hasTags = body !== null && typeof body === 'object' && 'tags' in body;
    const pageTags = hasTags && body.tags === null ? [] : body?.tags;
    if (!Array.isArray(pageTags)) throw new RegscopeError({ ...where, code: 'registry-error', message: `${session.baseUrl.host} sent a tag list without a "tags" array` });
    let added = 0;
    for (const entry of pageTags) {
      const tag = typeof entry === 'string' ? entry : JSON.stringify(entry) ?? String(entry);
      if (seen.has(tag)) continue;
      seen.add(tag);
      added++;
      if (typeof entry === 'string' && isValidTag(entry)) tags.push(entry);
      else invalid.push(tag.slice(0, 300));
    }
    options.onPage?.([...tags]);
    const link: string | undefined = parseNextLink(response.headers.link ?? null, next.href);
    const candidate: URL | undefined = link ? new URL(link) : undefined;
    next = candidate && candidate.origin === session.baseUrl.origin && !visited.has(candidate.href) && added > 0 ? candidate : undefined;
  }
  return { repository: options.display, tags, invalidTags: invalid };
}
