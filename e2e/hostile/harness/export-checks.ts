import type { HistoryEntry, TagReport } from '../../../shared/image/image-report';
import { dockerfileLines } from '../../../shared/history/dockerfile-line';

/**
 * Structural checks of exported text, independent of the exporters' code: what a browser or a
 * Markdown renderer would make of it.
 */

/** Opening tags of an HTML page with their attribute text (`<a href="#x">` → `a`, ` href="#x"`). */
export function htmlTags(page: string): Array<{ name: string; attributes: string }> {
  // Escaped text has no raw `<`, so every `<name` left in the page is real markup.
  return [...page.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)].map((match) => ({ name: (match[1] ?? '').toLowerCase(), attributes: match[2] ?? '' }));
}

/** Problems that would let a hostile report run code or call home when the HTML export is opened. */
export function htmlProblems(page: string): string[] {
  const problems: string[] = [];
  const tags = htmlTags(page);
  for (const forbidden of ['script', 'img', 'svg', 'iframe', 'object', 'embed', 'link', 'form', 'base']) {
    if (tags.some((tag) => tag.name === forbidden)) problems.push(`a <${forbidden}> element`);
  }
  if (tags.filter((tag) => tag.name === 'style').length !== 1) problems.push('a <style> element besides the report stylesheet');
  for (const tag of tags) {
    const names = [...tag.attributes.matchAll(/\s([^\s=]+)\s*=/g)].map((match) => (match[1] ?? '').toLowerCase());
    if (names.some((name) => name.startsWith('on'))) problems.push(`an event handler on <${tag.name}>`);
    if (names.includes('src') || names.includes('srcset')) problems.push(`a src on <${tag.name}>`);
    const href = /\shref="([^"]*)"/.exec(tag.attributes)?.[1];
    if (href !== undefined && !href.startsWith('#')) problems.push(`a link leaving the page: href="${href.slice(0, 40)}"`);
  }
  const csp = tags.find((tag) => tag.name === 'meta' && /http-equiv="Content-Security-Policy"/i.test(tag.attributes));
  const policy = /content="([^"]*)"/.exec(csp?.attributes ?? '')?.[1]?.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&') ?? '';
  if (!/^default-src 'none';/.test(policy) || /script-src|img-src|connect-src/.test(policy)) problems.push(`no strict CSP (${policy.slice(0, 60)})`);
  return problems;
}

/** A CommonMark closing fence for a ``` opening: up to 3 spaces, 3+ backticks, only blanks after. */
const CLOSING_FENCE = /^ {0,3}`{3,}[ \t]*$/;

/** Lines repo-info writes outside its fenced blocks (repo-info-format.md §5.1), as patterns. */
const REPO_INFO_LINES: readonly RegExp[] = [
  /^$/,
  // tag-details.md only (§7): generator comment, heading, table of contents.
  /^<!-- THIS FILE IS GENERATED VIA '\.\/update-remote\.sh' -->$/,
  /^# Tags of `[^`\n]+`$/,
  /^-\t\[`[^`\n]+`\]\(#[^)\s]+\)$/,
  /^-\t\*\*No supported tags\*\*$/,
  /^## `[^`\n]+`$/,
  /^\*\*does not exist\*\* \(yet\?\)$/,
  /^-\tManifest MIME: `[^`\n]*`$/,
  /^-\tPlatforms:( \d+)?$/,
  /^\t-\t[^\n]*$/,
  /^### `[^`\n]+` - [^\n]*$/,
  /^-\tDocker Version: [^\n]*$/,
  /^-\tTotal Size: \*\*[^\n]*\*\*  $/,
  /^\t\(compressed transfer size, not on-disk size\)$/,
  /^-\tImage ID: `[^`\n]*`$/,
  /^-\tEntrypoint: `[^\n]*`$/,
  /^-\tDefault Command: `[^\n]*`$/,
  /^-\t`SHELL`: `[^\n]*`$/,
  /^-\tLayers:$/,
  /^\t\tLast Modified: [^\n]*  $/,
  /^\t\tSize: [^\n]*  $/,
  /^\t\tMIME: [^\n]*$/,
];

/** The dockerfile block content repo-info should print for one image's history. */
export function expectedDockerfileBlock(history: readonly HistoryEntry[], shell: readonly string[] | null | undefined, style: 'seed' | 'current', dateOf: (created: string | undefined) => string): string[] {
  return history.flatMap((entry) => [`# ${dateOf(entry.created)}`, ...dockerfileLines(entry.created_by, shell, style).split('\n')]);
}

/**
 * Reads repo-info Markdown the way a CommonMark renderer would and reports where the structure is
 * not what repo-info meant: a ```dockerfile block that ends early (its content differs from the
 * history it should hold), or a line outside the blocks that is none of repo-info's line forms
 * (text that escaped its line). `blocks` are the expected contents, one per image in order.
 */
export function repoInfoProblems(markdown: string, blocks: readonly (readonly string[])[]): string[] {
  const problems: string[] = [];
  const lines = markdown.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let blockIndex = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '```console') {
      const close = lines.indexOf('```', i + 1);
      if (close !== i + 2 || !/^\$ docker pull \S+$/.test(lines[i + 1] ?? '')) problems.push(`line ${String(i + 1)}: a console block that is not one pull command`);
      i = close < 0 ? lines.length : close;
      continue;
    }
    const opening = /^(`{3,})dockerfile$/.exec(line);
    if (opening?.[1]) {
      // CommonMark: only a fence at least as long as the opening one closes the block.
      const length = opening[1].length;
      let close = i + 1;
      while (close < lines.length && !(CLOSING_FENCE.test(lines[close] ?? '') && (lines[close] ?? '').trim().length >= length)) close++;
      const content = lines.slice(i + 1, close);
      const expected = blocks[blockIndex] ?? [];
      if (content.join('\n') !== expected.join('\n')) problems.push(`line ${String(i + 1)}: dockerfile block ${String(blockIndex + 1)} ends after ${String(content.length)} of ${String(expected.length)} lines`);
      blockIndex++;
      i = close;
      continue;
    }
    if (!REPO_INFO_LINES.some((pattern) => pattern.test(line))) problems.push(`line ${String(i + 1)}: not a repo-info line: ${JSON.stringify(line.slice(0, 60))}`);
  }
  if (blockIndex !== blocks.length) problems.push(`${String(blockIndex)} dockerfile blocks, expected ${String(blocks.length)}`);
  return problems;
}

/**
 * The inline code spans of repo-info's `-\t<Label>: \`…\`` lines that break (CommonMark: a span
 * opened by N backticks ends at the next run of exactly N backticks, so the value must hold none).
 */
export function brokenCodeSpans(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => /^-\t(Entrypoint|Default Command|`SHELL`|Manifest MIME|Image ID): `/.test(line))
    .filter((line) => {
      const span = line.slice(line.indexOf(': `') + 2);
      const delimiter = /^`+/.exec(span)?.[0] ?? '`';
      if (!span.endsWith(delimiter)) return true;
      const value = span.slice(delimiter.length, span.length - delimiter.length);
      return (value.match(/`+/g) ?? []).some((run) => run.length === delimiter.length);
    });
}

/** Every string anywhere in a JSON value. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsIn(inner)]);
  return [];
}

/** The found reports' images, flattened (for building expectations). */
export function imagesOf(reports: readonly TagReport[]) {
  return reports.flatMap((report) => (report.kind === 'found' ? report.images : []));
}
