import { RegscopeError, toErrorData } from '../../shared/api/errors';
import { version } from '../../package.json';
import { openDiskCache } from '../core/cache/disk-cache';
import { RegscopeCore } from '../core/regscope-core';
import { parseCliArgs, USAGE, type CliCommand } from './cli-args';
import type { CliIo } from './cli-io';
import { cliCredentials } from './credentials-for-cli';
import { errorLine, runReport } from './report-command';
import { runTags } from './tags-command';

/**
 * `regscope`: the headless host of the core. Exit status 0 only when everything asked for was done;
 * errors are one line on stderr (`regscope: <stage>: <what failed> (<reference>)`), with the stack
 * only under `--debug`.
 */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function processIo(): CliIo {
  return {
    version,
    stdout: (text) => process.stdout.write(text),
    error: (error) => process.stderr.write(`${errorLine(error)}\n`),
    warn: (message) => process.stderr.write(`regscope: warning: ${message}\n`),
    now: () => new Date(),
  };
}

async function run(command: Exclude<CliCommand, { name: 'help' | 'version' }>, io: CliIo): Promise<number> {
  const password = command.username ? (command.passwordStdin ? await readStdin() : process.env.REGSCOPE_PASSWORD) : undefined;
  if (command.username && password === undefined) {
    throw new RegscopeError({ code: 'invalid-argument', stage: 'credentials', message: '--username needs --password-stdin or REGSCOPE_PASSWORD' });
  }
  if (command.name === 'serve') {
    // Loaded only here: report and tags never pay for the web host's code.
    const { runServe } = await import('../web-host/serve-command');
    return runServe(command, io);
  }
  const targets = command.name === 'report' ? [...command.references, ...(command.allTags ? [command.allTags] : [])] : [command.repository];
  const core = new RegscopeCore({
    ...(command.mirror ? { mirror: command.mirror } : {}),
    insecureHosts: command.insecure,
    credentials: cliCredentials(command, targets, password, io.warn),
    userAgent: `regscope/${version}`,
    warn: io.warn,
    ...(command.cacheDir ? { cache: openDiskCache(command.cacheDir, { warn: io.warn }) } : {}),
  });
  try {
    return command.name === 'report' ? await runReport(command, core, io) : await runTags(command, core, io);
  } finally {
    await core.close();
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  const io = processIo();
  let debug = argv.includes('--debug');
  try {
    const command = parseCliArgs(argv, process.env);
    if (command.name === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (command.name === 'version') {
      io.stdout(`regscope ${version}\n`);
      return 0;
    }
    debug = command.debug;
    return await run(command, io);
  } catch (error) {
    io.error(toErrorData(error, { stage: 'request' }));
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
