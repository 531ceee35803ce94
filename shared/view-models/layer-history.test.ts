import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../image/image-report';
import { makeImage, nop, run } from './__fixtures__/images';
import { buildLayerHistory, type LayerHistoryRow } from './layer-history';

/** A row as the layer table shows it: layer digest (or `-`), command, size, flag. */
function show(row: LayerHistoryRow): string {
  return [row.layer?.digest ?? '-', row.command, row.sizeBytes ?? '?', row.mismatch ?? ''].join(' | ').trim();
}

describe('buildLayerHistory', () => {
  it.each<[string, readonly HistoryEntry[], readonly [string, number | undefined][], readonly string[], boolean]>([
    [
      'empty-layer steps take no layer',
      [run('apk add curl'), nop('ENV A=1'), run('make'), nop('CMD ["sh"]')],
      [['sha256:l1', 100], ['sha256:l2', 20]],
      ['sha256:l1 | RUN apk add curl | 100 |', '- | ENV A=1 | 0 |', 'sha256:l2 | RUN make | 20 |', '- | CMD ["sh"] | 0 |'],
      false,
    ],
    [
      'more history than layers: the extra steps are flagged',
      [run('a'), run('b')],
      [['sha256:l1', 1]],
      ['sha256:l1 | RUN a | 1 |', '- | RUN b | ? | history-without-layer'],
      true,
    ],
    [
      'more layers than history: the extra layers are flagged',
      [run('a')],
      [['sha256:l1', 1], ['sha256:l2', 2]],
      ['sha256:l1 | RUN a | 1 |', 'sha256:l2 |  | 2 | layer-without-history'],
      true,
    ],
    ['no history at all', [], [['sha256:l1', 1]], ['sha256:l1 |  | 1 | layer-without-history'], true],
    ['a layer without a size', [run('a')], [['sha256:l1', undefined]], ['sha256:l1 | RUN a | ? |'], false],
    ['BuildKit history', [{ created_by: 'RUN /bin/sh -c make # buildkit' }, { created_by: 'WORKDIR /app', empty_layer: true }], [['sha256:l1', 5]], ['sha256:l1 | RUN make # buildkit | 5 |', '- | WORKDIR /app | 0 |'], false],
  ])('%s', (_name, history, layers, expected, mismatched) => {
    const result = buildLayerHistory(makeImage({ history, layers }));
    expect(result.rows.map(show)).toEqual(expected);
    expect(result.rows.map((row) => row.index)).toEqual(expected.map((_row, i) => i));
    expect(result.mismatched).toBe(mismatched);
  });

  it('strips the Windows SHELL prefix given in the config', () => {
    const shell = ['powershell', '-Command', "$ErrorActionPreference = 'Stop';"];
    const image = makeImage({
      history: [{ created_by: "powershell -Command $ErrorActionPreference = 'Stop'; Install-Python" }],
      layers: [['sha256:l1', 1]],
      container: { Shell: shell },
    });
    expect(buildLayerHistory(image).rows[0]?.command).toBe('RUN Install-Python');
  });
});
