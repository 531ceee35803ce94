import { describe, expect, it } from 'vitest';
import { RegscopeError } from '../../shared/api/errors';
import { parseCliArgs } from './cli-args';

describe('parseCliArgs', () => {
  it('reads a report with every flag', () => {
    expect(
      parseCliArgs(['report', 'python:3.8-rc-alpine', 'python:3.11', '--format', 'json', '--out', 'r.json', '--mirror', 'http://127.0.0.1:5000', '--insecure', 'reg.lan:5000', '--style', 'current'], {}),
    ).toMatchObject({ name: 'report', references: ['python:3.8-rc-alpine', 'python:3.11'], format: 'json', out: 'r.json', mirror: 'http://127.0.0.1:5000', insecure: ['reg.lan:5000'], style: 'current' });
  });

  it('defaults to repo-info in the seed style, and takes the mirror and cache from the environment', () => {
    expect(parseCliArgs(['report', 'python'], { REGSCOPE_MIRROR: 'http://m', REGSCOPE_CACHE_DIR: '/tmp/c' })).toMatchObject({ format: 'repo-info', style: 'seed', mirror: 'http://m', cacheDir: '/tmp/c' });
  });

  it.each([
    [['report'], 'needs at least one image reference'],
    [['report', 'x', '--format', 'pdf'], '--format must be one of'],
    [['report', 'x', '--bogus'], 'Unknown option'],
    [['tags'], 'exactly one repository'],
    [['serve', '--port', 'eighty'], '--port must be'],
    [['frobnicate'], 'unknown command'],
  ])('%j is a usage error mentioning "%s"', (argv, text) => {
    try {
      parseCliArgs(argv, {});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RegscopeError);
      expect((error as RegscopeError).data.message).toContain(text);
      expect((error as RegscopeError).data.message).toContain('regscope --help');
    }
  });

  it.each([[[]], [['--help']], [['help']]])('%j asks for help', (argv) => {
    expect(parseCliArgs(argv, {})).toEqual({ name: 'help' });
  });

  it('serve binds loopback by default', () => {
    expect(parseCliArgs(['serve'], {})).toMatchObject({ name: 'serve', host: '127.0.0.1', port: 0 });
  });
});
