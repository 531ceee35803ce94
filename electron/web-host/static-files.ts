import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/**
 * Serves the built renderer (dist/renderer) read-only. Paths are normalised and must stay inside the
 * folder; anything unknown falls back to index.html so hash routes reload.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly immutable: boolean;
}

export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const candidate = join(root, relative || 'index.html');
  if (candidate !== root && !candidate.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  const target = await stat(candidate).then(
    (info) => (info.isFile() ? candidate : join(root, 'index.html')),
    () => join(root, 'index.html'),
  );
  try {
    const body = await readFile(target);
    return { body, contentType: TYPES[extname(target)] ?? 'application/octet-stream', immutable: target.includes(`${sep}assets${sep}`) };
  } catch {
    return undefined;
  }
}
