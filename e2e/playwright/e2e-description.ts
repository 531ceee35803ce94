import { readFileSync } from 'node:fs';
import type { TestRegistriesDescription } from '../registry/test-registries';

/** The environment variable naming the JSON file the global setup writes. */
export const DESCRIPTION_ENV = 'REGSCOPE_E2E_DESCRIPTION';

/** One running `regscope serve`, as tests need it. */
export interface WebHostDescription {
  /** The first stdout line: the URL to open, `?token=…` included. */
  readonly url: string;
  /** `http://127.0.0.1:PORT`, without the token. */
  readonly origin: string;
  /** The registry URL given as `--mirror`. */
  readonly mirror: string;
}

/** What the global setup hands to the tests: JSON only. */
export interface E2eDescription {
  /** The web host whose Docker Hub mirror is the anonymous registry (most tests). */
  readonly web: WebHostDescription;
  /**
   * A second web host mirroring the `redirect` registry, whose blobs come from nginx with
   * `Last-Modified`: the only way a report can be byte-exact with a seed.
   */
  readonly webRedirect: WebHostDescription;
  /**
   * A third web host whose mirror is the anonymous registry behind a proxy that delays every
   * request, so long jobs (a whole-repository export) run long enough to watch and cancel.
   */
  readonly webSlow: WebHostDescription;
  /** The test registries (hosts, URLs) and the fixture catalogue. */
  readonly registries: TestRegistriesDescription;
}

let cached: E2eDescription | undefined;

/** The description of the running environment; throws when the global setup did not run. */
export function readE2eDescription(): E2eDescription {
  if (cached !== undefined) return cached;
  const path = process.env[DESCRIPTION_ENV];
  if (path === undefined || path === '') throw new Error(`${DESCRIPTION_ENV} is not set: run the suite with \`npx playwright test\` so the global setup starts the registries`);
  cached = JSON.parse(readFileSync(path, 'utf8')) as E2eDescription;
  return cached;
}
