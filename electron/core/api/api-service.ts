import type { ApiMethod, ApiResults, ExportedReport, apiArgs } from '../../../shared/api/contract';
import { RegscopeError, type ErrorData } from '../../../shared/api/errors';
import { platformFromDescriptor } from '../../../shared/image/descriptor-platform';
import type { TagReport } from '../../../shared/image/image-report';
import type { z } from 'zod';
import { isAttestationEntry, formatPlatform } from '../../../shared/platform/platform';
import { familiarRepository, parseRepository } from '../../../shared/reference/parse-reference';
import { isDockerHub } from '../registry/endpoints';
import type { RegscopeCore } from '../regscope-core';
import type { AppCredentialStore } from './app-credential-store';
import { JobRegistry, unknownJob } from './job-registry';
import { renderExport } from './render-export';
import { compareByteOrder } from '../../../shared/format/byte-order';

/**
 * The API contract implemented once over the core. Hosts (Electron IPC, the web host) parse
 * arguments with the contract's schemas, then call these; errors are thrown as RegscopeError and
 * turned into data by `invokeApi`.
 */
export type ApiService = { readonly [M in ApiMethod]: (args: z.output<(typeof apiArgs)[M]>) => Promise<ApiResults[M]> };

export interface ApiServiceOptions {
  readonly core: RegscopeCore;
  readonly credentials: AppCredentialStore;
  /** Logins found in Docker's config, listed for the start page (names only). */
  readonly dockerLogins?: () => Promise<ReadonlyArray<{ registry: string; username: string; source: string }>>;
  readonly host: 'electron' | 'web';
  readonly version: string;
  readonly mirror?: string;
  readonly now?: () => Date;
  /** The host's PDF printer (Electron: the window's printToPDF); absent in the web host. */
  readonly printToPdf?: () => Promise<Buffer>;
}

export function createApiService(options: ApiServiceOptions): ApiService & { dispose(): void } {
  const { core } = options;
  const jobs = new JobRegistry();
  const now = options.now ?? (() => new Date());
  const meta = () => ({ generator: `regscope ${options.version}`, generatedAt: now().toISOString() });

  return {
    appInfo: async () => ({ version: options.version, host: options.host, ...(options.mirror ? { mirror: options.mirror } : {}) }),

    inspect: async ({ reference }) => core.report(reference),

    tagSummary: async ({ reference }) => {
      const facts = await core.summary(reference);
      const entries = facts.entries.map((entry) => ({ platform: platformFromDescriptor(entry.platform), annotations: entry.annotations, size: entry.size }));
      const images = entries.filter((entry) => !isAttestationEntry({ ...(entry.platform ? { platform: entry.platform } : {}), ...(entry.annotations ? { annotations: entry.annotations } : {}) }));
      return {
        reference,
        digest: facts.digest,
        mediaType: facts.mediaType,
        platforms: images.map((entry) => (entry.platform ? formatPlatform(entry.platform) : 'single manifest')),
        sizes: images.map((entry) => entry.size),
      };
    },

    startJob: async (args) => {
      if (args.kind === 'tags') {
        const jobId = jobs.start('tags', async (status, signal) => {
          const listing = await core.tags(args.repository, {
            signal,
            onPage: (tagsSoFar) => {
              status.tags = tagsSoFar;
              status.done = tagsSoFar.length;
            },
          });
          status.tags = listing.tags;
          status.invalidTags = listing.invalidTags;
          status.done = listing.tags.length;
          status.total = listing.tags.length;
        });
        return { jobId };
      }
      const jobId = jobs.start('export-repository', async (status, signal) => {
        const repository = parseRepository(args.repository);
        const repoName = familiarRepository(repository);
        const tags = args.tags ?? (await core.tags(args.repository, { signal })).tags;
        const references = [...new Set(tags)].sort(compareByteOrder).map((tag) => `${repoName}:${tag}`);
        status.total = references.length;
        const reports: TagReport[] = [];
        const failures: ErrorData[] = [];
        try {
          await core.reports(references, {
            signal,
            onProgress: (_done, _total, outcome) => {
              // Tags stopped by a cancel are neither done nor failed.
              if (!outcome.ok && outcome.error.code === 'cancelled') return;
              if (outcome.ok) reports.push(outcome.report);
              else failures.push(outcome.error);
              status.done = reports.length + failures.length;
              status.failures = [...failures];
            },
          });
        } finally {
          // Keep what was finished, also when cancelled or cut off: reports in tag order.
          const order = new Map(references.map((ref, index) => [ref, index]));
          reports.sort((a, b) => (order.get(a.display) ?? 0) - (order.get(b.display) ?? 0));
          if (reports.length) status.export = renderExport(reports, args.format, { style: args.style, repoName, wholeRepository: true, ...meta() });
        }
      });
      return { jobId };
    },

    job: async ({ jobId }) => {
      const status = jobs.get(jobId);
      if (!status) throw new RegscopeError(unknownJob(jobId));
      return status;
    },

    cancelJob: async ({ jobId }) => {
      const status = await jobs.cancel(jobId);
      if (!status) throw new RegscopeError(unknownJob(jobId));
      return status;
    },

    exportReport: async ({ references, format, style }): Promise<ExportedReport> => {
      const outcomes = await core.reports(references);
      const failed = outcomes.find((outcome) => !outcome.ok);
      if (failed && !failed.ok) throw new RegscopeError(failed.error);
      const reports = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.report] : []));
      return renderExport(reports, format, { style, ...meta() });
    },

    registries: async () => {
      const saved = await options.credentials.list();
      const fromDocker = (await options.dockerLogins?.()) ?? [];
      const known = new Set(saved.map((login) => login.registry));
      return [...saved, ...fromDocker.filter((login) => !known.has(login.registry))];
    },

    signIn: async ({ registry, username, password }) => {
      const host = registry.trim().toLowerCase();
      await core.checkLogin(host, { username, password, source: 'sign-in' });
      await options.credentials.save(host, username, password);
      core.credentialsChanged(host);
      return { registry: host, username, source: 'regscope' };
    },

    signOut: async ({ registry }) => {
      await options.credentials.remove(registry);
      core.credentialsChanged(registry);
      return { registry };
    },

    rateLimit: async ({ registry }) => {
      const info = core.rateLimit(isDockerHub(registry) ? 'docker.io' : registry);
      return info ? { limit: info.limit, remaining: info.remaining, ...(info.windowSeconds ? { windowSeconds: info.windowSeconds } : {}), observedAt: info.observedAt } : null;
    },

    printToPdf: async ({ fileName }) => {
      if (!options.printToPdf) {
        throw new RegscopeError({ code: 'invalid-argument', stage: 'export', message: "in a browser, use the browser's print dialog and choose Save as PDF" });
      }
      const pdf = await options.printToPdf();
      const safe = fileName.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').replace(/\.pdf$/i, '') || 'regscope-report';
      return { base64: pdf.toString('base64'), fileName: `${safe}.pdf`, mimeType: 'application/pdf' };
    },

    dispose: () => jobs.cancelAll(),
  };
}
