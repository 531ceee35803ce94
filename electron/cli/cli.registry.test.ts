import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { testRegistries } from '../../e2e/registry/provided-context';

/**
 * The `regscope` executable as a user runs it (the bundled dist/cli/regscope.mjs under plain Node),
 * against the real test registry. The seed replica tests are the project's acceptance test: the
 * repo-info report of a rebuilt seed image equals the seed file byte for byte once the original
 * digests are replaced by the replica's.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/cli/regscope.mjs');
const seeds = join(root, '../shared/seeds');
const env = testRegistries();
const catalogue = env.catalogue!;

beforeAll(() => {
  // Build the bundle the test runs, so the test never checks a stale one.
  const build = spawnSync(process.execPath, ['build/scripts/build.mjs', 'cli'], { cwd: root, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
});

function regscope(args: readonly string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const home = mkdtempSync(join(tmpdir(), 'regscope-home-'));
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    input: options.input ?? '',
    // A clean HOME: the developer's own ~/.docker/config.json must not leak into the test.
    env: { PATH: process.env.PATH ?? '', HOME: home, ...options.env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function replaceDigests(text: string, map: Readonly<Record<string, string>>): string {
  return text.replace(/sha256:[0-9a-f]{64}/g, (digest) => map[digest] ?? digest);
}

describe('seed replicas', () => {
  it.each(catalogue.seedReplicas.map((replica) => [replica.seedReference, replica] as const))('regscope report %s --mirror … prints the seed byte for byte', (reference, replica) => {
    const seed = readFileSync(join(seeds, replica.seedFile), 'utf8');
    const result = regscope(['report', reference, '--mirror', env.redirect.url]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(replaceDigests(seed, replica.digestMap));
  });

  it('both seeds exist as replicas', () => {
    expect(catalogue.seedReplicas.map((replica) => replica.seedReference).sort()).toEqual(['python:3.8-rc-alpine', 'python:3.8-rc-windowsservercore']);
  });

  it('several references give the whole tag-details.md', () => {
    const result = regscope(['report', 'python:3.8-rc-windowsservercore', 'python:3.8-rc-alpine', '--mirror', env.redirect.url]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith("<!-- THIS FILE IS GENERATED VIA './update-remote.sh' -->\n\n# Tags of `python`\n\n-\t[`python:3.8-rc-alpine`](#python38-rc-alpine)\n-\t[`python:3.8-rc-windowsservercore`](#python38-rc-windowsservercore)\n\n## `python:3.8-rc-alpine`\n")).toBe(true);
    const alpine = replaceDigests(readFileSync(join(seeds, catalogue.seedReplicas.find((r) => r.seedReference === 'python:3.8-rc-alpine')!.seedFile), 'utf8'), catalogue.digestMap);
    expect(result.stdout).toContain(alpine);
  });
});

describe('the current repo-info style on an OCI index with attestations', () => {
  it('counts attestations as platforms and renders them like repo-info does today', () => {
    const result = regscope(['report', `${env.anon.host}/acme/buildx-app:v1`, '--style', 'current']);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('-\tManifest MIME: `application/vnd.oci.image.index.v1+json`\n-\tPlatforms: 4\n');
    expect(out.match(/^### `.*` - unknown; unknown$/gm)).toHaveLength(2);
    expect(out).toContain('```dockerfile\n```');
    expect(out).toContain('\t\tMIME: application/vnd.in-toto+json\n');
    // Per-image MIME stays the hard-coded docker v2 string, even for OCI manifests (§9).
    expect(out.match(/^-\tManifest MIME: `application\/vnd\.docker\.distribution\.manifest\.v2\+json`$/gm)).toHaveLength(4);
    expect(out).not.toContain('RUN RUN');
    expect(out).not.toContain('Docker Version');
    for (const image of catalogue.buildx.images) expect(out).toContain(`$ docker pull ${env.anon.host}/acme/buildx-app@${image.manifestDigest}`);
  });
});

describe('formats and errors as a user meets them', () => {
  it('writes JSON to --out', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'regscope-out-')), 'report.json');
    const result = regscope(['report', `${env.anon.host}/library/python:3.11`, '--format', 'json', '--out', out]);
    expect(result.code).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as { formatVersion: number; reports: Array<{ digest: string }> };
    expect(doc.formatVersion).toBe(1);
    expect(doc.reports[0]?.digest).toBe(catalogue.python.digest);
  });

  it('writes a self-contained HTML report', () => {
    const result = regscope(['report', `${env.anon.host}/library/python:3.11`, '--format', 'html']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^<!DOCTYPE html>/i);
    expect(result.stdout).not.toMatch(/<script/i);
  });

  it('a missing tag prints "does not exist", a one-line error and exits 1', () => {
    const result = regscope(['report', `${env.anon.host}/library/python:nope`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`## \`${env.anon.host}/library/python:nope\`\n\n**does not exist** (yet?)\n`);
    expect(result.stderr).toBe(`regscope: manifest: tag not found (${env.anon.host}/library/python:nope)\n`);
  });

  it('an unreachable registry is one line naming the stage and the reference, no stack', () => {
    const result = regscope(['report', '127.0.0.1:1/acme/app:1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^regscope: manifest: cannot connect to 127\.0\.0\.1:1: connection refused \(127\.0\.0\.1:1\/acme\/app:1\)\n$/);
  });

  it('wrong credentials are one line naming the auth stage', () => {
    const result = regscope(['report', `${env.basic.host}/library/python:3.11`, '--username', 'testuser', '--password-stdin'], { input: 'wrong\n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^regscope: auth: .* refused the credentials of testuser .*\n$/);
    expect(result.stderr).not.toContain('wrong');
  });

  it('good credentials from stdin work', () => {
    const result = regscope(['report', `${env.basic.host}/library/python:3.11`, '--username', 'testuser', '--password-stdin'], { input: `${env.credentials.password}\n` });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('an invalid reference is one line naming the reference stage', () => {
    const result = regscope(['report', 'Python:3']);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toMatch(/^regscope: reference: .*\(Python:3\)\n$/);
  });

  it('tags lists every tag, and --json too', () => {
    const text = regscope(['tags', `${env.anon.host}/acme/many-tags`]);
    expect(text.code).toBe(0);
    expect(text.stdout.trim().split('\n').sort()).toEqual([...catalogue.manyTags.tags].sort());
    const json = JSON.parse(regscope(['tags', `${env.anon.host}/acme/many-tags`, '--json']).stdout) as { tags: string[] };
    expect(json.tags).toHaveLength(catalogue.manyTags.tags.length);
  });

  it('--all-tags writes tag-details.md for the whole repository in byte order', () => {
    const result = regscope(['report', '--all-tags', `${env.anon.host}/library/python`]);
    expect(result.code).toBe(0);
    const toc = result.stdout.split('\n').filter((line) => line.startsWith('-\t[`'));
    const tags = toc.map((line) => /:([^:`]+)`\]/.exec(line)?.[1]);
    expect(tags).toEqual([...tags].sort((a, b) => ((a ?? '') < (b ?? '') ? -1 : 1)));
    expect(tags).toContain('3.8-rc-alpine');
  });
});

describe('writing the report', () => {
  it('an --out path that cannot be written is one line naming the export stage and the path', () => {
    const result = regscope(['report', `${env.anon.host}/library/python:3.11`, '--format', 'json', '--out', '/nonexistent-dir/report.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('regscope: export: cannot write the report (ENOENT) (/nonexistent-dir/report.json)\n');
  });

  it('a JSON export of a whole repository streams the same document a single render gives', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'regscope-out-')), 'all.json');
    const result = regscope(['report', '--all-tags', `${env.anon.host}/acme/many-tags`, '--format', 'json', '--out', out]);
    expect(result.code).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as { reports: Array<{ tag?: string; display: string }> };
    expect(doc.reports).toHaveLength(catalogue.manyTags.tags.length);
  });
});
