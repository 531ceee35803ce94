import { compareByteOrder } from '../../format/byte-order';
import type { TagReport } from '../../image/image-report';
import { renderRepoInfoTag } from './render-tag';
import type { RepoInfoOptions } from './repo-info-style';

/** `update-remote.sh` has named itself in this comment since 2016 (repo-info-format.md §7). */
const GENERATED_COMMENT = "<!-- THIS FILE IS GENERATED VIA './update-remote.sh' -->";

/**
 * The ToC anchor `update-remote.sh` writes: every `.` and `:` removed, then lower-cased
 * (`python:3.8-rc-alpine` → `python38-rc-alpine`). Not GitHub's full slug rule, on purpose.
 */
export function repoInfoAnchor(reference: string): string {
  return reference.replace(/[.:]/g, '').toLowerCase();
}

/**
 * The tags in the order of `tag-details.md`: `sort -u` in byte order by `display`, duplicates dropped
 * (the first report of a display wins). Sorting happens here, so callers may pass any order.
 */
export function tagDetailsOrder(reports: readonly TagReport[]): TagReport[] {
  const byDisplay = new Map<string, TagReport>();
  for (const report of reports) if (!byDisplay.has(report.display)) byDisplay.set(report.display, report);
  return [...byDisplay.values()].sort((a, b) => compareByteOrder(a.display, b.display));
}

/**
 * A whole `repos/<repo>/tag-details.md` (repo-info-format.md §7): the generator comment, the
 * `# Tags of` heading, a table of contents, then every tag's markdown after one blank line.
 *
 * The tags are sorted here, by `display` in byte order with duplicates dropped (`tagDetailsOrder`),
 * so the caller's order does not matter.
 *
 * With no tags the ToC is `-\t**No supported tags**`. The file ends with the last section's final
 * newline.
 */
export function renderRepoInfoTagDetails(repoName: string, reports: readonly TagReport[], options: RepoInfoOptions): string {
  const tags = tagDetailsOrder(reports);
  const lines = [GENERATED_COMMENT, '', `# Tags of \`${repoName}\``, ''];
  for (const report of tags) lines.push(`-\t[\`${report.display}\`](#${repoInfoAnchor(report.display)})`);
  if (tags.length === 0) lines.push('-\t**No supported tags**');
  return `${lines.join('\n')}\n${tags.map((report) => `\n${renderRepoInfoTag(report, options)}`).join('')}`;
}
