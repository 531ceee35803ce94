/**
 * One image's history as steps the cross-platform diff can align: Dockerfile text with the
 * platform's shell wrapping taken off, a comparison key, and the instruction it starts with.
 */
import type { PlatformImage } from '../image/image-report';
import type { AlignableStep } from './history-align';
import { buildLayerHistory } from './layer-history';

/** How steps are compared and which are kept. */
export interface HistoryStepOptions {
  /** Steps that differ only in whitespace (tabs vs spaces, runs of spaces) are the same step. */
  readonly ignoreWhitespace: boolean;
  /** Leave out steps that made no layer (`ENV`, `CMD`, `LABEL`, ...). */
  readonly hideEmptyLayers: boolean;
}

/** What a step's Dockerfile line starts with. */
export interface StepInstruction {
  /** The keyword: `RUN`, `ENV`, `COPY`, ...; empty when the text has none. */
  readonly instruction: string;
  /** For ENV, ARG and LABEL: the first name set. */
  readonly subject?: string;
}

/** One history step, ready to align. */
export interface HistoryStep extends AlignableStep, StepInstruction {
  /** The step as shown: Dockerfile text, Windows shell prefix removed. */
  readonly text: string;
  /** True for a step that made no layer. */
  readonly emptyLayer: boolean;
  /** Compressed size of the layer it made; undefined when unknown or when it made none. */
  readonly sizeBytes?: number;
  /** `created` of the history entry, as stored. */
  readonly created?: string;
  /** The distinct words (runs of letters and digits) of the text after the instruction, for similarity. */
  readonly words: ReadonlySet<string>;
}

/**
 * Docker's Windows shell wrappers, which repo-info's rules leave in place: `cmd /S /C` (images
 * without `SHELL`, repo-info-format.md §4.1) and a `powershell -Command` prefix with the usual
 * preference assignments when the history's shell is not the config's final `Shell`.
 */
const WINDOWS_SHELL_PREFIX = /^RUN (?:cmd \/S \/C|(?:powershell|pwsh)(?:\.exe)? -Command(?: \$\w+ = '[^']*';)*) /;
const NOP = /^#\(nop\) +/;

/**
 * A step's Dockerfile text with a Windows shell prefix removed, so `RUN cmd /S /C #(nop)  ENV X=1`
 * reads `ENV X=1` like its Linux twin and `RUN cmd /S /C dir` reads `RUN dir`. Other text is kept.
 */
export function stripWindowsShell(command: string): string {
  const lines = command.split('\n');
  const at = lines.findIndex((line) => !line.startsWith('# ARGS:'));
  const line = lines[at];
  const prefix = line === undefined ? null : WINDOWS_SHELL_PREFIX.exec(line);
  if (line === undefined || prefix === null) return command;
  const rest = line.slice(prefix[0].length);
  lines[at] = NOP.test(rest) ? rest.replace(NOP, '') : `RUN ${rest}`;
  return lines.join('\n');
}

/** The instruction keyword and, for ENV/ARG/LABEL, the first name it sets. */
export function instructionOf(text: string): StepInstruction {
  const line = text.split('\n').find((candidate) => !candidate.startsWith('#')) ?? '';
  const match = /^(\S+)\s*(.*)$/s.exec(line);
  const instruction = match?.[1] ?? '';
  if (!['ENV', 'ARG', 'LABEL'].includes(instruction)) return { instruction };
  const subject = /^[^=\s]+/.exec(match?.[2] ?? '')?.[0];
  return subject === undefined ? { instruction } : { instruction, subject };
}

/** Instructions an image usually has several of, each doing something else. */
const REPEATED_INSTRUCTIONS = new Set(['RUN', 'ADD', 'COPY']);

/** Share of words two RUN/ADD/COPY steps must have in common (Dice coefficient) to be one changed step. */
const MIN_WORD_OVERLAP = 0.3;

/**
 * Two steps that differ but are one changed step: the same instruction, and
 * - for ENV, ARG and LABEL, the same name (`ENV ARCH=amd64` vs `ENV ARCH=arm64`);
 * - for RUN, ADD and COPY, enough words in common (an arch-specific URL, not an unrelated command);
 * - for the single-valued rest (CMD, ENTRYPOINT, WORKDIR, USER, ...), nothing more.
 */
export function similarSteps(a: HistoryStep, b: HistoryStep): boolean {
  if (a.instruction === '' || a.instruction !== b.instruction || a.subject !== b.subject) return false;
  return !REPEATED_INSTRUCTIONS.has(a.instruction) || wordOverlap(a.words, b.words) >= MIN_WORD_OVERLAP;
}

function wordOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const word of a) if (b.has(word)) common++;
  return (2 * common) / (a.size + b.size);
}

function wordsAfterInstruction(text: string, instruction: string): ReadonlySet<string> {
  const start = text.indexOf(instruction) + instruction.length;
  return new Set(text.slice(start).match(/[A-Za-z0-9]+/g) ?? []);
}

/** The comparison key of a step's text. */
export function stepKey(text: string, ignoreWhitespace: boolean): string {
  return ignoreWhitespace ? text.replace(/\s+/g, ' ').trim() : text;
}

/** The history of `image` as alignable steps. */
export function historySteps(image: PlatformImage, options: HistoryStepOptions): readonly HistoryStep[] {
  const windows = (image.platform.os || image.config.os) === 'windows';
  const steps: HistoryStep[] = [];
  for (const row of buildLayerHistory(image).rows) {
    if (options.hideEmptyLayers && row.emptyLayer) continue;
    const text = windows ? stripWindowsShell(row.command) : row.command;
    const instruction = instructionOf(text);
    steps.push({
      text,
      key: stepKey(text, options.ignoreWhitespace),
      ...instruction,
      words: wordsAfterInstruction(text, instruction.instruction),
      emptyLayer: row.emptyLayer,
      ...(row.emptyLayer || row.sizeBytes === undefined ? {} : { sizeBytes: row.sizeBytes }),
      ...(row.history?.created === undefined ? {} : { created: row.history.created }),
    });
  }
  return steps;
}
