import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createdByForDockerfileLine, dockerfileLines } from './dockerfile-line';

const SEEDS_DIR = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const FIXTURES_DIR = fileURLToPath(new URL('../../../shared/fixtures/real-world/', import.meta.url));

const POWERSHELL = ['powershell', '-Command', "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"];
const POWERSHELL_PREFIX = `${POWERSHELL.join(' ')} `;

/** One dockerfile line of a seed, with the `SHELL` of its image and its place in the history. */
interface SeedLine {
  readonly seed: string;
  readonly line: string;
  readonly shell: readonly string[] | undefined;
  /** True once the image's history has passed its `SHELL` step (Windows). */
  readonly afterShellStep: boolean;
}

/** The dockerfile lines of both seeds, read with a deliberately simple scan (no seed has multi-line entries). */
function seedLines(): SeedLine[] {
  const lines: SeedLine[] = [];
  for (const seed of readdirSync(SEEDS_DIR)) {
    const text = readFileSync(`${SEEDS_DIR}${seed}`, 'utf8');
    for (const section of text.split('\n### ').slice(1)) {
      const shellJson = /^-\t`SHELL`: `(.*)`$/m.exec(section)?.[1];
      const shell = shellJson === undefined ? undefined : (JSON.parse(shellJson) as string[]);
      const block = /```dockerfile\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
      let afterShellStep = false;
      for (const line of block.split('\n')) {
        if (line === '' || line.startsWith('# ')) continue;
        if (line.startsWith('SHELL ')) afterShellStep = true;
        lines.push({ seed, line, shell, afterShellStep });
      }
    }
  }
  return lines;
}

/**
 * The `created_by` Docker 18.x's classic builder wrote for a seed line, derived here independently
 * of `createdByForDockerfileLine`: before a Windows image's SHELL step the base layers have no shell;
 * after it, every step is prefixed by the Shell array; Linux steps by `/bin/sh -c`.
 */
function dockerCreatedBy({ line, shell, afterShellStep }: SeedLine): string {
  if (shell && !afterShellStep) return line.replace(/^RUN /, '');
  const prefix = shell ? POWERSHELL_PREFIX : '/bin/sh -c ';
  if (line.startsWith('RUN ')) return prefix + line.slice(4);
  return prefix + (/^(ADD|COPY) /.test(line) ? '#(nop) ' : '#(nop)  ') + line;
}

const allSeedLines = seedLines();

describe('dockerfileLines on the seeds', () => {
  it('finds every history line of both seeds (77 in 6 Linux images, 33 in 3 Windows images)', () => {
    expect(allSeedLines).toHaveLength(110);
    expect(allSeedLines.filter((l) => l.shell)).toHaveLength(33);
  });

  it.each(allSeedLines.map((l) => [l.line.slice(0, 60), l] as const))('%s', (_title, seedLine) => {
    expect(dockerfileLines(dockerCreatedBy(seedLine), seedLine.shell, 'seed')).toBe(seedLine.line);
    // The BuildKit rules of the current format do not change any seed line (§4.2).
    expect(dockerfileLines(dockerCreatedBy(seedLine), seedLine.shell, 'current')).toBe(seedLine.line);
  });
});

describe('dockerfileLines, seed style (§4.1, §4.3)', () => {
  it.each<[string, string | undefined, readonly string[] | null | undefined, string]>([
    ['an ENV no-op', '/bin/sh -c #(nop)  ENV LANG=C.UTF-8', undefined, 'ENV LANG=C.UTF-8'],
    ['ADD keeps its trailing space', '/bin/sh -c #(nop) ADD file:2a1fc93 in / ', undefined, 'ADD file:2a1fc93 in / '],
    ['a command gets RUN', '/bin/sh -c apk add --no-cache ca-certificates', undefined, 'RUN apk add --no-cache ca-certificates'],
    ['tabs are kept', '/bin/sh -c set -ex \t&& apk add \t\tgnupg', undefined, 'RUN set -ex \t&& apk add \t\tgnupg'],
    ['a heredoc keeps its newlines', '/bin/sh -c cat <<EOF > /x\nhello\nEOF', undefined, 'RUN cat <<EOF > /x\nhello\nEOF'],
    [
      'Windows SHELL step, prefixed by the new shell',
      `${POWERSHELL_PREFIX}#(nop)  SHELL [powershell -Command $ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';]`,
      POWERSHELL,
      "SHELL [powershell -Command $ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';]",
    ],
    ['Windows base layer', 'Apply image 1607-RTM-amd64', POWERSHELL, 'RUN Apply image 1607-RTM-amd64'],
    ['Windows update layer', 'Install update ltsc2016-amd64', POWERSHELL, 'RUN Install update ltsc2016-amd64'],
    ['Windows command under Shell', `${POWERSHELL_PREFIX}Write-Host 'hi'; \tdir`, POWERSHELL, "RUN Write-Host 'hi'; \tdir"],
    ['/bin/sh -c is still tried on Windows', '/bin/sh -c #(nop)  ENV A=1', POWERSHELL, 'ENV A=1'],
    ['cmd /S /C is not recognised', 'cmd /S /C #(nop)  ENV X=1', undefined, 'RUN cmd /S /C #(nop)  ENV X=1'],
    ['cmd /S /C COPY', 'cmd /S /C #(nop) COPY file:abc in C:\\ ', undefined, 'RUN cmd /S /C #(nop) COPY file:abc in C:\\ '],
    [
      'build args',
      '|2 MAVEN_VERSION=3.3.9 USER_HOME_DIR=/root /bin/sh -c mkdir -p /usr/share/maven',
      undefined,
      '# ARGS: MAVEN_VERSION=3.3.9 USER_HOME_DIR=/root\nRUN mkdir -p /usr/share/maven',
    ],
    ['build args end at the first shell', '|1 A=1 /bin/sh -c x /bin/sh -c echo', undefined, '# ARGS: A=1\nRUN x /bin/sh -c echo'],
    ['build args with a Windows shell', `|1 V=1 ${POWERSHELL_PREFIX}Write-Host $env:V`, POWERSHELL, '# ARGS: V=1\nRUN Write-Host $env:V'],
    ['build args of a no-op', '|1 V=1 /bin/sh -c #(nop)  ENV X=$V', undefined, '# ARGS: V=1\nENV X=$V'],
    [
      'build args without a shell cannot be parsed',
      '|6 a=1 b=2 c=3 d=4 e=a b c f=a b " c echo $a',
      undefined,
      '# unable to parse image command string further:\n|6 a=1 b=2 c=3 d=4 e=a b c f=a b " c echo $a',
    ],
    [
      'build args cannot span a newline',
      '|1 A=x\ny /bin/sh -c true',
      undefined,
      '# unable to parse image command string further:\n|1 A=x\ny /bin/sh -c true',
    ],
    ['a missing created_by', undefined, undefined, 'RUN '],
    ['an empty created_by', '', undefined, 'RUN '],
    ['#(nop) without any shell', '#(nop)  ENV A=1', undefined, 'ENV A=1'],
    ['#(nop) needs a space after it', '/bin/sh -c #(nop)ENV A=1', undefined, 'RUN #(nop)ENV A=1'],
    ['#(nop) takes spaces only, not a tab', '/bin/sh -c #(nop)\tENV A=1', undefined, 'RUN #(nop)\tENV A=1'],
    ['only one shell prefix is stripped', '/bin/sh -c /bin/sh -c true', undefined, 'RUN /bin/sh -c true'],
    ['BuildKit RUN is doubled in the seed era (§4.2)', 'RUN /bin/sh -c make # buildkit', undefined, 'RUN RUN /bin/sh -c make # buildkit'],
    ['BuildKit ENV gets RUN in the seed era', 'ENV A=1', undefined, 'RUN ENV A=1'],
    ['an empty Shell array adds the prefix " "', ' #(nop)  ENV A=1', [], 'ENV A=1'],
    ['a null Shell is no shell', ' #(nop)  ENV A=1', null, 'RUN  #(nop)  ENV A=1'],
  ])('%s', (_name, createdBy, shell, expected) => {
    expect(dockerfileLines(createdBy, shell, 'seed')).toBe(expected);
  });

  it('reads the real history of fedora:23 (Docker 1.10, one space after #(nop))', () => {
    const config = JSON.parse(readFileSync(`${FIXTURES_DIR}fedora-23/config.json`, 'utf8')) as {
      history: Array<{ created_by?: string }>;
    };
    expect(config.history.map((h) => dockerfileLines(h.created_by, null, 'seed'))).toEqual([
      'MAINTAINER Patrick Uiterwijk <patrick@puiterwijk.org>',
      'ADD file:293a6e463aa402bb8f80eb5cfc937f375cedc6843abaeb9eccfe3923bb3fc80b in /',
    ]);
  });
});

describe('dockerfileLines, current style (§4.2)', () => {
  it.each<[string | undefined, readonly string[] | undefined, string]>([
    ['RUN /bin/sh -c apk add --no-cache ca-certificates # buildkit', undefined, 'RUN apk add --no-cache ca-certificates # buildkit'],
    ['ENV LANG=C.UTF-8', undefined, 'ENV LANG=C.UTF-8'],
    ['COPY /rootfs/ / # buildkit', undefined, 'COPY /rootfs/ / # buildkit'],
    ['ADD alpine-minirootfs-3.19.1-x86_64.tar.gz / # buildkit', undefined, 'ADD alpine-minirootfs-3.19.1-x86_64.tar.gz / # buildkit'],
    ['EXPOSE map[8080/tcp:{}]', undefined, 'EXPOSE map[8080/tcp:{}]'],
    ['ARG version=1.2.3', undefined, 'ARG version=1.2.3'],
    ['WORKDIR /usr/src/app', undefined, 'WORKDIR /usr/src/app'],
    ['USER nobody', undefined, 'USER nobody'],
    ['CMD ["php" "-a"]', undefined, 'CMD ["php" "-a"]'],
    ['ENTRYPOINT ["docker-php-entrypoint"]', undefined, 'ENTRYPOINT ["docker-php-entrypoint"]'],
    ['STOPSIGNAL SIGINT', undefined, 'STOPSIGNAL SIGINT'],
    ['LABEL org.opencontainers.image.title=Arch Linux base Image', undefined, 'LABEL org.opencontainers.image.title=Arch Linux base Image'],
    ['RUN |1 VERSION=1.2 /bin/sh -c make install # buildkit', undefined, '# ARGS: VERSION=1.2\nRUN make install # buildkit'],
    ['RUN ldconfig &&     sed -i x /etc/os-release # buildkit', undefined, 'RUN ldconfig &&     sed -i x /etc/os-release # buildkit'],
    ['Apply image 10.0.17763.1', undefined, 'RUN Apply image 10.0.17763.1'],
    ['/bin/sh -c #(nop)  CMD ["/bin/sh"]', undefined, 'CMD ["/bin/sh"]'],
    ['/bin/sh -c FOO bar', undefined, 'FOO bar'],
    ['/bin/sh -c Apk add', undefined, 'RUN Apk add'],
    [undefined, undefined, 'RUN '],
    [`RUN ${POWERSHELL_PREFIX}Write-Host hi # buildkit`, POWERSHELL, 'RUN Write-Host hi # buildkit'],
  ])('%j → %j', (createdBy, shell, expected) => {
    expect(dockerfileLines(createdBy, shell, 'current')).toBe(expected);
  });
});

describe('createdByForDockerfileLine', () => {
  it.each<[string, readonly string[] | undefined, string]>([
    ['ENV LANG=C.UTF-8', undefined, '/bin/sh -c #(nop)  ENV LANG=C.UTF-8'],
    ['CMD ["/bin/sh"]', undefined, '/bin/sh -c #(nop)  CMD ["/bin/sh"]'],
    ['ADD file:2a1fc93 in / ', undefined, '/bin/sh -c #(nop) ADD file:2a1fc93 in / '],
    ['COPY file:a10c133 in /etc/localtime ', undefined, '/bin/sh -c #(nop) COPY file:a10c133 in /etc/localtime '],
    ['WORKDIR /usr/src/app', undefined, '/bin/sh -c #(nop) WORKDIR /usr/src/app'],
    ['RUN apk add --no-cache ca-certificates', undefined, '/bin/sh -c apk add --no-cache ca-certificates'],
    ['RUN Apply image 1607-RTM-amd64', POWERSHELL, 'Apply image 1607-RTM-amd64'],
    ['RUN Install update ltsc2016-amd64', POWERSHELL, 'Install update ltsc2016-amd64'],
    ['ENV PYTHON_VERSION=3.8.0rc1', POWERSHELL, `${POWERSHELL_PREFIX}#(nop)  ENV PYTHON_VERSION=3.8.0rc1`],
    ['RUN Write-Host hi', POWERSHELL, `${POWERSHELL_PREFIX}Write-Host hi`],
    ['RUN cmd /S /C #(nop)  ENV X=1', undefined, 'cmd /S /C #(nop)  ENV X=1'],
    ['# ARGS: A=1 B=two words\nRUN make', undefined, '|2 A=1 B=two words /bin/sh -c make'],
    ['# unable to parse image command string further:\n|1 A=1 echo', undefined, '|1 A=1 echo'],
    ['RUN ', undefined, '/bin/sh -c '],
  ])('%j → %j', (line, shell, expected) => {
    expect(createdByForDockerfileLine(line, shell)).toBe(expected);
  });

  it.each(allSeedLines.map((l) => [l.line.slice(0, 60), l] as const))('round-trips the seed line %s', (_title, { line, shell }) => {
    expect(dockerfileLines(createdByForDockerfileLine(line, shell), shell, 'seed')).toBe(line);
  });

  it.each<[string, string]>([
    ['RUN apk add --no-cache ca-certificates # buildkit', 'RUN /bin/sh -c apk add --no-cache ca-certificates # buildkit'],
    ['COPY /rootfs/ / # buildkit', 'COPY /rootfs/ / # buildkit'],
    ['# ARGS: VERSION=1.2\nRUN make install # buildkit', 'RUN |1 VERSION=1.2 /bin/sh -c make install # buildkit'],
    ['ENV LANG=C.UTF-8', '/bin/sh -c #(nop)  ENV LANG=C.UTF-8'],
    ['RUN Apply image 10.0.17763.1', 'Apply image 10.0.17763.1'],
  ])('current style: %j → %j, and back', (line, createdBy) => {
    expect(createdByForDockerfileLine(line, undefined, 'current')).toBe(createdBy);
    expect(dockerfileLines(createdBy, undefined, 'current')).toBe(line);
  });

  it.each([
    'RUN cat <<EOF > /x\nhello\nEOF',
    '# ARGS: MAVEN_VERSION=3.3.9 USER_HOME_DIR=/root\nRUN mkdir -p /usr/share/maven',
    '# ARGS: V=1\nENV X=$V',
    '# unable to parse image command string further:\n|6 a=1 b=2 c=3 d=4 e=a b c f=a b " c echo $a',
    'RUN cmd /S /C #(nop) COPY file:abc in C:\\ ',
    'MAINTAINER someone',
    'RUN ',
  ])('round-trips %j', (line) => {
    expect(dockerfileLines(createdByForDockerfileLine(line), undefined, 'seed')).toBe(line);
  });
});
