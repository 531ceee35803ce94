import type { ApiResult, JobStatus, RegscopeApi, TagSummary } from '../../shared/api/contract';
import type { FoundTagReport } from '../../shared/image/image-report';

/**
 * What runs inside the page, before the app: a fake `window.regscope` (the renderer prefers it to
 * HTTP, renderer/api/get-api.ts) that answers instantly from memory, and `window.__bench`, the
 * in-page probes that time things with `performance.now()`. Everything here is serialized with
 * Function.prototype.toString, so the function bodies use nothing from outside themselves.
 */

/** What the fake API serves. */
export interface FakeApiConfig {
  readonly tagCount: number;
  /** What `inspect` answers, by the tag of the reference (`…:many`); `fallback` otherwise. */
  readonly reports: Readonly<Record<string, FoundTagReport>>;
  readonly fallback: string;
  /** Every API method name (shared/api/api-methods.ts): methods the benchmark does not use refuse. */
  readonly methods: readonly string[];
}

/** Timings of one image-route open. */
export interface RouteTiming {
  /** Until the expected number of treemap cells is in the DOM. */
  readonly domMs: number;
  /** Until two animation frames later (the cells have been painted). */
  readonly paintMs: number;
}

/** The probes on `window.__bench`. */
export interface BenchProbe {
  /** How long generating the tags took in this page (part of time to first rows). */
  readonly tagGenMs: number;
  /** `performance.now()` when the first tag row appeared (ms since navigation start). */
  firstRowMs: number | undefined;
  /** Watches the next `input` event of the page; `keystrokeResult` then answers its latency. */
  armKeystroke(): void;
  /** Input event → row set changed → two frames; -1 when nothing changed within 5 s. */
  keystrokeResult(): Promise<number>;
  /** Sets `location.hash` and times until `cells` treemap cells are shown (-1 values on timeout). */
  openRoute(hash: string, cells: number): Promise<RouteTiming>;
}

/** The page's window as the probes see it. */
export type BenchWindow = Window & { __bench: BenchProbe; regscope: RegscopeApi };

/** Installs the fake API and the probes (runs in the page, before any of the app's scripts). */
export function installInPage(config: FakeApiConfig, tagOf: (i: number) => string): void {
  const win = window as unknown as BenchWindow;
  const genStart = performance.now();
  const tags: string[] = new Array<string>(config.tagCount);
  for (let i = 0; i < config.tagCount; i++) tags[i] = tagOf(i);
  const tagGenMs = performance.now() - genStart;

  const ok = <T,>(value: T): Promise<ApiResult<T>> => Promise.resolve({ ok: true, value });
  const refused = <T,>(): Promise<ApiResult<T>> => Promise.resolve({ ok: false, error: { code: 'internal', stage: 'request', message: 'not part of the benchmark' } });
  const done: JobStatus = { jobId: 'bench-tags', kind: 'tags', state: 'done', done: tags.length, total: tags.length, tags, invalidTags: [] };
  const summary = (reference: string): TagSummary => ({
    reference,
    digest: `sha256:${'ab'.repeat(32)}`,
    mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
    platforms: ['linux/amd64', 'linux/arm64/v8'],
    sizes: [31_000_000, 29_500_000],
    created: '2024-03-05T10:00:00Z',
  });
  // Only what the tag browser and image page call; the rest refuse, so a method added to the
  // contract later needs no change here.
  const used: Partial<RegscopeApi> = {
    appInfo: () => ok({ version: 'bench', host: 'web' as const }),
    inspect: (args) => {
      const tag = /:([^:/@]+)$/.exec(args.reference)?.[1] ?? '';
      const report = config.reports[tag.replace(/-run\d+$/, '')] ?? config.reports[config.fallback];
      return report === undefined ? refused() : ok(report);
    },
    tagSummary: (args) => ok(summary(args.reference)),
    startJob: () => ok({ jobId: 'bench-tags' }),
    job: () => ok(done),
    cancelJob: () => ok(done),
    registries: () => ok([]),
    rateLimit: () => ok(null),
  };
  const api: Record<string, unknown> = {};
  for (const name of config.methods) api[name] = (used as Record<string, unknown>)[name] ?? refused;
  Object.defineProperty(win, 'regscope', { value: api, configurable: false, writable: false });

  // The first tag row: a MutationObserver sees it in the same task it is inserted.
  const rowObserver = new MutationObserver(() => {
    if (document.querySelector('[data-testid="tag-row"]') === null) return;
    probe.firstRowMs = performance.now();
    rowObserver.disconnect();
  });
  rowObserver.observe(document, { childList: true, subtree: true });

  const afterTwoFrames = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))));
  // What the tag list shows: the count line ("12 of 100,000 tags") and the rendered rows.
  const signature = (): string => {
    const rows = document.querySelectorAll('[data-testid="tag-row"]');
    return `${document.querySelector('.tag-toolbar .count')?.textContent ?? ''}|${rows.length}|${rows[0]?.getAttribute('data-tag') ?? ''}`;
  };
  let pending: Promise<number> = Promise.resolve(-1);

  const probe: BenchProbe = {
    tagGenMs,
    firstRowMs: undefined,
    armKeystroke() {
      const before = signature();
      pending = new Promise<number>((resolve) => {
        const timeout = setTimeout(() => resolve(-1), 5_000);
        // Capture on window: runs before React's listener on the root, i.e. at the start of handling.
        window.addEventListener(
          'input',
          () => {
            const start = performance.now();
            const observer = new MutationObserver(() => {
              if (signature() === before) return;
              observer.disconnect();
              clearTimeout(timeout);
              void afterTwoFrames().then((end) => resolve(end - start));
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-tag'] });
          },
          { capture: true, once: true },
        );
      });
    },
    keystrokeResult: () => pending,
    openRoute(hash, cells) {
      return new Promise<RouteTiming>((resolve) => {
        const start = performance.now();
        const count = (): number => document.querySelectorAll('[data-testid="treemap-cell"]').length;
        const timeout = setTimeout(() => {
          observer.disconnect();
          resolve({ domMs: -1, paintMs: -1 });
        }, 20_000);
        const observer = new MutationObserver(() => {
          if (count() < cells) return;
          observer.disconnect();
          clearTimeout(timeout);
          const domMs = performance.now() - start;
          void afterTwoFrames().then((end) => resolve({ domMs, paintMs: end - start }));
        });
        observer.observe(document.body, { childList: true, subtree: true });
        location.hash = hash;
      });
    },
  };
  win.__bench = probe;
}

/** The init script: the installer applied to its configuration and the tag generator. */
export function initScript(config: FakeApiConfig, tagOf: (i: number) => string): string {
  return `(${installInPage.toString()})(${JSON.stringify(config)}, (${tagOf.toString()}));`;
}
