/**
 * reliability.md §5 "Hostile inputs the app must survive", row by row: where each row is tested and
 * at which level, or why it does not apply. `rows.test.ts` checks this table against the test
 * titles (every covered row has tests titled `row N: …` in the files named here).
 *
 * Levels:
 * - `core`: the real RegscopeCore against the scripted hostile registry and its fake token server,
 *   CDN and metadata endpoint on loopback (harness/hostile-world.ts);
 * - `core, public names`: the same with `.example` names resolved to 127.0.0.1 inside the test
 *   process (harness/public-names.ts), so the core treats the registry as public and must refuse
 *   loopback/private/metadata targets;
 * - `api`: the API service (createApiService + invokeApi) over such a core: what the UI receives;
 * - `policy`: the pure guard functions (checkRealm, checkOutboundUrl), for what loopback fakes
 *   cannot show (an https registry needs a trusted certificate);
 * - `exporter`: the shared exporters on hand-built hostile TagReports;
 * - `static`: a scan of the renderer / Electron main sources;
 * - `property`: fast-check properties of the parsers and formatters.
 */
export type RowCoverage =
  | { readonly status: 'covered'; readonly input: string; readonly levels: readonly string[]; readonly files: readonly string[] }
  | { readonly status: 'n/a'; readonly input: string; readonly reason: string };

export const HOSTILE_ROWS: Readonly<Record<number, RowCoverage>> = {
  1: { status: 'covered', input: 'truncated / wrongly typed manifest', levels: ['core', 'property'], files: ['manifest-body.test.ts'] },
  2: { status: 'covered', input: 'negative, fractional, > 2^53 sizes', levels: ['core', 'property'], files: ['manifest-body.test.ts'] },
  3: { status: 'covered', input: 'Content-Type ≠ mediaType, ambiguous manifest/index', levels: ['core'], files: ['manifest-body.test.ts'] },
  4: { status: 'covered', input: 'schema 1, unknown types, Helm/WASM/signature artifacts', levels: ['core', 'api'], files: ['manifest-body.test.ts'] },
  5: { status: 'covered', input: 'by-digest fetch returns other bytes', levels: ['core'], files: ['digests.test.ts'] },
  6: { status: 'covered', input: 'lying or malformed Docker-Content-Digest', levels: ['core'], files: ['digests.test.ts'] },
  7: { status: 'covered', input: '10 GB manifest, endless body, 10 GB descriptor', levels: ['core'], files: ['size-caps.test.ts'] },
  8: { status: 'covered', input: '100k entries / layers, nesting, repeated digests', levels: ['core'], files: ['size-caps.test.ts'] },
  9: { status: 'covered', input: 'GB configs, 1M history entries, 1 MB created_by', levels: ['core'], files: ['size-caps.test.ts'] },
  10: { status: 'covered', input: 'token endpoint answers HTML / {} / empty token', levels: ['core'], files: ['token-endpoint.test.ts'] },
  11: { status: 'covered', input: '1 GB token body, absurd expires_in / issued_at', levels: ['core'], files: ['token-endpoint.test.ts'] },
  12: { status: 'covered', input: 'malformed WWW-Authenticate, unsafe realms', levels: ['core, public names', 'policy'], files: ['challenges.test.ts'] },
  13: { status: 'covered', input: '401 loops', levels: ['core, public names', 'api'], files: ['challenges.test.ts'] },
  14: { status: 'covered', input: 'redirect loops, limits, downgrades, private targets, userinfo', levels: ['core, public names', 'policy'], files: ['redirects.test.ts'] },
  15: { status: 'covered', input: 'blob redirect to a presigned CDN URL', levels: ['core, public names'], files: ['redirects.test.ts'] },
  16: { status: 'covered', input: 'foreign layer URLs on internal hosts', levels: ['core, public names', 'policy'], files: ['redirects.test.ts'] },
  17: { status: 'covered', input: '100k tags, multi-MB page', levels: ['core', 'api'], files: ['tag-lists.test.ts'] },
  18: { status: 'covered', input: 'Link loops, cross-host Link, endless paging, sort order', levels: ['core'], files: ['tag-lists.test.ts'] },
  19: { status: 'covered', input: 'hostile tag names', levels: ['core', 'api'], files: ['tag-lists.test.ts'] },
  20: { status: 'covered', input: 'HTML/JS, javascript: links, escapes in image metadata (display)', levels: ['api', 'static'], files: ['ui-data.test.ts'] },
  21: { status: 'covered', input: 'the same strings in exports', levels: ['exporter', 'api'], files: ['exports.test.ts'] },
  22: { status: 'covered', input: 'slow-loris, black holes, cancel', levels: ['core', 'api'], files: ['slow-servers.test.ts'] },
  23: { status: 'covered', input: '429 storms, Retry-After extremes, 503 flapping', levels: ['core', 'api'], files: ['slow-servers.test.ts'] },
  24: { status: 'covered', input: 'Docker Hub pull limit on a multi-arch index', levels: ['core', 'api'], files: ['docker-hub-limits.test.ts'] },
  25: { status: 'covered', input: 'short reads, length / size mismatches', levels: ['core'], files: ['blob-integrity.test.ts'] },
  26: { status: 'covered', input: 'credential helpers that spew, fail, are missing or badly named', levels: ['core'], files: ['credentials.test.ts'] },
  27: { status: 'covered', input: 'corrupt ~/.docker/config.json', levels: ['core'], files: ['credentials.test.ts'] },
  28: { status: 'covered', input: 'self-signed / wrong-host TLS on a non-local registry', levels: ['core, public names'], files: ['tls.test.ts'] },
  29: { status: 'covered', input: 'catch-all server / captive portal answering 200', levels: ['core', 'api'], files: ['not-a-registry.test.ts'] },
  30: {
    status: 'n/a',
    input: 'gzip bombs, 1M tar entries, ../ paths in layer file trees',
    reason: 'regscope never downloads or opens layers (layer blobs are only HEADed for Last-Modified), so no layer file tree is ever shown',
  },
};

/** The numbers of §5's rows. */
export const ROW_NUMBERS: readonly number[] = Array.from({ length: 30 }, (_, i) => i + 1);
