import { describe, expect, it } from 'vitest';
import type { ContainerConfig } from '../image/image-report';
import { AMD64, ARM64, WINDOWS_2019, makeImage } from './__fixtures__/images';
import { buildComparison, type ConfigDifferenceRow } from './compare';

describe('buildComparison sizes', () => {
  it.each<[string, readonly [string, number][], readonly [string, number][], { shared: number; uniqueA: number; uniqueB: number }]>([
    ['nothing shared', [['sha256:a', 10]], [['sha256:b', 20]], { shared: 0, uniqueA: 10, uniqueB: 20 }],
    ['base layer shared', [['sha256:base', 100], ['sha256:a', 10]], [['sha256:base', 100], ['sha256:b', 20]], { shared: 100, uniqueA: 10, uniqueB: 20 }],
    ['identical', [['sha256:a', 10], ['sha256:b', 5]], [['sha256:a', 10], ['sha256:b', 5]], { shared: 15, uniqueA: 0, uniqueB: 0 }],
    ['a layer repeated inside one image counts once', [['sha256:a', 10], ['sha256:a', 10]], [['sha256:a', 10]], { shared: 10, uniqueA: 0, uniqueB: 0 }],
  ])('%s', (_name, layersA, layersB, expected) => {
    const comparison = buildComparison(makeImage({ platform: AMD64, layers: layersA }), makeImage({ platform: ARM64, layers: layersB }));
    expect({ shared: comparison.sharedBytes, uniqueA: comparison.a.uniqueBytes, uniqueB: comparison.b.uniqueBytes }).toEqual(expected);
    expect(comparison.a.sizeBytes).toBe(layersA.reduce((sum, [, size]) => sum + size, 0));
    expect(comparison.b.layerCount).toBe(layersB.length);
  });
});

describe('buildComparison config rows', () => {
  const compare = (a: ContainerConfig, b: ContainerConfig): readonly ConfigDifferenceRow[] =>
    buildComparison(makeImage({ platform: AMD64, container: a }), makeImage({ platform: AMD64, container: b })).config.filter(
      (row) => row.group !== 'platform',
    );

  it.each<[string, ContainerConfig, ContainerConfig, readonly Partial<ConfigDifferenceRow>[]]>([
    ['same Cmd', { Cmd: ['python3'] }, { Cmd: ['python3'] }, [{ key: 'runtime:Cmd', a: '["python3"]', b: '["python3"]', status: 'same' }]],
    ['changed Entrypoint', { Entrypoint: ['a'] }, { Entrypoint: ['b'] }, [{ name: 'Entrypoint', status: 'changed' }]],
    ['WorkingDir only in A', { WorkingDir: '/app' }, {}, [{ name: 'WorkingDir', a: '/app', status: 'only-a' }]],
    ['User only in B', { User: '' }, { User: 'node' }, [{ name: 'User', b: 'node', status: 'only-b' }]],
    [
      'each Env var on its own row, A order then B extras',
      { Env: ['PATH=/usr/bin', 'LANG=C.UTF-8', 'EMPTY='] },
      { Env: ['LANG=C.UTF-8', 'PATH=/usr/local/bin:/usr/bin', 'GPG_KEY=abc', 'EMPTY='] },
      [
        { key: 'env:PATH', status: 'changed', a: '/usr/bin', b: '/usr/local/bin:/usr/bin' },
        { key: 'env:LANG', status: 'same' },
        { key: 'env:EMPTY', status: 'same', a: '', b: '' },
        { key: 'env:GPG_KEY', status: 'only-b' },
      ],
    ],
    [
      'Labels sorted by name',
      { Labels: { version: '1', maintainer: 'x' } },
      { Labels: { version: '2', 'a.b': 'y' } },
      [
        { name: 'a.b', status: 'only-b' },
        { name: 'maintainer', status: 'only-a' },
        { name: 'version', status: 'changed' },
      ],
    ],
    ['ExposedPorts in numeric order', { ExposedPorts: { '443/tcp': {}, '80/tcp': {} } }, {}, [{ name: 'ExposedPorts', a: '80/tcp, 443/tcp', status: 'only-a' }]],
    ['nothing set, no rows', { Cmd: null, Env: null }, {}, []],
  ])('%s', (_name, a, b, expected) => {
    const rows = compare(a, b);
    expect(rows).toHaveLength(expected.length);
    expected.forEach((row, i) => expect(rows[i]).toMatchObject(row));
  });

  it('compares the platform fields, Windows version included', () => {
    const rows = buildComparison(makeImage({ platform: ARM64 }), makeImage({ platform: WINDOWS_2019 })).config;
    expect(rows.map((row) => [row.name, row.status])).toEqual([
      ['os', 'changed'],
      ['architecture', 'changed'],
      ['variant', 'only-a'],
      ['os.version', 'only-b'],
    ]);
  });
});
