import { describe, expect, it } from 'vitest';
import type { HistoryEntry, PlatformImage } from '../image/image-report';
import { AMD64, ARM64, ARMV7, WINDOWS_2019, makeImage, nop, run } from './__fixtures__/images';
import { alignHistories, type HistoryDiffOptions, type HistoryDiffRow } from './history-diff';

const DEFAULTS: HistoryDiffOptions = { ignoreWhitespace: false, hideEmptyLayers: false };

/** An image whose layers follow its non-empty history steps. */
function imageWith(platform: PlatformImage['platform'], history: readonly HistoryEntry[]): PlatformImage {
  const layers = history.filter((entry) => entry.empty_layer !== true).map((_entry, i): [string, number] => [`sha256:${platform.architecture}-${i}`, 1000 * (i + 1)]);
  return makeImage({ platform, history, layers });
}

/** A row as the user sees it: status, then each platform's text (`·` where it has none). */
function show(row: HistoryDiffRow): string {
  return `${row.status}: ${row.cells.map((cell) => cell.text ?? '·').join(' | ')}`;
}

/** The highlighted words of a row, `[-x-]` for removed and `{+x+}` for added. */
function highlights(row: HistoryDiffRow | undefined): readonly string[] {
  return (row?.cells ?? []).map((cell) =>
    (cell.words ?? []).map(({ text, change }) => (change === 'same' ? text : change === 'added' ? `{+${text}+}` : `[-${text}-]`)).join(''),
  );
}

const BASE: readonly HistoryEntry[] = [run('apt-get update'), nop('ENV LANG=C.UTF-8'), nop('CMD ["python3"]')];

describe('alignHistories', () => {
  it.each<[string, readonly PlatformImage[], HistoryDiffOptions, readonly string[]]>([
    [
      'identical histories are all same',
      [imageWith(AMD64, BASE), imageWith(ARM64, BASE)],
      DEFAULTS,
      ['same: RUN apt-get update | RUN apt-get update', 'same: ENV LANG=C.UTF-8 | ENV LANG=C.UTF-8', 'same: CMD ["python3"] | CMD ["python3"]'],
    ],
    [
      'an extra arm64 step is added',
      [imageWith(AMD64, BASE), imageWith(ARM64, [run('apt-get update'), run('dpkg --add-architecture armhf'), ...BASE.slice(1)])],
      DEFAULTS,
      [
        'same: RUN apt-get update | RUN apt-get update',
        'added: · | RUN dpkg --add-architecture armhf',
        'same: ENV LANG=C.UTF-8 | ENV LANG=C.UTF-8',
        'same: CMD ["python3"] | CMD ["python3"]',
      ],
    ],
    [
      'a step arm64 lacks is removed',
      [imageWith(AMD64, BASE), imageWith(ARM64, [BASE[0] as HistoryEntry, BASE[2] as HistoryEntry])],
      DEFAULTS,
      ['same: RUN apt-get update | RUN apt-get update', 'removed: ENV LANG=C.UTF-8 | ·', 'same: CMD ["python3"] | CMD ["python3"]'],
    ],
    [
      'different ENV values are one changed row',
      [imageWith(AMD64, [nop('ENV ARCH=amd64'), run('make')]), imageWith(ARM64, [nop('ENV ARCH=arm64'), run('make')])],
      DEFAULTS,
      ['changed: ENV ARCH=amd64 | ENV ARCH=arm64', 'same: RUN make | RUN make'],
    ],
    [
      'different ENV names are not paired',
      [imageWith(AMD64, [nop('ENV A=1')]), imageWith(ARM64, [nop('ENV B=1')])],
      DEFAULTS,
      ['removed: ENV A=1 | ·', 'added: · | ENV B=1'],
    ],
    [
      'tabs vs spaces differ by default',
      [imageWith(AMD64, [run('set -ex \t&& make')]), imageWith(ARM64, [run('set -ex  && make')])],
      DEFAULTS,
      ['changed: RUN set -ex \t&& make | RUN set -ex  && make'],
    ],
    [
      'tabs vs spaces are the same when ignoring whitespace',
      [imageWith(AMD64, [run('set -ex \t&& make')]), imageWith(ARM64, [run('set -ex  && make')])],
      { ignoreWhitespace: true, hideEmptyLayers: false },
      ['same: RUN set -ex \t&& make | RUN set -ex  && make'],
    ],
    [
      'hideEmptyLayers leaves out ENV and CMD',
      [imageWith(AMD64, BASE), imageWith(ARM64, [run('apt-get update'), nop('ENV LANG=C'), nop('CMD ["python3"]')])],
      { ignoreWhitespace: false, hideEmptyLayers: true },
      ['same: RUN apt-get update | RUN apt-get update'],
    ],
    [
      'Linux vs Windows without SHELL: cmd /S /C is taken off',
      [
        imageWith(AMD64, [nop('ENV X=1'), run('echo hi')]),
        imageWith(WINDOWS_2019, [
          { created_by: 'Apply image 10.0.17763.5820' },
          { created_by: 'cmd /S /C #(nop)  ENV X=1', empty_layer: true },
          { created_by: 'cmd /S /C echo hi' },
        ]),
      ],
      DEFAULTS,
      ['added: · | RUN Apply image 10.0.17763.5820', 'same: ENV X=1 | ENV X=1', 'same: RUN echo hi | RUN echo hi'],
    ],
    [
      'Linux vs Windows with a powershell SHELL',
      [
        imageWith(AMD64, [nop('ENV X=1'), run('curl -o py.tgz https://x/py.tgz')]),
        makeImage({
          platform: WINDOWS_2019,
          container: { Shell: ['powershell', '-Command', "$ErrorActionPreference = 'Stop';"] },
          history: [
            { created_by: "powershell -Command $ErrorActionPreference = 'Stop'; #(nop)  ENV X=1", empty_layer: true },
            { created_by: "powershell -Command $ErrorActionPreference = 'Stop'; Invoke-WebRequest -Uri https://x/py.zip" },
          ],
          layers: [['sha256:w1', 10]],
        }),
      ],
      DEFAULTS,
      ['same: ENV X=1 | ENV X=1', 'changed: RUN curl -o py.tgz https://x/py.tgz | RUN Invoke-WebRequest -Uri https://x/py.zip'],
    ],
    ['no images, no rows', [], DEFAULTS, []],
    ['a single platform is all same', [imageWith(AMD64, BASE)], DEFAULTS, ['same: RUN apt-get update', 'same: ENV LANG=C.UTF-8', 'same: CMD ["python3"]']],
    [
      'three platforms: status relative to amd64',
      [
        imageWith(AMD64, [run('a'), nop('ENV V=1'), run('z'), run('tail')]),
        imageWith(ARM64, [run('a'), nop('ENV V=1'), run('extra'), run('z'), run('tail')]),
        imageWith(ARMV7, [run('a'), nop('ENV V=2'), run('extra'), run('z')]),
      ],
      DEFAULTS,
      [
        'same: RUN a | RUN a | RUN a',
        'changed: ENV V=1 | ENV V=1 | ENV V=2',
        'added: · | RUN extra | RUN extra',
        'same: RUN z | RUN z | RUN z',
        'removed: RUN tail | RUN tail | ·',
      ],
    ],
    [
      'unrelated RUN steps are not paired',
      [imageWith(AMD64, [run('apt-get install -y python3')]), imageWith(ARM64, [run('wget https://e.org/x.tgz')])],
      DEFAULTS,
      ['removed: RUN apt-get install -y python3 | ·', 'added: · | RUN wget https://e.org/x.tgz'],
    ],
    [
      'single-valued instructions pair on the keyword alone',
      [imageWith(AMD64, [nop('CMD ["python3"]'), nop('WORKDIR /a')]), imageWith(ARM64, [nop('CMD ["bash"]'), nop('WORKDIR /b')])],
      DEFAULTS,
      ['changed: CMD ["python3"] | CMD ["bash"]', 'changed: WORKDIR /a | WORKDIR /b'],
    ],
  ])('%s', (_name, images, options, expected) => {
    const rows = alignHistories(images, options);
    expect(rows.map(show)).toEqual(expected);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
  });

  it('highlights the words that differ in a changed row', () => {
    const rows = alignHistories(
      [imageWith(AMD64, [run('curl -fsSL https://e.org/go-amd64.tgz')]), imageWith(ARM64, [run('curl -fsSL https://e.org/go-arm64.tgz')])],
      DEFAULTS,
    );
    expect(highlights(rows[0])).toEqual(['RUN curl -fsSL https://e.org/go-[-amd64-].tgz', 'RUN curl -fsSL https://e.org/go-{+arm64+}.tgz']);
  });

  it('puts words only on the base and the changed cells with three platforms', () => {
    const rows = alignHistories(
      [imageWith(AMD64, [nop('ENV V=1')]), imageWith(ARM64, [nop('ENV V=1')]), imageWith(ARMV7, [nop('ENV V=2')])],
      DEFAULTS,
    );
    expect(highlights(rows[0])).toEqual(['ENV V=[-1-]', '', 'ENV V={+2+}']);
    expect(rows[0]?.cells.map((cell) => cell.state)).toEqual(['base', 'same', 'changed']);
  });

  it('carries layer sizes and empty-layer flags into the cells', () => {
    const rows = alignHistories([imageWith(AMD64, BASE), imageWith(ARM64, BASE)], DEFAULTS);
    expect(rows.map((row) => row.cells.map((cell) => [cell.sizeBytes, cell.emptyLayer]))).toEqual([
      [[1000, false], [1000, false]],
      [[undefined, true], [undefined, true]],
      [[undefined, true], [undefined, true]],
    ]);
  });
});
