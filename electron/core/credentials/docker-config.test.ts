import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configKeysFor, dockerConfigSource, DOCKER_HUB_CONFIG_KEY } from './docker-config';

const b64 = (text: string) => Buffer.from(text).toString('base64');

function configFile(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'regscope-dockercfg-'));
  const path = join(dir, 'config.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('Docker config credentials', () => {
  it.each(['docker.io', 'index.docker.io', 'registry-1.docker.io'])('Docker Hub alias %s reads the legacy key', async (host) => {
    const path = configFile({ auths: { [DOCKER_HUB_CONFIG_KEY]: { auth: b64('hubuser:hubpass') } } });
    expect(await dockerConfigSource(path, () => undefined).get(host)).toMatchObject({ username: 'hubuser', password: 'hubpass' });
  });

  it('finds a registry stored with a scheme, and an identity token', async () => {
    const path = configFile({ auths: { 'https://ghcr.io': { auth: b64('me:ghp_secret') }, 'quay.io': { username: 'x', identitytoken: 'refresh-abc' } } });
    const source = dockerConfigSource(path, () => undefined);
    expect(await source.get('ghcr.io')).toMatchObject({ username: 'me', password: 'ghp_secret' });
    expect(await source.get('quay.io')).toMatchObject({ username: 'x', identityToken: 'refresh-abc' });
    expect(await source.get('example.com')).toBeUndefined();
  });

  it.each([
    ['invalid JSON', '{"auths": {', 'not valid JSON'],
    ['a JSON array', '[]', 'not valid JSON'],
  ])('a config with %s is a warning and no credential', async (_label, content, warning) => {
    const warnings: string[] = [];
    expect(await dockerConfigSource(configFile(content), (m) => warnings.push(m)).get('ghcr.io')).toBeUndefined();
    expect(warnings.join()).toContain(warning);
  });

  it('a malformed auth entry is skipped with a warning, the next key still works', async () => {
    const warnings: string[] = [];
    const path = configFile({ auths: { 'ghcr.io': { auth: b64('no-colon') }, 'https://ghcr.io': { auth: b64('me:pw') } } });
    expect(await dockerConfigSource(path, (m) => warnings.push(m)).get('ghcr.io')).toMatchObject({ username: 'me' });
    expect(warnings.join()).toContain('malformed');
  });

  it('a config that is a symlink to /dev/zero is refused, not read forever', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'regscope-dockercfg-'));
    symlinkSync('/dev/zero', join(dir, 'config.json'));
    const warnings: string[] = [];
    expect(await dockerConfigSource(join(dir, 'config.json'), (m) => warnings.push(m)).get('ghcr.io')).toBeUndefined();
    expect(warnings.join()).toContain('not a regular file');
  });

  it('a credsStore name with a path is refused; auths still answer', async () => {
    const warnings: string[] = [];
    const path = configFile({ credsStore: '../../bin/sh', auths: { 'ghcr.io': { auth: b64('me:pw') } } });
    expect(await dockerConfigSource(path, (m) => warnings.push(m)).get('ghcr.io')).toMatchObject({ username: 'me' });
    expect(warnings.join()).toContain('not a valid helper name');
  });

  it('runs a credential helper with the server URL on stdin', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'regscope-helper-'));
    const helper = join(bin, 'docker-credential-fake');
    writeFileSync(helper, '#!/bin/sh\nread url\necho "{\\"ServerURL\\":\\"$url\\",\\"Username\\":\\"helper-user\\",\\"Secret\\":\\"s3cret-$url\\"}"\n');
    chmodSync(helper, 0o755);
    const path = configFile({ credHelpers: { 'ghcr.io': 'fake' } });
    const previous = process.env.PATH;
    process.env.PATH = `${bin}:${previous}`;
    try {
      expect(await dockerConfigSource(path, () => undefined).get('ghcr.io')).toMatchObject({ username: 'helper-user', password: 's3cret-ghcr.io', source: 'credential helper fake' });
    } finally {
      process.env.PATH = previous;
    }
  });

  it('a hanging helper is killed after the timeout', async () => {
    const { runCredentialHelper } = await import('./credential-helper');
    const bin = mkdtempSync(join(tmpdir(), 'regscope-helper-'));
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'docker-credential-hang'), '#!/bin/sh\nsleep 30\n');
    chmodSync(join(bin, 'docker-credential-hang'), 0o755);
    const previous = process.env.PATH;
    process.env.PATH = `${bin}:${previous}`;
    try {
      await expect(runCredentialHelper('hang', 'ghcr.io', 300)).rejects.toThrow('did not answer');
    } finally {
      process.env.PATH = previous;
    }
  });

  it('keys for a private registry include scheme variants', () => {
    expect(configKeysFor('127.0.0.1:5000')).toContain('http://127.0.0.1:5000');
  });
});
