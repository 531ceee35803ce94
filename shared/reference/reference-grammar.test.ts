import { describe, expect, it } from 'vitest';
import { isValidDigest, isValidTag } from './reference-grammar';

describe('isValidTag', () => {
  it.each<[string, boolean]>([
    ['latest', true],
    ['3.8-rc-alpine', true],
    ['Uppercase', true],
    ['_underscore', true],
    ['1', true],
    ['t'.repeat(128), true],
    ['', false],
    ['t'.repeat(129), false],
    ['-rc', false],
    ['.rc', false],
    ['a:b', false],
    ['a/b', false],
    ['a b', false],
    ['ä', false],
    ['<img src=x onerror=alert(1)>', false],
    ['../../x', false],
    [`sha256:${'a'.repeat(64)}`, false],
  ])('%j → %s', (tag, valid) => {
    expect(isValidTag(tag)).toBe(valid);
  });
});

describe('isValidDigest', () => {
  it.each<[string, boolean]>([
    [`sha256:${'0123456789abcdef'.repeat(4)}`, true],
    [`sha512:${'0123456789abcdef'.repeat(8)}`, true],
    [`sha256:${'A'.repeat(64)}`, false],
    [`sha256:${'a'.repeat(63)}`, false],
    [`sha256:${'a'.repeat(65)}`, false],
    [`sha512:${'a'.repeat(64)}`, false],
    [`sha384:${'a'.repeat(96)}`, false],
    [`md5:${'a'.repeat(32)}`, false],
    ['sha256:zz', false],
    ['sha256', false],
    ['', false],
    [`SHA256:${'a'.repeat(64)}`, false],
    [`sha256:${'a'.repeat(10_000)}`, false],
  ])('%s → %s', (digest, valid) => {
    expect(isValidDigest(digest)).toBe(valid);
  });
});
