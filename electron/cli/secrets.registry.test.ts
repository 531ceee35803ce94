import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { testRegistries } from '../../e2e/registry/provided-context';

/**
 * Secrets never reach logs, exports, the cache or the API: a password is planted in Docker's config
 * (as the registry's real password, so it is used) and in a sign-in, then every output regscope
 * produces is scanned for it: stdout, stderr (with --debug), every export format, every file of the
 * persistent cache, and every API answer of the web host.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/cli/regscope.mjs');
const env = testRegistries();
const secret = env.credentials.password;
const basicAuth = Buffer.from(`${env.credentials.username}:${secret}`).toString('base64');

beforeAll(() => {
  expect(spawnSync(process.execPath, ['build/scripts/build.mjs', 'cli'], { cwd: root }).status).toBe(0);
});

function homeWithDockerConfig(): string {
  const home = mkdtempSync(join(tmpdir(), 'regscope-home-'));
  mkdirSync(join(home, '.docker'));
  writeFileSync(join(home, '.docker', 'config.json'), JSON.stringify({ auths: { [env.basic.host]: { auth: basicAuth } } }));
  return home;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

function expectClean(text: string, where: string): void {
  expect(text.includes(secret), `${where} contains the password`).toBe(false);
  expect(text.includes(basicAuth), `${where} contains the Basic credentials`).toBe(false);
}

describe('planted credentials', () => {
  it('do not appear in CLI output, debug logs, any export format or the cache', () => {
    const home = homeWithDockerConfig();
    const cacheDir = mkdtempSync(join(tmpdir(), 'regscope-cache-'));
    const outDir = mkdtempSync(join(tmpdir(), 'regscope-out-'));
    const ref = `${env.basic.host}/library/python:3.11`;
    for (const format of ['repo-info', 'json', 'html']) {
      const run = spawnSync(process.execPath, [cli, 'report', ref, '--format', format, '--out', join(outDir, `report.${format}`), '--cache-dir', cacheDir, '--debug'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: home } });
      expect(run.status, run.stderr).toBe(0);
      expectClean(run.stdout + run.stderr, `${format} run output`);
    }
    // A failing run (wrong tag) with --debug prints a stack: still no secret.
    const failing = spawnSync(process.execPath, [cli, 'report', `${env.basic.host}/library/python:nope`, '--debug'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: home } });
    expect(failing.status).toBe(1);
    expectClean(failing.stdout + failing.stderr, 'failing run output');
    const outputs = filesUnder(outDir);
    expect(outputs).toHaveLength(3);
    for (const file of [...outputs, ...filesUnder(cacheDir)]) expectClean(readFileSync(file).toString('latin1'), file);
  });

  it('do not come back from the web host API, and a sign-in password is never echoed', async () => {
    const home = homeWithDockerConfig();
    const serve = spawn(process.execPath, [cli, 'serve', '--port', '0'], { env: { PATH: process.env.PATH ?? '', HOME: home } });
    let logs = '';
    serve.stderr.on('data', (chunk: Buffer) => (logs += chunk.toString('utf8')));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        serve.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8').split('\n')[0] ?? ''));
        serve.once('exit', () => reject(new Error(`serve exited: ${logs}`)));
      });
      const { origin, searchParams } = new URL(url);
      const token = searchParams.get('token') ?? '';
      const call = async (method: string, args: unknown) => {
        const response = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'x-regscope-token': token, 'content-type': 'application/json' }, body: JSON.stringify(args) });
        return response.text();
      };
      const answers = [
        await call('inspect', { reference: `${env.basic.host}/library/python:3.11` }),
        await call('registries', {}),
        await call('signIn', { registry: env.basic.host, username: env.credentials.username, password: secret }),
        await call('signIn', { registry: env.basic.host, username: env.credentials.username, password: `${secret}-wrong` }),
        await call('exportReport', { references: [`${env.basic.host}/library/python:3.11`], format: 'json', style: 'seed' }),
        await call('exportReport', { references: [`${env.basic.host}/library/python:3.11`], format: 'html', style: 'seed' }),
      ];
      expect(answers[0]).toContain('"ok":true');
      expect(answers[1]).toContain(env.basic.host);
      for (const [index, answer] of answers.entries()) expectClean(answer, `API answer ${index}`);
    } finally {
      serve.kill('SIGTERM');
    }
    expectClean(logs, 'web host log');
  });
});
