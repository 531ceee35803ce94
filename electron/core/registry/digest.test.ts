import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RegscopeError } from '../../../shared/api/errors';
import { digestOf, isVerifiableDigest, verifyDigest } from './digest';

const realWorld = fileURLToPath(new URL('../../../../shared/fixtures/real-world/', import.meta.url));

describe('digests over real registry bytes', () => {
  it.each([
    ['docker-1.10.3/manifest.json', 'sha256:888206c77cd2811ec47e752ba291e5b7734e3ef137dfd222daadaca39a9f17bc'],
    ['fedora-23/config.json', 'sha256:a20665eb1fe2912accb3d5dadaed360430df0d1aa46874875886947d61d3d4ee'],
    ['manifest-list-2016/manifest-list.json', 'sha256:4ffd0883f25635999f04ea543240a27c9a4341979ff7d46a9774f71512eebb1f'],
  ])('%s hashes to its published digest', (file, digest) => {
    const bytes = readFileSync(`${realWorld}${file}`);
    expect(digestOf(bytes)).toBe(digest);
    expect(() => verifyDigest(bytes, digest, { stage: 'manifest', source: file })).not.toThrow();
  });

  it('a changed byte is a digest mismatch naming both digests', () => {
    const bytes = Buffer.from(readFileSync(`${realWorld}fedora-23/config.json`));
    bytes[10] = (bytes[10] ?? 0) ^ 1;
    try {
      verifyDigest(bytes, 'sha256:a20665eb1fe2912accb3d5dadaed360430df0d1aa46874875886947d61d3d4ee', { stage: 'config', source: 'the image config', reference: 'fedora:23' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RegscopeError);
      const data = (error as RegscopeError).data;
      expect(data).toMatchObject({ code: 'digest-mismatch', stage: 'config', reference: 'fedora:23' });
      expect(data.message).toContain('expected sha256:a20665eb');
    }
  });

  it.each([
    ['sha256:' + 'a'.repeat(64), true],
    ['sha512:' + 'b'.repeat(128), true],
    ['sha256:zz', false],
    ['sha256:' + 'a'.repeat(64) + ':junk', false],
    ['md5:d41d8cd98f00b204e9800998ecf8427e', false],
    ['sha256:' + 'A'.repeat(64), false],
    ['sha256:' + 'a'.repeat(10_000), false],
    [undefined, false],
  ])('%s is verifiable: %s', (value, expected) => {
    expect(isVerifiableDigest(value)).toBe(expected);
  });
});
