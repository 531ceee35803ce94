import type { ExportedReport } from '../../../shared/api/contract';
import type { TagReport } from '../../../shared/image/image-report';
import { exportReports, type ExportFormat, type ExportOptions } from '../../../shared/report/export-formats';

/**
 * Reports → an export ready to save: the shared exporters plus a file name. One place for the CLI,
 * the web host and the desktop app.
 */
function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 120) || 'regscope-report';
}

function fileName(reports: readonly TagReport[], format: ExportFormat, options: ExportOptions): string {
  const first = reports[0];
  if (format === 'repo-info') {
    // repo-info's own names: remote/<tag>.md for one tag, tag-details.md for a repository.
    if (reports.length === 1 && first && !options.wholeRepository) return `${safeName(first.reference.tag ?? first.reference.digest ?? 'latest')}.md`;
    return 'tag-details.md';
  }
  const stem = reports.length === 1 && first ? first.display : (options.repoName ?? first?.display.split(/[:@]/)[0] ?? 'regscope-report');
  return `${safeName(stem)}.${format === 'json' ? 'json' : 'html'}`;
}

export function renderExport(reports: readonly TagReport[], format: ExportFormat, options: ExportOptions): ExportedReport {
  const result = exportReports(format, reports, options);
  return { text: result.text, fileName: fileName(reports, format, options), mimeType: result.mimeType };
}
