import { RegscopeError } from '../../../shared/api/errors';
import { DOCKER_HUB } from '../../../shared/reference/reference-model';
import { allowsPlainHttp, type OutboundPolicy } from '../transport/outbound-policy';

/**
 * Where the API of a registry named in a reference really lives.
 *
 * `docker.io` is a name, not a host: its API is `registry-1.docker.io` (containerd, c/image), and with
 * `--mirror` every Docker Hub request goes to the mirror instead, as Docker's `registry-mirrors` and
 * repo-info's Docker Hub proxy do. Plain http is used only for loopback, `--insecure` hosts and an
 * explicit `http://` mirror (design.md CLI contract).
 */
export interface RegistryEndpoint {
  /** Base URL of the `/v2/` API. */
  readonly baseUrl: URL;
  /** The host credentials are looked up under. */
  readonly credentialHost: string;
  /** True when this endpoint serves Docker Hub (directly or as a mirror). */
  readonly dockerHub: boolean;
}

const DOCKER_HUB_ALIASES = new Set([DOCKER_HUB, 'index.docker.io', 'registry-1.docker.io']);

/** True for the names under which Docker Hub is known. */
export function isDockerHub(registry: string): boolean {
  return DOCKER_HUB_ALIASES.has(registry);
}

/** Parses and checks a `--mirror` value. */
export function parseMirror(mirror: string): URL {
  let url: URL;
  try {
    url = new URL(mirror);
  } catch {
    throw new RegscopeError({ code: 'invalid-argument', stage: 'request', message: `--mirror must be a URL like https://mirror.example.com, not "${mirror}"` });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RegscopeError({ code: 'invalid-argument', stage: 'request', message: `--mirror must be an http or https URL` });
  }
  url.username = '';
  url.password = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** The endpoint for a registry named in a reference. */
export function resolveEndpoint(registry: string, options: { mirror?: URL; outbound: OutboundPolicy }): RegistryEndpoint {
  if (isDockerHub(registry)) {
    if (options.mirror) return { baseUrl: options.mirror, credentialHost: options.mirror.host, dockerHub: true };
    return { baseUrl: new URL('https://registry-1.docker.io/'), credentialHost: DOCKER_HUB, dockerHub: true };
  }
  const probe = new URL(`https://${registry}/`);
  const scheme = allowsPlainHttp(probe, options.outbound) ? 'http' : 'https';
  return { baseUrl: new URL(`${scheme}://${registry}/`), credentialHost: registry, dockerHub: false };
}
