import { describe, expect, it } from 'vitest';
import { makeImage } from './__fixtures__/images';
import { execArrayText, exposedPortsText, imageSizeBytes, splitEnv, type NamedValue } from './image-facts';

describe('splitEnv', () => {
  it.each<[string, readonly string[] | null | undefined, readonly NamedValue[]]>([
    ['splits at the first =', ['A=b=c'], [{ name: 'A', value: 'b=c' }]],
    ['keeps an empty value', ['EMPTY='], [{ name: 'EMPTY', value: '' }]],
    ['a name without = has an empty value', ['BARE'], [{ name: 'BARE', value: '' }]],
    ['a repeated name keeps its place and its last value', ['A=1', 'B=2', 'A=3'], [{ name: 'A', value: '3' }, { name: 'B', value: '2' }]],
    ['null', null, []],
  ])('%s', (_name, env, expected) => {
    expect(splitEnv(env)).toEqual(expected);
  });
});

describe('small facts', () => {
  it.each<[string, unknown, unknown]>([
    ['size sums the layers, an unknown size as 0', imageSizeBytes(makeImage({ layers: [['sha256:a', 5], ['sha256:b', undefined], ['sha256:c', 7]] })), 12],
    ['exec arrays print as JSON', execArrayText(['/bin/sh', '-c', 'echo "hi"']), '["/bin/sh","-c","echo \\"hi\\""]'],
    ['an unset exec array prints nothing', execArrayText(null), undefined],
    ['an empty exec array is still set', execArrayText([]), '[]'],
    ['ports in numeric order', exposedPortsText({ '8443/tcp': {}, '80/tcp': {}, '53/udp': {} }), '53/udp, 80/tcp, 8443/tcp'],
    ['no ports', exposedPortsText({}), undefined],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});
