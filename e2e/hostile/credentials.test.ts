import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dockerConfigSource } from '../../electron/core/credentials/docker-config';
import { useHelperPath, configFile, configSymlink, snapshot } from './harness/credential-fixtures';
import { useHostileWorld } from './harness/hostile-world';
import { image } from './harness/oci-content';
import { SECRETS } from './harness/outcome';
import { serveImage } from './harness/registry-script';
import { REALM_PATH } from './harness/token-gate';
import { guardUnhandledRejections } from './harness/unhandled-rejections';

/**
 * reliability.md §5 rows 26–27: credential helpers that spew, fail with garbage, print nonsense or
 * are missing, and Docker configs that are corrupt — driven end to end: the core reads Docker's
 * config (the real `dockerConfigSource`) for a registry behind the token gate. Each time the report
 * must still complete anonymously (no Basic credentials reach the token server), the warning must
 * name the problem without repeating a secret, and the config file must be left exactly as it was.
 *
 * Unit tests in electron/core/credentials/docker-config.test.ts already cover a hanging helper being
 * killed after its timeout (end to end it would cost the fixed 10 s), a `credsStore` path name, a
 * config symlinked to /dev/zero and a malformed `auth` next to a good key; they are not repeated.
 */
guardUnhandledRejections();
useHelperPath();
const world = useHostileWorld();
const REPO = 'acme/app';
const honest = image('credentials');

/**
 * Reports the honest image with credentials from `path`; returns the warnings. The report must
 * succeed and the file must be unchanged.
 */
async function reportWith(path: string): Promise<{ warnings: string[]; basicSent: boolean }> {
  world.registry.script(serveImage(REPO, '1', honest));
  const before = snapshot(path);
  const warnings: string[] = [];
  const core = world.core({ credentials: dockerConfigSource(path, (message) => warnings.push(message)) });
  const report = await core.report(world.ref(`${REPO}:1`));
  expect(report.kind).toBe('found');
  expect(snapshot(path), 'the Docker config was not rewritten').toEqual(before);
  for (const secret of SECRETS) expect(warnings.join('\n')).not.toContain(secret);
  const basicSent = world.token.requestsTo(REALM_PATH).some((request) => request.authorization?.startsWith('Basic '));
  return { warnings, basicSent };
}

describe('row 26: credential helpers that misbehave', () => {
  it.each([
    ['spews forever', 'spew', 'more than'],
    ['exits 1 with garbage (and the secret) on stdout and stderr', 'garbage', 'exited with status 1'],
    ['prints something that is not JSON', 'notjson', 'not JSON'],
    ['prints JSON of the wrong shape', 'wrongshape', 'without Username/Secret'],
    ['is not on PATH', 'regscope-no-such-helper', 'not found on PATH'],
  ])('row 26: a helper that %s is a warning; the report continues anonymously', async (_label, helper, warning) => {
    const path = configFile({ credHelpers: { [world.registryHost]: helper } });
    const { warnings, basicSent } = await reportWith(path);
    expect(warnings.join('\n')).toContain(warning);
    expect(basicSent).toBe(false);
  });

  it.each([
    ['a path', '../../bin/sh'],
    ['an absolute path', '/bin/sh'],
    ['shell syntax', 'x; touch /tmp/regscope-pwned'],
    ['an object', { evil: true }],
  ])('row 26: a helper name that is %s never runs anything; the report continues anonymously', async (_label, helper) => {
    const path = configFile({ credsStore: helper });
    const { warnings, basicSent } = await reportWith(path);
    expect(warnings.length).toBeGreaterThan(0);
    expect(basicSent).toBe(false);
    expect(existsSync('/tmp/regscope-pwned')).toBe(false);
  });

  it('row 26: the honest helper is used (control case: the refusals above are not blanket)', async () => {
    const path = configFile({ credHelpers: { [world.registryHost]: 'honest' } });
    const { warnings, basicSent } = await reportWith(path);
    expect(warnings).toEqual([]);
    expect(basicSent).toBe(true);
  });
});

describe('row 27: corrupt Docker configs', () => {
  const host = () => world.registryHost;
  it.each([
    ['not valid JSON', () => '{"auths": {'],
    ['a 2 MB file', () => JSON.stringify({ auths: {}, padding: 'x'.repeat(2 * 1024 * 1024) })],
    ['an auth that is not base64', () => ({ auths: { [host()]: { auth: '!!!%%%not base64%%%' } } })],
    ['an auth without a colon', () => ({ auths: { [host()]: { auth: Buffer.from('alice-no-colon').toString('base64') } } })],
    ['an auth with an empty user', () => ({ auths: { [host()]: { auth: Buffer.from(':s3cret-password').toString('base64') } } })],
    ['auths as an array', () => ({ auths: [{ auth: 'x' }] })],
    ['an entry that is a string', () => ({ auths: { [host()]: 'alice:pw' } })],
    ['a JSON null', () => 'null'],
  ])('row 27: a config with %s is a warning or ignored; the report continues anonymously', async (_label, content) => {
    const { basicSent } = await reportWith(configFile(content()));
    expect(basicSent).toBe(false);
  });

  it('row 27: a config that is a symlink to a directory is refused, not read', async () => {
    const { warnings, basicSent } = await reportWith(configSymlink('/'));
    expect(warnings.join('\n')).toContain('not a regular file');
    expect(basicSent).toBe(false);
  });

  it('row 27: one bad entry does not hide a good entry for the same registry under another key', async () => {
    const path = configFile({
      auths: {
        [host()]: { auth: Buffer.from('no-colon').toString('base64') },
        [`http://${host()}`]: { auth: Buffer.from('alice:s3cret-password').toString('base64') },
      },
    });
    const { warnings, basicSent } = await reportWith(path);
    expect(warnings.join('\n')).toContain('malformed');
    expect(basicSent).toBe(true);
  });
});
