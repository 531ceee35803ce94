import type { FoundTagReport, TagReport } from '../../image/image-report';
import { imagePlatformString, repoInfoImageLines } from './render-image';
import { codeSpan, oneLine } from './markdown-safety';
import type { RepoInfoOptions } from './repo-info-style';

/** The tag-level part of a found tag: pull command, list media type and the Platforms list (§5.1, §6.1). */
function tagHeaderLines(report: FoundTagReport, options: RepoInfoOptions): string[] {
  const lines = ['', '```console', `$ docker pull ${report.pullName}@${report.digest}`, '```', ''];
  // Only a list or index has a top-level MIME line; a single manifest goes straight to Platforms (§6.2).
  if (report.isIndex && report.mediaType) lines.push(`-\tManifest MIME: ${codeSpan(oneLine(report.mediaType))}`);
  // The count, attestations included, appeared with the V-C generator (§1, §9).
  lines.push(options.style === 'current' ? `-\tPlatforms: ${String(report.images.length)}` : '-\tPlatforms:');
  for (const image of report.images) lines.push(`\t-\t${imagePlatformString(image)}`);
  return lines;
}

/**
 * One tag's markdown exactly as repo-info writes `repos/<repo>/remote/<tag>.md`.
 *
 * LF line ends, tabs, two-space line breaks, and no blank line at the end: the text ends with the
 * newline of the last `MIME:` line (repo-info-format.md §5.1). A tag the registry does not have is
 * the three-line "does not exist" text (§6.3). The heading prints `report.display`, the pull
 * commands `report.pullName`; images come in list order.
 */
export function renderRepoInfoTag(report: TagReport, options: RepoInfoOptions): string {
  const lines = [`## \`${report.display}\``];
  if (report.kind === 'missing') {
    lines.push('', '**does not exist** (yet?)');
  } else {
    lines.push(...tagHeaderLines(report, options));
    for (const image of report.images) lines.push(...repoInfoImageLines(report.display, report.pullName, image, options.style));
  }
  return `${lines.join('\n')}\n`;
}
