import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isSafeExternalLink } from '../../electron/main/harden-contents';
import type { FoundTagReport } from '../../shared/image/image-report';
import { apiFor } from './harness/api-harness';
import { useHostileWorld } from './harness/hostile-world';
import { HOSTILE_LINKS, SINGLE_LINE, SINGLE_LINE_PAYLOADS } from './harness/hostile-strings';
import { image, imageManifest } from './harness/oci-content';
import { serveBlob, serveManifest } from './harness/registry-script';
import { guardUnhandledRejections } from './harness/unhandled-rejections';

/**
 * reliability.md §5 row 20: HTML/JS in `created_by`, labels and annotations; `javascript:` and
 * `file:` in `org.opencontainers.image.source`; terminal escapes.
 *
 * Levels: (1) the API hands the UI these strings as plain data, unchanged and serialisable (the
 * renderer then puts them in React text nodes); (2) the one link gate of the desktop app
 * (`isSafeExternalLink`, used by the window-open handler before `shell.openExternal`) refuses every
 * hostile source URL; (3) a source scan shows the renderer has no raw-HTML sink. Rendering itself
 * is the `dom` test project's job (renderer/**), outside this folder.
 */
guardUnhandledRejections();
const world = useHostileWorld();
const REPO = 'acme/app';

describe('row 20: hostile text reaches the UI as data', () => {
  it('row 20: history, labels and annotations come through the API exactly as the image has them', async () => {
    const labels = Object.fromEntries(SINGLE_LINE_PAYLOADS.map((payload, i) => [`org.example.k${String(i)}`, payload]));
    const base = image('ui', {
      config: { Cmd: ['/bin/sh'], Labels: { ...labels, 'org.opencontainers.image.source': 'javascript:alert(1)' } },
      history: SINGLE_LINE_PAYLOADS.map((payload) => ({ created: '2024-01-01T00:00:00Z', created_by: `/bin/sh -c ${payload}`, comment: SINGLE_LINE.ansi })),
    });
    const manifest = imageManifest(base.config, base.layers, { annotations: { 'org.opencontainers.image.source': 'file:///etc/passwd', 'org.opencontainers.image.title': SINGLE_LINE.bidi } });
    world.registry.script([...serveManifest(REPO, '1', manifest), serveBlob(REPO, base.config), ...base.layers.map((item) => serveBlob(REPO, item))]);
    const api = apiFor(world.core());
    const result = await api.call('inspect', { reference: world.ref(`${REPO}:1`) });
    api.service.dispose();
    expect(result.ok).toBe(true);
    const report = (result as { ok: true; value: FoundTagReport }).value;
    // What crosses IPC/HTTP is JSON: nothing is lost or altered by the trip.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    const shown = report.images[0];
    expect(shown?.config.config?.Labels).toMatchObject(labels);
    expect(shown?.config.history?.map((entry) => entry.created_by)).toEqual(SINGLE_LINE_PAYLOADS.map((payload) => `/bin/sh -c ${payload}`));
    expect(shown?.annotations?.['org.opencontainers.image.source']).toBe('file:///etc/passwd');
    expect(shown?.annotations?.['org.opencontainers.image.title']).toBe(SINGLE_LINE.bidi);
  });
});

describe('row 20: links from image metadata', () => {
  it.each(HOSTILE_LINKS)('row 20: a source link %j is never opened', (link) => {
    expect(isSafeExternalLink(link)).toBe(false);
  });

  it('row 20: a plain https source link is allowed (control case)', () => {
    expect(isSafeExternalLink('https://github.com/acme/app')).toBe(true);
  });
});

describe('row 20: no raw-HTML sink in the renderer', () => {
  const rendererDir = fileURLToPath(new URL('../../renderer/', import.meta.url));

  /** Every non-test source file under `dir`. */
  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sources(path);
      return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
    });
  }

  it('row 20: renderer sources use no dangerouslySetInnerHTML, innerHTML, insertAdjacentHTML, document.write or javascript: URL', () => {
    const files = sources(rendererDir);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) => /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|javascript:/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('row 20: shell.openExternal is reached only through the isSafeExternalLink gate', () => {
    const mainDir = fileURLToPath(new URL('../../electron/main/', import.meta.url));
    const callers = sources(mainDir).filter((file) => readFileSync(file, 'utf8').includes('openExternal('));
    expect(callers.length).toBeGreaterThan(0);
    for (const file of callers) {
      const calls = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.includes('openExternal('));
      // Each call is either the gate itself, or hands shell.openExternal to the gate (hardenContents).
      for (const line of calls) expect(line.includes('if (isSafeExternalLink(url)) openExternal(url)') || line.includes('hardenContents('), `${file}: ${line.trim()}`).toBe(true);
    }
  });
});
