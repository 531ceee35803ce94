import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TagReport } from '../../image/image-report';
import { parseRepoInfoTag } from '../repo-info/testing/parse-repo-info';
import { tagReportFromParsed } from '../repo-info/testing/tag-report-from-parsed';
import { attestationImage, buildkitImage, digestOf, missingReport, ociIndexReport, singleManifestReport } from '../testing/report-fixtures';
import { jsonReportDocument, renderJsonReport, renderJsonReportChunks } from './render-json-report';

const SCHEMA = JSON.parse(readFileSync(fileURLToPath(new URL('./report-schema.v1.json', import.meta.url)), 'utf8')) as Schema;
const README = readFileSync(fileURLToPath(new URL('./README.md', import.meta.url)), 'utf8');
const SEEDS_DIR = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));
const META = { generator: 'regscope 0.1.0', generatedAt: '2026-01-02T03:04:05.000Z' };

/** The subset of JSON Schema 2020-12 that report-schema.v1.json uses. */
interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: boolean | Schema;
  readonly items?: Schema;
  readonly oneOf?: readonly Schema[];
  readonly minimum?: number;
  readonly pattern?: string;
  readonly $defs?: Readonly<Record<string, Schema>>;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * A tiny structural validator for the keywords above (no new dependency): returns the problems
 * found, each with its JSON path. Enough to catch a missing, extra or mistyped field.
 */
function check(schema: Schema, value: unknown, path = '$'): string[] {
  if (schema.$ref) {
    const target = SCHEMA.$defs?.[schema.$ref.replace('#/$defs/', '')];
    return target ? check(target, value, path) : [`${path}: unknown $ref ${schema.$ref}`];
  }
  const problems: string[] = [];
  const actual = typeOf(value);
  if (schema.type && actual !== schema.type && !(schema.type === 'number' && actual === 'integer')) return [`${path}: ${actual}, not ${schema.type}`];
  if ('const' in schema && value !== schema.const) problems.push(`${path}: ${JSON.stringify(value)} is not ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (schema.minimum !== undefined && typeof value === 'number' && value < schema.minimum) problems.push(`${path}: below ${String(schema.minimum)}`);
  if (schema.pattern !== undefined && typeof value === 'string' && !new RegExp(schema.pattern, 'u').test(value)) problems.push(`${path}: does not match ${schema.pattern}`);
  if (schema.oneOf) {
    const matching = schema.oneOf.filter((option) => check(option, value, path).length === 0).length;
    if (matching !== 1) problems.push(`${path}: matches ${String(matching)} of oneOf`);
  }
  if (actual === 'array' && schema.items) (value as unknown[]).forEach((item, i) => problems.push(...check(schema.items ?? {}, item, `${path}[${String(i)}]`)));
  if (actual === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${path}: missing ${key}`);
    for (const [key, item] of Object.entries(record)) {
      const property = schema.properties?.[key];
      if (property) problems.push(...check(property, item, `${path}.${key}`));
      else if (schema.additionalProperties === false) problems.push(`${path}: unexpected ${key}`);
      else if (typeof schema.additionalProperties === 'object') problems.push(...check(schema.additionalProperties, item, `${path}.${key}`));
    }
  }
  return problems;
}

function seedReports(): TagReport[] {
  return ['000_a0541aaf136dac44.txt', '002_9acc49f7136cd0b3.txt'].map((name) => tagReportFromParsed(parseRepoInfoTag(readFileSync(`${SEEDS_DIR}${name}`, 'utf8'))));
}

const fullImage = buildkitImage({
  annotations: { 'org.opencontainers.image.ref.name': 'latest', 'com.docker.official-images.bashbrew.arch': 'amd64' },
  config: {
    ...buildkitImage().config,
    author: 'someone',
    docker_version: '27.0.3',
    variant: 'v8',
    'os.version': '10.0.1',
    rootfs: { type: 'layers', diff_ids: [digestOf('9')] },
    config: {
      Entrypoint: ['/entrypoint.sh'],
      Cmd: [],
      Shell: ['/bin/bash', '-c'],
      Env: ['PATH=/usr/bin', 'LANG=C.UTF-8'],
      Labels: { z: '1', a: '2', M: '3' },
      WorkingDir: '/app',
      User: 'app',
      ExposedPorts: { '8080/tcp': {}, '53/udp': {} },
      StopSignal: 'SIGINT',
    },
  },
  layers: [{ digest: digestOf('a'), mediaType: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip', size: 10, urls: ['https://example.invalid/a'], annotations: { b: '1', a: '2' } }],
});

describe('renderJsonReport', () => {
  it.each<[string, TagReport[]]>([
    ['the seeds', seedReports()],
    ['an OCI index with an attestation', [ociIndexReport()]],
    ['every optional field', [ociIndexReport({ annotations: { b: '1', a: '2' }, images: [fullImage, attestationImage()] })]],
    ['a single manifest', [singleManifestReport()]],
    ['a missing tag and a digest reference', [missingReport(), singleManifestReport({ reference: { registry: 'docker.io', repository: 'library/httpd', digest: digestOf('3') } })]],
    ['nothing', []],
  ])('matches report-schema.v1.json for %s', (_name, reports) => {
    expect(check(SCHEMA, JSON.parse(renderJsonReport(reports, META)))).toEqual([]);
  });

  it.each<[string, (document: Record<string, unknown>) => void, RegExp]>([
    ['a missing digest', (d) => delete firstReport(d).digest, /\$\.reports\[0\]: matches 0 of oneOf/],
    ['an unknown field', (d) => (firstReport(d).extra = 1), /matches 0 of oneOf/],
    ['another format version', (d) => (d.formatVersion = 2), /\$\.formatVersion: 2 is not 1/],
  ])('and the check catches %s', (_name, damage, problem) => {
    const document = JSON.parse(renderJsonReport([ociIndexReport()], META)) as Record<string, unknown>;
    damage(document);
    expect(check(SCHEMA, document).join('\n')).toMatch(problem);
  });

  it('has a stable key order, two-space indent and a final newline', () => {
    const text = renderJsonReport([ociIndexReport({ images: [fullImage] })], META);
    expect(text.startsWith('{\n  "formatVersion": 1,\n  "generator": "regscope 0.1.0",\n  "generatedAt": "2026-01-02T03:04:05.000Z",\n  "reports": [\n')).toBe(true);
    expect(text.endsWith('\n}\n')).toBe(true);
    const image = (JSON.parse(text) as { reports: Array<{ images: Array<Record<string, unknown>> }> }).reports[0]?.images[0] ?? {};
    expect(Object.keys(image)).toEqual([
      'kind', 'digest', 'mediaType', 'manifestSize', 'fromIndex', 'platform', 'platformText', 'annotations', 'compressedSize', 'config', 'layers', 'history',
    ]);
    expect(Object.keys(image.config as object)).toEqual([
      'digest', 'mediaType', 'created', 'author', 'dockerVersion', 'os', 'architecture', 'variant', 'osVersion',
      'entrypoint', 'cmd', 'shell', 'env', 'labels', 'workingDir', 'user', 'exposedPorts', 'stopSignal', 'diffIds',
    ]);
    expect(renderJsonReport([ociIndexReport({ images: [fullImage] })], META)).toBe(text);
  });

  it('sorts labels, annotations and ports by key, and keeps Env in config order', () => {
    const document = JSON.parse(renderJsonReport([ociIndexReport({ images: [fullImage] })], META)) as {
      reports: Array<{ images: Array<{ annotations: object; config: { labels: object; exposedPorts: string[]; env: string[]; cmd: string[] }; layers: Array<{ annotations: object }> }> }>;
    };
    const image = document.reports[0]?.images[0];
    expect(Object.keys(image?.annotations ?? {})).toEqual(['com.docker.official-images.bashbrew.arch', 'org.opencontainers.image.ref.name']);
    expect(Object.keys(image?.config.labels ?? {})).toEqual(['M', 'a', 'z']);
    expect(image?.config.exposedPorts).toEqual(['53/udp', '8080/tcp']);
    expect(image?.config.env).toEqual(['PATH=/usr/bin', 'LANG=C.UTF-8']);
    expect(image?.config.cmd).toEqual([]);
    expect(Object.keys(image?.layers[0]?.annotations ?? {})).toEqual(['a', 'b']);
  });

  it('gives what a script needs about a Windows seed image', () => {
    const document = JSON.parse(renderJsonReport(seedReports().slice(1), META)) as {
      reports: Array<{ pullName: string; images: Array<{ platformText: string; compressedSize: number; history: Array<{ createdBy?: string; dockerfile: string; emptyLayer: boolean }> }> }>;
    };
    const [report] = document.reports;
    expect(report?.pullName).toBe('python');
    expect(report?.images[0]?.platformText).toBe('windows version 10.0.14393.3274; amd64');
    expect(report?.images[0]?.compressedSize).toBe(5788490516);
    expect(report?.images[0]?.history[0]).toEqual({ created: '2016-11-22T23:24:34.123456789Z', createdBy: 'Apply image 1607-RTM-amd64', emptyLayer: false, dockerfile: 'RUN Apply image 1607-RTM-amd64' });
  });

  it('leaves out what the registry did not give instead of writing null', () => {
    const text = renderJsonReport([missingReport(), ociIndexReport({ images: [attestationImage()] })], META);
    expect(text).not.toContain('null');
    expect(JSON.parse(text)).toMatchObject({ reports: [{ kind: 'missing', reference: 'consul:9.9', registry: 'docker.io', repository: 'library/consul', tag: '9.9' }, { kind: 'found' }] });
  });

  it('README.md describes every field of the schema', () => {
    const names = new Set<string>();
    const collect = (schema: Schema): void => {
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        names.add(name);
        collect(property);
      }
      for (const definition of Object.values(schema.$defs ?? {})) collect(definition);
    };
    collect(SCHEMA);
    const undocumented = [...names].filter((name) => !README.includes(`\`${name}\``));
    expect(undocumented).toEqual([]);
  });
});

function firstReport(document: Record<string, unknown>): Record<string, unknown> {
  return (document.reports as Array<Record<string, unknown>>)[0] ?? {};
}

describe('renderJsonReportChunks', () => {
  it.each([
    ['no reports', 0],
    ['one report', 1],
    ['three reports', 3],
  ])('%s: the chunks are exactly JSON.stringify of the whole document', (_label, count) => {
    const pool = [ociIndexReport(), singleManifestReport(), missingReport()];
    const reports = pool.slice(0, count);
    const meta = { generator: 'regscope test', generatedAt: '2026-01-01T00:00:00.000Z' };
    const chunks = [...renderJsonReportChunks(reports, meta)];
    expect(chunks.join('')).toBe(`${JSON.stringify(jsonReportDocument(reports, meta), null, 2)}\n`);
    expect(chunks.length).toBe(count + 2);
  });
});
