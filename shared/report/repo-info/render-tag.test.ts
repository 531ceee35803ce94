import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FoundTagReport, LayerInfo, PlatformImage } from '../../image/image-report';
import { MediaType } from '../../image/media-types';
import { attestationImage, buildkitImage, digestOf, missingReport, ociIndexReport, singleManifestReport } from '../testing/report-fixtures';
import { renderRepoInfoTag } from './render-tag';
import { parseRepoInfoTag } from './testing/parse-repo-info';
import { tagReportFromParsed } from './testing/tag-report-from-parsed';

const SEEDS_DIR = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));
const SEEDS = ['000_a0541aaf136dac44.txt', '002_9acc49f7136cd0b3.txt'];

/** Markdown from lines; every line ends with LF, as in repo-info's files. */
function md(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

describe('renderRepoInfoTag reproduces the seeds', () => {
  it.each(SEEDS)('%s, byte for byte', (name) => {
    const seed = readFileSync(`${SEEDS_DIR}${name}`, 'utf8');
    const parsed = parseRepoInfoTag(seed);
    expect(parsed.kind === 'found' && parsed.style).toBe('seed');
    expect(renderRepoInfoTag(tagReportFromParsed(parsed), { style: 'seed' })).toBe(seed);
  });

  it('and the current style differs only in the Platforms line', () => {
    const seed = readFileSync(`${SEEDS_DIR}${SEEDS[0] ?? ''}`, 'utf8');
    const report = tagReportFromParsed(parseRepoInfoTag(seed));
    expect(renderRepoInfoTag(report, { style: 'current' })).toBe(seed.replace('-\tPlatforms:\n', '-\tPlatforms: 6\n'));
  });
});

describe('renderRepoInfoTag, other shapes', () => {
  it('a tag that does not exist (§6.3)', () => {
    expect(renderRepoInfoTag(missingReport('consul:9.9'), { style: 'seed' })).toBe('## `consul:9.9`\n\n**does not exist** (yet?)\n');
  });

  it('a single manifest: no list MIME, no per-image pull, config os/arch only (§6.2)', () => {
    const report = singleManifestReport();
    const [image] = report.images;
    // A variant in the config or the platform is not shown for a single manifest.
    const withVariant = { ...report, images: image ? [{ ...image, config: { ...image.config, variant: 'v8' }, platform: { ...image.platform, variant: 'v8' } }] : [] };
    expect(renderRepoInfoTag(withVariant, { style: 'seed' })).toBe(
      md(
        '## `httpd:2.4.23`',
        '',
        '```console',
        `$ docker pull httpd@${digestOf('3')}`,
        '```',
        '',
        '-\tPlatforms:',
        '\t-\tlinux; amd64',
        '',
        '### `httpd:2.4.23` - linux; amd64',
        '',
        '-\tDocker Version: 1.12.1',
        '-\tManifest MIME: `application/vnd.docker.distribution.manifest.v2+json`',
        '-\tTotal Size: **51.4 MB (51366494 bytes)**  ',
        '\t(compressed transfer size, not on-disk size)',
        `-\tImage ID: \`${digestOf('4')}\``,
        '-\tDefault Command: `["httpd-foreground"]`',
        '',
        '```dockerfile',
        '# Tue, 13 Sep 2016 23:22:40 GMT',
        'ADD file:d6ee3ba7 in / ',
        '# Tue, 13 Sep 2016 23:22:41 GMT',
        'CMD ["/bin/bash"]',
        '# Wed, 14 Sep 2016 01:03:33 GMT',
        'CMD ["httpd-foreground"]',
        '```',
        '',
        '-\tLayers:',
        `\t-\t\`${digestOf('5')}\`  `,
        '\t\tLast Modified: Tue, 13 Sep 2016 23:25:12 GMT  ',
        '\t\tSize: 51.4 MB (51365244 bytes)  ',
        '\t\tMIME: application/vnd.docker.image.rootfs.diff.tar.gzip',
        `\t-\t\`${digestOf('6')}\`  `,
        '\t\tLast Modified: Wed, 14 Sep 2016 01:05:09 GMT  ',
        '\t\tSize: 1.2 KB (1250 bytes)  ',
        '\t\tMIME: application/vnd.docker.image.rootfs.diff.tar.gzip',
      ),
    );
  });

  it('an OCI index with an attestation, current style (§9)', () => {
    expect(renderRepoInfoTag(ociIndexReport(), { style: 'current' })).toBe(
      md(
        '## `archlinux:latest`',
        '',
        '```console',
        `$ docker pull archlinux@${digestOf('0')}`,
        '```',
        '',
        '-\tManifest MIME: `application/vnd.oci.image.index.v1+json`',
        '-\tPlatforms: 2',
        '\t-\tlinux; amd64',
        '\t-\tunknown; unknown',
        '',
        '### `archlinux:latest` - linux; amd64',
        '',
        '```console',
        `$ docker pull archlinux@${digestOf('1')}`,
        '```',
        '',
        // An OCI manifest still says docker v2 here, and BuildKit wrote no docker_version.
        '-\tManifest MIME: `application/vnd.docker.distribution.manifest.v2+json`',
        '-\tTotal Size: **151.2 MB (151248650 bytes)**  ',
        '\t(compressed transfer size, not on-disk size)',
        `-\tImage ID: \`${digestOf('c')}\``,
        '-\tDefault Command: `["\\/usr\\/bin\\/bash"]`',
        '',
        '```dockerfile',
        '# Sun, 28 Jul 2024 00:07:38 GMT',
        'COPY /rootfs/ / # buildkit',
        '# Sun, 28 Jul 2024 00:07:38 GMT',
        'RUN ldconfig # buildkit',
        '# Sun, 28 Jul 2024 00:07:38 GMT',
        'ENV LANG=C.UTF-8',
        '# Sun, 28 Jul 2024 00:07:38 GMT',
        'CMD ["/usr/bin/bash"]',
        '```',
        '',
        '-\tLayers:',
        `\t-\t\`${digestOf('a')}\`  `,
        '\t\tLast Modified: Mon, 29 Jul 2024 18:56:40 GMT  ',
        '\t\tSize: 151.2 MB (151240373 bytes)  ',
        '\t\tMIME: application/vnd.oci.image.layer.v1.tar+gzip',
        `\t-\t\`${digestOf('b')}\`  `,
        '\t\tLast Modified: Mon, 29 Jul 2024 18:56:37 GMT  ',
        '\t\tSize: 8.3 KB (8277 bytes)  ',
        '\t\tMIME: application/vnd.oci.image.layer.v1.tar+gzip',
        '',
        '### `archlinux:latest` - unknown; unknown',
        '',
        '```console',
        `$ docker pull archlinux@${digestOf('2')}`,
        '```',
        '',
        '-\tManifest MIME: `application/vnd.docker.distribution.manifest.v2+json`',
        '-\tTotal Size: **8.1 MB (8117992 bytes)**  ',
        '\t(compressed transfer size, not on-disk size)',
        `-\tImage ID: \`${digestOf('d')}\``,
        '',
        '```dockerfile',
        '```',
        '',
        '-\tLayers:',
        `\t-\t\`${digestOf('e')}\`  `,
        '\t\tLast Modified: Mon, 29 Jul 2024 18:56:37 GMT  ',
        '\t\tSize: 8.1 MB (8106271 bytes)  ',
        '\t\tMIME: application/vnd.in-toto+json',
        `\t-\t\`${digestOf('f')}\`  `,
        '\t\tLast Modified: Mon, 29 Jul 2024 18:56:37 GMT  ',
        '\t\tSize: 11.7 KB (11721 bytes)  ',
        '\t\tMIME: application/vnd.in-toto+json',
      ),
    );
  });

  it('the same index in the seed style: no count, BuildKit lines as the 2019 generator mangled them', () => {
    const text = renderRepoInfoTag(ociIndexReport(), { style: 'seed' });
    expect(text).toContain('\n-\tPlatforms:\n\t-\tlinux; amd64\n');
    expect(text).toContain('\nRUN COPY /rootfs/ / # buildkit\n');
    expect(text).toContain('\nRUN RUN /bin/sh -c ldconfig # buildkit\n');
    expect(text).toContain('\nRUN ENV LANG=C.UTF-8\n');
  });

  it('an empty index lists no platforms and has no sections', () => {
    expect(renderRepoInfoTag(ociIndexReport({ images: [] }), { style: 'current' })).toBe(
      md('## `archlinux:latest`', '', '```console', `$ docker pull archlinux@${digestOf('0')}`, '```', '', '-\tManifest MIME: `application/vnd.oci.image.index.v1+json`', '-\tPlatforms: 0'),
    );
  });

  it('a signed attestation: missing created_by and Go zero time (§4.3)', () => {
    const signed = attestationImage({ config: { history: [{ created: '0001-01-01T00:00:00Z' }, { created: '0001-01-01T00:00:00Z' }] } });
    const text = renderRepoInfoTag(ociIndexReport({ images: [signed] }), { style: 'current' });
    expect(text).toContain('```dockerfile\n# Mon, 01 Jan 2001 00:00:00 GMT\nRUN \n# Mon, 01 Jan 2001 00:00:00 GMT\nRUN \n```\n');
  });
});

/** Renders one linux/amd64 list entry changed by `change`, current style. */
function renderImage(change: (image: PlatformImage) => PlatformImage): string {
  return renderRepoInfoTag(ociIndexReport({ images: [change(buildkitImage())] }), { style: 'current' });
}

function withRuntime(config: NonNullable<PlatformImage['config']['config']>) {
  return (image: PlatformImage): PlatformImage => ({ ...image, config: { ...image.config, config } });
}

function withLayers(layers: LayerInfo[]) {
  return (image: PlatformImage): PlatformImage => ({ ...image, layers });
}

describe('renderRepoInfoTag, optional lines (§3)', () => {
  it.each<[string, (image: PlatformImage) => PlatformImage, string[], string[]]>([
    ['Entrypoint only when non-empty', withRuntime({ Entrypoint: [] }), [], ['Entrypoint']],
    ['Entrypoint with Mojo escaping', withRuntime({ Entrypoint: ['/docker-entrypoint.sh'] }), ['-\tEntrypoint: `["\\/docker-entrypoint.sh"]`'], []],
    ['an empty Cmd prints []', withRuntime({ Cmd: [] }), ['-\tDefault Command: `[]`'], []],
    ['a null Cmd prints nothing', withRuntime({ Cmd: null }), [], ['Default Command']],
    ['a null config prints no Entrypoint, Cmd or SHELL', (i) => ({ ...i, config: { ...i.config, config: null } }), [], ['Entrypoint', 'Default Command', 'SHELL']],
    ['SHELL after Default Command', withRuntime({ Cmd: ['a'], Shell: ['cmd', '/S', '/C'] }), ['-\tDefault Command: `["a"]`\n-\t`SHELL`: `["cmd","\\/S","\\/C"]`\n'], []],
    ['an empty Shell still prints', withRuntime({ Shell: [] }), ['-\t`SHELL`: `[]`'], []],
    ['Docker Version when set', (i) => ({ ...i, config: { ...i.config, docker_version: '18.06.1-ce' } }), ['\n-\tDocker Version: 18.06.1-ce\n-\tManifest MIME'], []],
    ['no Docker Version for "" (Perl false)', (i) => ({ ...i, config: { ...i.config, docker_version: '' } }), [], ['Docker Version']],
    ['no Image ID without a config digest', (i) => ({ ...i, configDigest: '' }), [], ['Image ID']],
    ['no history: an empty fence', (i) => ({ ...i, config: { ...i.config, history: [] } }), ['```dockerfile\n```\n'], []],
    [
      'a layer without size or Last-Modified',
      withLayers([{ digest: digestOf('a'), mediaType: MediaType.ociLayer }]),
      [`\t-\t\`${digestOf('a')}\`  \n\t\tMIME: application/vnd.oci.image.layer.v1.tar+gzip\n`, 'Total Size: **0.0 B**  '],
      ['\t\tSize: ', 'Last Modified'],
    ],
    ['an empty MIME still prints', withLayers([{ digest: digestOf('a'), mediaType: '', size: 5 }]), ['\t\tSize: 5.0 B  \n\t\tMIME: \n'], []],
    [
      'an unreadable Last-Modified prints epoch 0',
      withLayers([{ digest: digestOf('a'), mediaType: MediaType.ociLayer, lastModified: 'yesterday' }]),
      ['\t\tLast Modified: Thu, 01 Jan 1970 00:00:00 GMT  \n'],
      [],
    ],
    [
      'Total Size counts foreign layers and skips unknown sizes (§8)',
      withLayers([
        { digest: digestOf('a'), mediaType: MediaType.dockerForeignLayer, size: 4069985900, urls: ['https://go.microsoft.com/x'] },
        { digest: digestOf('b'), mediaType: MediaType.dockerLayer },
        { digest: digestOf('c'), mediaType: MediaType.dockerLayer, size: 1218 },
      ]),
      ['Total Size: **4.1 GB (4069987118 bytes)**  '],
      [],
    ],
    ['a list entry shows its variant', (i) => ({ ...i, platform: { os: 'linux', architecture: 'arm', variant: 'v6' } }), ['\t-\tlinux; arm variant v6\n', '` - linux; arm variant v6\n'], []],
    ['a schema-1 entry says v1', (i) => ({ ...i, manifestMediaType: MediaType.dockerManifestV1Signed }), ['Manifest MIME: `application/vnd.docker.distribution.manifest.v1+json`'], []],
  ])('%s', (_name, change, present, absent) => {
    const text = renderImage(change);
    for (const fragment of present) expect(text).toContain(fragment);
    for (const fragment of absent) expect(text).not.toContain(fragment);
  });

  it('prints heading and pull lines from display and pullName', () => {
    const report: FoundTagReport = ociIndexReport({ display: 'ghcr.io/acme/app:v1', pullName: 'ghcr.io/acme/app' });
    const text = renderRepoInfoTag(report, { style: 'current' });
    expect(text.startsWith('## `ghcr.io/acme/app:v1`\n')).toBe(true);
    expect(text).toContain(`$ docker pull ghcr.io/acme/app@${digestOf('0')}\n`);
    expect(text).toContain('### `ghcr.io/acme/app:v1` - unknown; unknown\n');
  });
});
