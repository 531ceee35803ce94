import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiService } from '../core/api/api-service';
import { invokeApi } from '../core/api/invoke-api';
import { checkApiRequest, checkHost, tokenMatches, TOKEN_COOKIE, type GuardConfig } from './request-guard';
import { readStaticFile } from './static-files';

/**
 * The web host: the same API as the desktop app's preload, as `POST /api/<method>` on loopback, plus
 * the built renderer. Real code with the real services behind it, used by browsers and by the
 * end-to-end tests in Chromium.
 */
export interface WebHostOptions {
  readonly service: ApiService;
  /** Folder of the built renderer (dist/renderer). */
  readonly rendererDir: string;
  readonly host?: string;
  readonly port?: number;
  /** Fixed token (tests); a random one per launch otherwise. */
  readonly token?: string;
  readonly log?: (message: string) => void;
}

export interface WebHost {
  /** The URL to open, token included. */
  readonly url: string;
  /** Base URL without the token. */
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

const MAX_API_BODY = 1024 * 1024;
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer = ''): void {
  response.writeHead(status, { ...SECURITY_HEADERS, ...headers });
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_API_BODY) {
        reject(new Error('request body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || host.startsWith('127.');
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const bindHost = options.host ?? '127.0.0.1';
  const guard: { config: GuardConfig } = { config: { allowedHosts: new Set(), token } };

  const server: Server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      options.log?.(`web host: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) send(response, 500, { 'content-type': 'text/plain' }, 'internal error');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://placeholder');
    if (url.pathname.startsWith('/api/')) {
      const verdict = checkApiRequest(request, guard.config);
      if (!verdict.ok) return send(response, verdict.status, { 'content-type': 'application/json', 'cache-control': 'no-store' }, JSON.stringify({ ok: false, error: { code: 'auth-required', stage: 'request', message: verdict.reason } }));
      if (request.method !== 'POST') return send(response, 405, { allow: 'POST', 'content-type': 'text/plain' }, 'POST only');
      let args: unknown;
      try {
        const body = await readBody(request);
        args = body ? JSON.parse(body) : {};
      } catch {
        return send(response, 400, { 'content-type': 'application/json' }, JSON.stringify({ ok: false, error: { code: 'invalid-argument', stage: 'request', message: 'request body must be JSON of at most 1 MiB' } }));
      }
      const result = await invokeApi(options.service, decodeURIComponent(url.pathname.slice('/api/'.length)), args, (error) => options.log?.(String(error)));
      return send(response, 200, { 'content-type': 'application/json', 'cache-control': 'no-store' }, JSON.stringify(result));
    }
    const host = checkHost(request, guard.config);
    if (!host.ok) return send(response, host.status, { 'content-type': 'text/plain' }, host.reason);
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, { allow: 'GET', 'content-type': 'text/plain' }, 'GET only');
    const offered = url.searchParams.get('token');
    if (offered !== null) {
      if (!tokenMatches(offered, token)) return send(response, 401, { 'content-type': 'text/plain' }, 'wrong access token: open the URL regscope serve printed');
      // Trade the token in the URL for an HttpOnly cookie and drop it from the address bar.
      return send(response, 302, { location: '/', 'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`, 'cache-control': 'no-store' });
    }
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) return send(response, 404, { 'content-type': 'text/plain' }, 'the UI is not built: run npm run build');
    return send(response, 200, { 'content-type': file.contentType, 'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache' }, request.method === 'HEAD' ? '' : file.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindHost, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = bindHost.includes(':') ? `[${bindHost}]` : bindHost;
  const allowed = new Set([`${urlHost}:${port}`.toLowerCase()]);
  if (isLoopback(bindHost)) ['127.0.0.1', 'localhost', '[::1]'].forEach((name) => allowed.add(`${name}:${port}`));
  guard.config = { allowedHosts: allowed, token };
  const origin = `http://${urlHost}:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
