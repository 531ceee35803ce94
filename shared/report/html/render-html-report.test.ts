import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import type { PlatformImage, TagReport } from '../../image/image-report';
import { attestationImage, buildkitImage, digestOf, missingReport, ociIndexReport, singleManifestReport } from '../testing/report-fixtures';
import { renderHtmlReport } from './render-html-report';
import { escapeHtml, html } from './safe-html';

const META = { generator: 'regscope 0.1.0', generatedAt: '2026-01-02T03:04:05.000Z' };
const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';

/** Parses the page the way a browser would, without running anything. */
function parse(text: string): Window['document'] {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(text);
  return window.document;
}

/** An image whose history, labels, env and layer fields all carry markup. */
function hostileImage(): PlatformImage {
  const image = buildkitImage();
  return {
    ...image,
    platform: { os: 'linux', architecture: IMG },
    annotations: { note: SCRIPT },
    config: {
      ...image.config,
      docker_version: SCRIPT,
      config: { Cmd: [SCRIPT], Labels: { [IMG]: IMG }, Env: [`X=${SCRIPT}`], WorkingDir: IMG },
      history: [{ created: '2024-07-28T00:07:38Z', created_by: `/bin/sh -c echo ${SCRIPT}` }],
    },
    layers: [{ digest: digestOf('a'), mediaType: IMG, size: 10, urls: [`javascript:${IMG}`], lastModified: SCRIPT }],
  };
}

function hostileReport(): TagReport {
  return ociIndexReport({ display: `evil:${IMG}`, pullName: `evil${SCRIPT}`, images: [hostileImage()] });
}

describe('renderHtmlReport escapes everything from the image', () => {
  const text = renderHtmlReport([hostileReport()], { generator: SCRIPT, generatedAt: IMG });
  const document = parse(text);

  it('has no script or img element and no event handler', () => {
    expect(text).not.toMatch(/<script/i);
    expect(text).not.toMatch(/<img/i);
    expect(document.querySelectorAll('script, img, iframe, object, embed, link')).toHaveLength(0);
    expect([...document.querySelectorAll('*')].flatMap((element) => element.getAttributeNames()).filter((name) => name.startsWith('on'))).toEqual([]);
  });

  it('shows the hostile text as text', () => {
    expect(text).toContain('RUN echo &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(document.querySelector('table.history pre')?.textContent).toBe(`RUN echo ${SCRIPT}`);
    const label = document.querySelector('table.labels tbody tr');
    expect([...(label?.querySelectorAll('td') ?? [])].map((cell) => cell.textContent)).toEqual([IMG, IMG]);
    expect(document.querySelector('h2')?.textContent).toBe(`evil:${IMG}`);
    expect(document.title).toBe(`Image report: evil:${IMG}`);
    expect(document.querySelector('meta[name="generator"]')?.getAttribute('content')).toBe(SCRIPT);
  });

  it('does not turn a foreign-layer URL into a link', () => {
    expect([...document.querySelectorAll('a')].map((a) => a.getAttribute('href')).every((href) => href?.startsWith('#'))).toBe(true);
  });
});

describe('renderHtmlReport page', () => {
  const reports: TagReport[] = [ociIndexReport(), singleManifestReport(), missingReport('consul:9.9')];
  const text = renderHtmlReport(reports, META);
  const document = parse(text);

  it('is self-contained: a strict CSP, inline styles only, nothing remote', () => {
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(text).not.toMatch(/\b(?:src|href)="(?!#)/);
    expect(text).not.toMatch(/@import|url\(/);
    expect(text.startsWith('<!doctype html>\n')).toBe(true);
  });

  it('follows light/dark and has print rules', () => {
    const css = document.querySelector('style')?.textContent ?? '';
    expect(css).toContain('@media (prefers-color-scheme: dark)');
    expect(css).toContain('@media print');
  });

  it('has a section per tag, a contents list and a platforms table per found tag', () => {
    expect([...document.querySelectorAll('section.tag > h2')].map((h) => h.textContent)).toEqual(['archlinux:latest', 'httpd:2.4.23', 'consul:9.9']);
    expect([...document.querySelectorAll('nav a')].map((a) => a.getAttribute('href'))).toEqual(['#tag-1', '#tag-2', '#tag-3']);
    const platformRows = [...document.querySelectorAll('#tag-1 table.platforms tbody tr')];
    expect(platformRows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent))).toEqual([
      ['linux; amd64', 'image', digestOf('1'), '151.2 MB', '2', '2024-07-28 00:07:38 UTC'],
      ['unknown; unknown', 'attestation', digestOf('2'), '8.1 MB', '2', ''],
    ]);
    expect(document.querySelector('#tag-3 .missing')?.textContent).toBe('The registry does not have this tag.');
  });

  it('lists layers and history of each image', () => {
    const layers = [...document.querySelectorAll('#tag-1-image-1 table.layers tbody tr')];
    expect(layers.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent))).toEqual([
      ['1', digestOf('a'), '151.2 MB', 'application/vnd.oci.image.layer.v1.tar+gzip', 'Mon, 29 Jul 2024 18:56:40 GMT'],
      ['2', digestOf('b'), '8.3 KB', 'application/vnd.oci.image.layer.v1.tar+gzip', 'Mon, 29 Jul 2024 18:56:37 GMT'],
    ]);
    expect(layers[0]?.querySelectorAll('td')[2]?.getAttribute('title')).toBe('151240373 bytes');
    expect([...document.querySelectorAll('#tag-1-image-1 table.history pre')].map((pre) => pre.textContent)).toEqual([
      'COPY /rootfs/ / # buildkit',
      'RUN ldconfig # buildkit',
      'ENV LANG=C.UTF-8',
      'CMD ["/usr/bin/bash"]',
    ]);
    expect(document.querySelector('#tag-1-image-2 h3')?.textContent).toBe('unknown; unknownattestation');
    expect(document.querySelector('#tag-1-image-2 .muted')?.textContent).toBe('No build history.');
  });

  it('summarises the whole report in the header', () => {
    expect(document.querySelector('header .meta')?.textContent).toContain('3 references, 3 images, 210.7 MB compressed in all.');
  });

  it('has no contents list for a single reference', () => {
    expect(parse(renderHtmlReport([attestationImageReport()], META)).querySelector('nav')).toBeNull();
  });
});

function attestationImageReport(): TagReport {
  return ociIndexReport({ images: [attestationImage()] });
}

describe('html template tag', () => {
  it.each<[string, string]>([
    ['&', '&amp;'],
    ['<b>', '&lt;b&gt;'],
    [`"'`, '&quot;&#39;'],
    ['plain', 'plain'],
  ])('escapes %s as %s', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
    expect(html`<p title="${input}">${input}</p>`.value).toBe(`<p title="${expected}">${expected}</p>`);
  });

  it('keeps nested markup and drops empty values', () => {
    expect(html`<ul>${[html`<li>${'<a>'}</li>`, html`<li>b</li>`]}${undefined}${false}${null}</ul>`.value).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>');
  });
});
