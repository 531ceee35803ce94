import { describe, expect, it } from 'vitest';
import type { TagReport } from '../image/image-report';
import { EXPORTERS, EXPORT_FORMATS, defaultRepoName, exportReports, isExportFormat, type ExportOptions } from './export-formats';
import { renderRepoInfoTag } from './repo-info/render-tag';
import { missingReport, ociIndexReport, singleManifestReport } from './testing/report-fixtures';

const OPTIONS: ExportOptions = { style: 'current', generator: 'regscope 0.1.0', generatedAt: '2026-01-02T03:04:05.000Z' };

describe('exportReports', () => {
  it('has an exporter for every listed format and no other', () => {
    expect(Object.keys(EXPORTERS).sort()).toEqual([...EXPORT_FORMATS].sort());
  });

  it.each<[string, readonly string[]]>([
    ['repo-info', ['md', 'text/markdown; charset=utf-8']],
    ['json', ['json', 'application/json; charset=utf-8']],
    ['html', ['html', 'text/html; charset=utf-8']],
  ])('%s files are .%s', (format, [extension, mimeType]) => {
    if (!isExportFormat(format)) throw new Error(format);
    const result = exportReports(format, [ociIndexReport()], OPTIONS);
    expect([result.fileExtension, result.mimeType]).toEqual([extension, mimeType]);
    expect(result.text.endsWith('\n')).toBe(true);
  });

  it('repo-info: one report is exactly its remote/<tag>.md, in the chosen style', () => {
    const report = ociIndexReport();
    expect(exportReports('repo-info', [report], { ...OPTIONS, style: 'seed' }).text).toBe(renderRepoInfoTag(report, { style: 'seed' }));
  });

  it.each<[string, TagReport[], string | undefined, string]>([
    ['several reports: tag-details of the first repository', [singleManifestReport(), missingReport('httpd:9')], undefined, '# Tags of `httpd`'],
    ['several reports with a repository named', [singleManifestReport(), missingReport('httpd:9')], 'library/httpd', '# Tags of `library/httpd`'],
    ['no reports', [], 'consul', '# Tags of `consul`\n\n-\t**No supported tags**\n'],
  ])('repo-info: %s', (_name, reports, repoName, expected) => {
    const text = exportReports('repo-info', reports, { ...OPTIONS, ...(repoName ? { repoName } : {}) }).text;
    expect(text.startsWith("<!-- THIS FILE IS GENERATED VIA './update-remote.sh' -->\n")).toBe(true);
    expect(text).toContain(expected);
  });

  it('json and html carry the generator and date', () => {
    expect(JSON.parse(exportReports('json', [], OPTIONS).text)).toEqual({ formatVersion: 1, generator: 'regscope 0.1.0', generatedAt: '2026-01-02T03:04:05.000Z', reports: [] });
    expect(exportReports('html', [], OPTIONS).text).toContain('<meta name="generator" content="regscope 0.1.0">');
  });
});

describe('defaultRepoName', () => {
  it.each<[string, string]>([
    ['python:3.8-rc-alpine', 'python'],
    ['localhost:5000/app:v1', 'localhost:5000/app'],
    ['localhost:5000/app', 'localhost:5000/app'],
    ['python@sha256:abc', 'python'],
  ])('%s → %s', (display, expected) => {
    expect(defaultRepoName([missingReport(display)])).toBe(expected);
  });

  it('is empty without reports', () => {
    expect(defaultRepoName([])).toBe('');
  });

  it.each(['markdown', 'JSON', ''])('%j is not a format', (value) => {
    expect(isExportFormat(value)).toBe(false);
  });
});
