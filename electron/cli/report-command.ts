import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { renderJsonReportChunks } from '../../shared/report/json/render-json-report';
import { formatErrorLine, RegscopeError, type ErrorData } from '../../shared/api/errors';
import type { TagReport } from '../../shared/image/image-report';
import { familiarRepository, parseRepository } from '../../shared/reference/parse-reference';
import { compareByteOrder } from '../../shared/format/byte-order';
import { renderExport } from '../core/api/render-export';
import type { RegscopeCore } from '../core/regscope-core';
import type { CliCommand } from './cli-args';
import type { CliIo } from './cli-io';

type ReportCommand = Extract<CliCommand, { name: 'report' }>;


/**
 * `regscope report`: collect every reference (sharing requests), render, write.
 *
 * A missing tag is rendered as repo-info does ("does not exist") and is also reported on stderr with
 * exit status 1: the contract is "exit 0 only when every reference was reported".
 */
export async function runReport(command: ReportCommand, core: RegscopeCore, io: CliIo): Promise<number> {
  let references = [...command.references];
  let repoName: string | undefined;
  if (command.allTags) {
    const repository = parseRepository(command.allTags);
    repoName = familiarRepository(repository);
    const listing = await core.tags(command.allTags);
    for (const bad of listing.invalidTags) io.error({ code: 'registry-error', stage: 'tags', message: 'skipped an entry that is not a valid tag', reference: `${repoName}:${JSON.stringify(bad).slice(0, 60)}` });
    references.push(...[...listing.tags].sort(compareByteOrder).map((tag) => `${repoName}:${tag}`));
  }
  references = [...new Set(references)];
  // Eight at a time, the size of the connection pool per registry.
  const outcomes = await core.reports(references, { concurrency: 8 });
  const reports: TagReport[] = [];
  const failures: ErrorData[] = [];
  for (const outcome of outcomes) {
    if (!outcome.ok) {
      failures.push(outcome.error);
      continue;
    }
    reports.push(outcome.report);
    if (outcome.report.kind === 'missing') {
      failures.push({ code: 'not-found', stage: 'manifest', message: 'tag not found', reference: outcome.reference });
    }
  }
  for (const failure of failures) io.error(failure);
  if (reports.length > 0) {
    const meta = { generator: `regscope ${io.version}`, generatedAt: io.now().toISOString() };
    // JSON is written tag by tag: a whole repository's document never sits in memory three times
    // over (object tree, string, bytes). The other formats are a few KB per tag.
    const chunks =
      command.format === 'json'
        ? renderJsonReportChunks(reports, meta)
        : [renderExport(reports, command.format, { style: command.style, ...meta, ...(repoName ? { repoName } : {}), wholeRepository: references.length > 1 || Boolean(command.allTags) }).text];
    await writeChunks(chunks, command.out, io);
  }
  return failures.length === 0 ? 0 : 1;
}

/** Writes chunks to `--out` (through a stream, honouring back-pressure) or to stdout. */
async function writeChunks(chunks: Iterable<string>, out: string | undefined, io: CliIo): Promise<void> {
  if (!out) {
    for (const chunk of chunks) io.stdout(chunk);
    return;
  }
  const file = createWriteStream(out);
  let failure: NodeJS.ErrnoException | undefined;
  const finished = new Promise<void>((resolve) => {
    file.once('finish', resolve);
    file.once('error', (error: NodeJS.ErrnoException) => {
      failure = error;
      resolve();
    });
  });
  for (const chunk of chunks) {
    if (failure) break;
    if (!file.write(chunk)) await Promise.race([once(file, 'drain'), finished]);
  }
  file.end();
  await finished;
  if (failure) {
    throw new RegscopeError({ code: 'invalid-argument', stage: 'export', reference: out, message: `cannot write the report (${failure.code ?? failure.message})` });
  }
}

/** The one-line form used on stderr. */
export function errorLine(error: ErrorData): string {
  return `regscope: ${formatErrorLine(error)}`;
}
