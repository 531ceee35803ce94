/**
 * Dockerfile-like lines rebuilt from image history `created_by` strings, by repo-info's
 * `cmd_to_dockerfile` rules (repo-info-format.md §4), and the reverse for building test images.
 */

/**
 * Which generation of repo-info's rules to follow.
 *
 * `seed`: the 2017–2022 generator of the seed reports (§4.1). `current`: with the BuildKit handling
 * added in late 2022 (§4.2).
 */
export type HistoryStyle = 'seed' | 'current';

/** Docker's default shell for Linux images; repo-info tries it even for Windows images (§4.1). */
const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c'];

const UNPARSABLE = '# unable to parse image command string further:\n';
const ARGS_LINE = '# ARGS: ';
/** `#(nop)` and one or more spaces: Docker wrote one before ADD/COPY/WORKDIR and two before the rest. */
const NOP = /^#\(nop\) +/;
/** BuildKit writes instructions bare: an all-capitals word and a space (§4.2). */
const BUILDKIT_INSTRUCTION = /^[A-Z]+ /;
const BUILD_ARGS_HEAD = /^\|\d+ /;

/** The shell prefixes repo-info strips, in the order it tries them, each with its trailing space. */
function shellPrefixes(shell: readonly string[] | null | undefined): string[] {
  const prefixes = [`${DEFAULT_SHELL.join(' ')} `];
  // Perl: `push @shells, join ' ', @$shell if $shell;` — an empty array is still truthy, so a
  // `Shell: []` adds the prefix " ".
  if (shell != null) prefixes.push(`${shell.join(' ')} `);
  return prefixes;
}

/**
 * Splits Docker's build-args form `|N k=v … <shell> <command>` (§4.1 step 1).
 *
 * Perl: `s!^[|]\d+ (.*?) ($shellRegex)!$2!`: the *shortest* text after `|N ` that is followed by a
 * space and a shell prefix. `.` does not match a newline there, so the args end at the first one.
 */
function splitBuildArgs(text: string, prefixes: readonly string[]): { args: string; rest: string } | undefined {
  const head = BUILD_ARGS_HEAD.exec(text);
  if (!head) return undefined;
  const start = head[0].length;
  for (let end = start; end < text.length && text[end] !== '\n'; end += 1) {
    if (text[end] === ' ' && prefixes.some((prefix) => text.startsWith(prefix, end + 1))) {
      return { args: text.slice(start, end), rest: text.slice(end + 1) };
    }
  }
  return undefined;
}

/**
 * The dockerfile-block text repo-info prints for one history entry (without the `# <date>` line).
 *
 * `/bin/sh -c ` or the image's `Shell` is stripped, `#(nop) ` is stripped, and `RUN ` is added when
 * what remains was not a no-op instruction; build args become a `# ARGS:` line; tabs and newlines
 * are kept. A missing `created_by` gives `RUN ` (§4.3). Windows' `cmd /S /C ` is deliberately not
 * recognised, as in repo-info. Style `current` also strips BuildKit's leading `RUN ` and leaves
 * all-capitals instructions alone (§4.2). The result can span several lines.
 */
export function dockerfileLines(
  createdBy: string | undefined,
  shell: readonly string[] | null | undefined,
  style: HistoryStyle,
): string {
  const prefixes = shellPrefixes(shell);
  let text = createdBy ?? '';
  if (style === 'current' && text.startsWith('RUN ')) text = text.slice('RUN '.length);

  const lines: string[] = [];
  const buildArgs = splitBuildArgs(text, prefixes);
  if (buildArgs) {
    lines.push(ARGS_LINE + buildArgs.args);
    text = buildArgs.rest;
  } else if (text.startsWith('|')) {
    // e.g. `|6 a=1 b=2 … echo $a` with no shell to anchor on: repo-info gives up and prints it raw.
    return UNPARSABLE + text;
  }

  const prefix = prefixes.find((candidate) => text.startsWith(candidate));
  if (prefix !== undefined) text = text.slice(prefix.length);
  const nop = NOP.exec(text);
  if (nop) text = text.slice(nop[0].length);
  else if (!(style === 'current' && BUILDKIT_INSTRUCTION.test(text))) text = `RUN ${text}`;
  lines.push(text);
  return lines.join('\n');
}

/**
 * Commands that Windows base images record without any shell (`Apply image 1607-RTM-amd64`), and
 * Docker's Windows default shell, which repo-info does not strip (`RUN cmd /S /C #(nop) …`).
 */
const SHELL_LESS_COMMANDS = ['Apply image ', 'Install update ', 'cmd /S /C '];

/** Instructions Docker's classic builder wrote with one space after `#(nop)`; the others got two. */
const ONE_SPACE_INSTRUCTIONS = new Set(['ADD', 'COPY', 'WORKDIR']);

/** Counts `k=v` words, for the `|N` of a build-args `created_by`; repo-info ignores N. */
function countBuildArgs(args: string): number {
  return args.split(' ').filter((word) => /^[^=\s]+=/.test(word)).length;
}

/** BuildKit's marker at the end of the `created_by` of RUN, COPY and ADD steps. */
const BUILDKIT_SUFFIX = ' # buildkit';

/**
 * A realistic `created_by` that repo-info would print as `line`: for rebuilding the images behind a
 * repo-info report (test fixtures).
 *
 * `RUN X` → `<shell> X` (shell joined with spaces, `/bin/sh -c` when none is given), except Windows
 * base-layer commands (`Apply image …`, `Install update …`) and `cmd /S /C …`, which Docker recorded
 * without a recognised shell. Instructions → `<shell> #(nop)  ENV X` the way Docker's classic
 * builder wrote them, with one space before ADD, COPY and WORKDIR. `# ARGS:` lines become the
 * `|N k=v …` form. With style `current`, lines ending in ` # buildkit` get BuildKit's form instead
 * (`RUN <shell> X # buildkit`, `COPY … # buildkit` as is).
 *
 * Invariant: `dockerfileLines(createdByForDockerfileLine(line, shell, style), shell, style) === line`
 * for every line repo-info can print in that style.
 */
export function createdByForDockerfileLine(line: string, shell?: readonly string[], style: HistoryStyle = 'seed'): string {
  const prefix = `${(shell ?? DEFAULT_SHELL).join(' ')} `;
  if (line.startsWith(UNPARSABLE)) return line.slice(UNPARSABLE.length);
  const buildKit = style === 'current' && line.endsWith(BUILDKIT_SUFFIX);
  if (line.startsWith(ARGS_LINE)) {
    const newline = line.indexOf('\n');
    if (newline >= 0) {
      const args = line.slice(ARGS_LINE.length, newline);
      const rest = createdByForDockerfileLine(line.slice(newline + 1), shell, style);
      // BuildKit puts its `RUN ` before the build args: `RUN |1 V=1 /bin/sh -c make # buildkit`.
      const run = buildKit && rest.startsWith('RUN ') ? 'RUN ' : '';
      return `${run}|${String(countBuildArgs(args))} ${args} ${run ? rest.slice('RUN '.length) : rest}`;
    }
  }
  if (line.startsWith('RUN ')) {
    const command = line.slice('RUN '.length);
    if (SHELL_LESS_COMMANDS.some((start) => command.startsWith(start))) return command;
    return buildKit ? `RUN ${prefix}${command}` : prefix + command;
  }
  if (buildKit && BUILDKIT_INSTRUCTION.test(line)) return line;
  const keyword = /^[A-Z]+/.exec(line)?.[0] ?? '';
  return `${prefix}#(nop)${ONE_SPACE_INSTRUCTIONS.has(keyword) ? ' ' : '  '}${line}`;
}
