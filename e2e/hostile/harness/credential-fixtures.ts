import { chmodSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * Docker configs and credential helpers on disk, for the credential rows: a folder of
 * `docker-credential-*` scripts put in front of PATH for the file, and config files the core must
 * read without ever changing.
 */

/** Helper scripts by suffix: each misbehaves in one way. */
export const HELPERS: Readonly<Record<string, string>> = {
  // Prints forever: the output cap must stop it.
  spew: '#!/bin/sh\nexec yes "{\\"Username\\":\\"alice\\",\\"Secret\\":\\"s3cret-password\\"}"\n',
  // Fails with the secret on stdout and stderr: the warning must not repeat it.
  garbage: '#!/bin/sh\necho "s3cret-password \\033[31m garbage"\necho "s3cret-password" >&2\nexit 1\n',
  // Succeeds with something that is not the protocol's JSON.
  notjson: '#!/bin/sh\nprintf "\\000\\001\\002 not json"\n',
  // Succeeds with JSON of the wrong shape.
  wrongshape: '#!/bin/sh\necho "{\\"Username\\": 5, \\"Secret\\": null}"\n',
  // The honest helper (control case).
  honest: '#!/bin/sh\nread url\necho "{\\"ServerURL\\":\\"$url\\",\\"Username\\":\\"alice\\",\\"Secret\\":\\"s3cret-password\\"}"\n',
};

/** Puts the helper scripts in front of PATH for the calling test file. */
export function useHelperPath(): void {
  const previous = process.env.PATH;
  beforeAll(() => {
    const bin = mkdtempSync(join(tmpdir(), 'regscope-hostile-helpers-'));
    for (const [suffix, script] of Object.entries(HELPERS)) {
      const path = join(bin, `docker-credential-${suffix}`);
      writeFileSync(path, script);
      chmodSync(path, 0o755);
    }
    process.env.PATH = `${bin}:${previous ?? ''}`;
  });
  afterAll(() => {
    process.env.PATH = previous;
  });
}

/** A config.json with `content` (text as is, anything else as JSON) in a fresh folder. */
export function configFile(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'regscope-hostile-dockercfg-'));
  const path = join(dir, 'config.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** A config.json that is a symlink to `target`. */
export function configSymlink(target: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'regscope-hostile-dockercfg-'));
  const path = join(dir, 'config.json');
  symlinkSync(target, path);
  return path;
}

/** What a file looks like now (bytes and mtime), to prove it was not rewritten. */
export function snapshot(path: string): { readonly bytes: string; readonly mtimeMs: number } {
  const info = statSync(path);
  return { bytes: info.isFile() ? readFileSync(path).toString('base64') : '(not a file)', mtimeMs: info.mtimeMs };
}
