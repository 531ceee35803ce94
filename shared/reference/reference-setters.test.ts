import { describe, expect, it } from 'vitest';
import { RegscopeError } from '../api/errors';
import type { ImageReference } from './reference-model';
import { withDigest, withTag } from './reference-setters';

const D = `sha256:${'a'.repeat(64)}`;
const BOTH: ImageReference = { registry: 'docker.io', repository: 'library/python', tag: '3.8', digest: D };

describe('withTag / withDigest (copy-on-set, like regclient Ref.SetTag/SetDigest)', () => {
  it('withTag sets the tag and clears the digest', () => {
    expect(withTag(BOTH, '3.9')).toStrictEqual({ registry: 'docker.io', repository: 'library/python', tag: '3.9' });
  });

  it('withDigest sets the digest and clears the tag', () => {
    const other = `sha512:${'b'.repeat(128)}`;
    expect(withDigest(BOTH, other)).toStrictEqual({ registry: 'docker.io', repository: 'library/python', digest: other });
  });

  it('leaves the original untouched', () => {
    withTag(BOTH, 'x');
    expect(BOTH.tag).toBe('3.8');
  });

  it.each<[string, () => unknown, string]>([
    ['empty tag', () => withTag(BOTH, ''), 'the tag after ":" is empty'],
    ['bad tag', () => withTag(BOTH, '../x'), 'invalid tag "../x"'],
    ['bad digest', () => withDigest(BOTH, 'foo'), 'invalid digest "foo"'],
    ['short digest', () => withDigest(BOTH, `sha256:${'a'.repeat(63)}`), 'this one has 63'],
  ])('%s is refused', (_name, fn, message) => {
    let error: unknown;
    try {
      fn();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RegscopeError);
    const data = (error as RegscopeError).data;
    expect(data).toMatchObject({ code: 'invalid-reference', stage: 'reference', reference: `docker.io/library/python:3.8@${D}` });
    expect(data.message).toContain(message);
  });
});
