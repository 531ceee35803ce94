/**
 * A RegscopeApi that answers from memory, for component tests (and screenshots without a
 * registry). Every method can be overridden; calls are recorded. Test support only.
 */
import type { ApiMethod, ApiResult, ApiResults, JobStatus, RegscopeApi, TagSummary } from '../../shared/api/contract';
import { formatPlatform } from '../../shared/platform/platform';
import { fakeReport } from './fake-report';

/** One recorded call. */
export interface FakeCall {
  readonly method: ApiMethod;
  readonly args: unknown;
}

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });

/** Tags the fake `tags` job lists. */
export const FAKE_TAGS: readonly string[] = ['3.12', '3.12-slim', '3.12-alpine', '3.11', '3.10', '3.9', 'latest', '3.13-rc'];

/** The fake API, with `overrides` replacing whole methods. */
export function createFakeApi(overrides: Partial<RegscopeApi> = {}): RegscopeApi & { readonly calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  const jobs = new Map<string, JobStatus>();
  const base: RegscopeApi = {
    appInfo: async () => ok({ version: '0.1.0', host: 'web' }),
    inspect: async ({ reference }) => ok(fakeReport(reference)),
    tagSummary: async ({ reference }) => {
      const report = fakeReport(reference);
      const images = report.images.filter((image) => image.kind === 'image');
      const summary: TagSummary = {
        reference,
        digest: report.digest,
        mediaType: report.mediaType,
        platforms: images.map((image) => formatPlatform(image.platform)),
        sizes: images.map((image) => image.layers.reduce((sum, layer) => sum + (layer.size ?? 0), 0)),
      };
      return ok(summary);
    },
    startJob: async (args) => {
      const jobId = `job-${String(jobs.size + 1)}`;
      if (args.kind === 'tags') jobs.set(jobId, { jobId, kind: 'tags', state: 'done', done: FAKE_TAGS.length, total: FAKE_TAGS.length, tags: FAKE_TAGS, invalidTags: ['../etc', '<b>x</b>'] });
      else jobs.set(jobId, { jobId, kind: 'export-repository', state: 'done', done: 1, total: 1, export: { text: '# Tags\n', fileName: 'tag-details.md', mimeType: 'text/markdown' } });
      return ok({ jobId });
    },
    job: async ({ jobId }) => {
      const job = jobs.get(jobId);
      return job === undefined ? { ok: false, error: { code: 'not-found', stage: 'request', message: `no such job ${jobId}` } } : ok(job);
    },
    cancelJob: async ({ jobId }) => {
      const job = jobs.get(jobId);
      return job === undefined ? { ok: false, error: { code: 'not-found', stage: 'request', message: `no such job ${jobId}` } } : ok(job);
    },
    exportReport: async ({ references, format }) => ok({ text: `report of ${references.join(', ')}`, fileName: format === 'json' ? 'report.json' : 'report.md', mimeType: 'text/plain' }),
    registries: async () => ok([]),
    signIn: async ({ registry, username }) => ok({ registry, username, source: 'regscope' }),
    signOut: async ({ registry }) => ok({ registry }),
    rateLimit: async () => ok(null),
    printToPdf: async ({ fileName }) => ok({ base64: 'JVBERi0=', fileName: `${fileName}.pdf`, mimeType: 'application/pdf' }),
  };
  const api = { ...base, ...overrides };
  const recorded = {} as Record<ApiMethod, unknown>;
  for (const method of Object.keys(api) as ApiMethod[]) {
    const call = api[method] as (args: unknown) => Promise<ApiResult<ApiResults[typeof method]>>;
    recorded[method] = (args: unknown) => {
      calls.push({ method, args });
      return call(args);
    };
  }
  return Object.assign(recorded as unknown as RegscopeApi, { calls });
}
