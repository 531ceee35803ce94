import { z } from 'zod';
import type { ErrorData } from './errors';
import type { TagReport } from '../image/image-report';
import { API_METHOD_NAMES, type ApiMethodName } from './api-methods';

/**
 * The API the UI needs, declared once: every method's argument schema and result type.
 *
 * The core implements it once (electron/core/api/api-service.ts); the Electron preload, the web host
 * and tests expose the same methods. Arguments are parsed with these schemas at every boundary
 * (a renderer is untrusted input); results travel as `ApiResult` so errors are data, never thrown
 * across a process boundary.
 */

const text = (max: number) => z.string().min(1).max(max);
const reference = text(4096);
const exportFormat = z.enum(['repo-info', 'json', 'html']);
const repoInfoStyle = z.enum(['seed', 'current']);

/** Argument schemas, by method name. */
export const apiArgs = {
  /** Facts about the app and the host it runs in. */
  appInfo: z.object({}).strict(),
  /** Everything about one tag or digest: every platform, config, layers and their dates. */
  inspect: z.object({ reference }).strict(),
  /** Cheap facts for a tag row: HEAD first, then the list by digest (cached). */
  tagSummary: z.object({ reference }).strict(),
  /** Starts a long operation (tag listing, whole-repository export); poll it with `job`. */
  startJob: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('tags'), repository: reference }).strict(),
    z.object({ kind: z.literal('export-repository'), repository: reference, format: exportFormat, style: repoInfoStyle, tags: z.array(text(256)).max(200_000).optional() }).strict(),
  ]),
  /** Progress and, when finished, the result of a job. */
  job: z.object({ jobId: text(64) }).strict(),
  /** Stops a job; what it finished is kept. */
  cancelJob: z.object({ jobId: text(64) }).strict(),
  /** A report of some references in an export format, as text. */
  exportReport: z.object({ references: z.array(reference).min(1).max(1000), format: exportFormat, style: repoInfoStyle }).strict(),
  /** Registries with known credentials (no secrets), from the app's store and Docker's config. */
  registries: z.object({}).strict(),
  /** Checks and saves credentials for a registry. */
  signIn: z.object({ registry: text(512), username: text(512), password: text(16_384) }).strict(),
  /** Forgets the app's saved credentials for a registry. */
  signOut: z.object({ registry: text(512) }).strict(),
  /** Docker Hub's pull budget as last seen (or null). */
  rateLimit: z.object({ registry: text(512) }).strict(),
  /** The page as a PDF (desktop app: Electron's printToPDF). The web host answers that the browser's print dialog does it. */
  printToPdf: z.object({ fileName: text(200) }).strict(),
} as const;

export type ApiMethod = keyof typeof apiArgs;
export type ApiArgs<M extends ApiMethod> = z.input<(typeof apiArgs)[M]>;

/** Facts about the running app. */
export interface AppInfo {
  readonly version: string;
  readonly host: 'electron' | 'web';
  /** Docker Hub mirror in use, if any. */
  readonly mirror?: string;
}

/** What the tag browser shows for a row before the user opens it. */
export interface TagSummary {
  readonly reference: string;
  readonly digest: string;
  readonly mediaType: string;
  /** Platforms as `os/arch[/variant]`, attestations excluded. */
  readonly platforms: readonly string[];
  /** Compressed size of each platform's image (same order), in bytes. */
  readonly sizes: readonly number[];
  /** Newest `created` among the images, when known. */
  readonly created?: string;
}

/** A job's state, polled by the UI. */
export interface JobStatus {
  readonly jobId: string;
  readonly kind: 'tags' | 'export-repository';
  readonly state: 'running' | 'done' | 'failed' | 'cancelled';
  readonly done: number;
  /** Total units, when known. */
  readonly total?: number;
  /** Tags found so far (tag jobs), so the list fills in progressively. */
  readonly tags?: readonly string[];
  readonly invalidTags?: readonly string[];
  /** The finished export (export jobs), also after cancel: what was done so far. */
  readonly export?: ExportedReport;
  /** Per-reference failures collected along the way. */
  readonly failures?: readonly ErrorData[];
  readonly error?: ErrorData;
}

/** An export, ready to save. */
export interface ExportedReport {
  readonly text: string;
  readonly fileName: string;
  readonly mimeType: string;
}

/** A binary file made by the host (a PDF), base64-encoded to cross IPC and HTTP as JSON. */
export interface SavedBinary {
  readonly base64: string;
  readonly fileName: string;
  readonly mimeType: string;
}

/** A registry the app has credentials for. Never the secret itself. */
export interface RegistryLogin {
  readonly registry: string;
  readonly username: string;
  /** `regscope` (saved by the app) or `docker config` / a credential helper. */
  readonly source: string;
}

/** What a rate-limited registry said about the pull budget. */
export interface RateLimitView {
  readonly limit: number;
  readonly remaining: number;
  readonly windowSeconds?: number;
  readonly observedAt: string;
}

/** Result types, by method name. */
export interface ApiResults {
  appInfo: AppInfo;
  inspect: TagReport;
  tagSummary: TagSummary;
  startJob: { readonly jobId: string };
  job: JobStatus;
  cancelJob: JobStatus;
  exportReport: ExportedReport;
  registries: readonly RegistryLogin[];
  signIn: RegistryLogin;
  signOut: { readonly registry: string };
  rateLimit: RateLimitView | null;
  printToPdf: SavedBinary;
}

/** Errors are data: every call answers with one of these. */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorData };

/** The API as the renderer sees it: one named async function per method, never a channel name. */
export type RegscopeApi = { readonly [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResult<ApiResults[M]>> };

/** Every method name, for hosts that register or expose them all. */
export const API_METHODS: readonly ApiMethod[] = API_METHOD_NAMES;

// Compile-time check that the preload's name list and the schemas name the same methods.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _namesMatchSchemas: Same<ApiMethod, ApiMethodName> = true;
void _namesMatchSchemas;

/** Parses untrusted arguments for `method`; a failure becomes `invalid-argument` error data. */
export function parseApiArgs<M extends ApiMethod>(method: M, args: unknown): ApiResult<z.output<(typeof apiArgs)[M]>> {
  const schema = apiArgs[method];
  const parsed = schema.safeParse(args ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as z.output<(typeof apiArgs)[M]> };
  const issue = parsed.error.issues[0];
  return { ok: false, error: { code: 'invalid-argument', stage: 'request', message: `invalid arguments for ${method}: ${issue ? `${issue.path.join('.') || 'arguments'}: ${issue.message}` : 'rejected'}` } };
}

/** True when `name` is one of the API's methods (a renderer may send anything). */
export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiArgs, name);
}
