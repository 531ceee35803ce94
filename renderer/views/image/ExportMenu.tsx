import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ApiArgs, ExportedReport } from '../../../shared/api/contract';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useExportReport } from '../../hooks/use-export-report';
import { copyText } from '../../lib/clipboard';
import { useAppInfo } from '../../hooks/use-app-info';
import { usePrintToPdf } from '../../hooks/use-print-to-pdf';
import { downloadBase64, downloadText } from '../../lib/download';

type Format = ApiArgs<'exportReport'>['format'];
type Style = ApiArgs<'exportReport'>['style'];

interface MenuItem {
  readonly id: string;
  readonly label: string;
  readonly detail: string;
  readonly run: () => void;
}

/**
 * The Export menu (`export-button`): repo-info markdown in either style, JSON, HTML (each saved as
 * the file the host names), Print / PDF (the browser's print with print CSS), and Copy of the
 * repo-info text. A menu button: ↑/↓ move, Enter runs, Escape closes.
 */
export function ExportMenu({ reference }: { readonly reference: string }) {
  const exporter = useExportReport();
  const pdf = usePrintToPdf();
  const host = useAppInfo().data?.host;
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<string>();
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const lastRun = useRef<() => void>(undefined);
  const run = (format: Format, style: Style, after: (report: ExportedReport) => void) => {
    lastRun.current = () => run(format, style, after);
    setOpen(false);
    setStatus(undefined);
    exporter.mutate({ references: [reference], format, style }, { onSuccess: after });
  };
  const save = (format: Format, style: Style) =>
    run(format, style, (report) => {
      downloadText(report.text, report.fileName, report.mimeType);
      setStatus(`Saved ${report.fileName}`);
    });
  const items: readonly MenuItem[] = [
    { id: 'seed', label: 'repo-info markdown', detail: 'seed style (2019 reports)', run: () => save('repo-info', 'seed') },
    { id: 'current', label: 'repo-info markdown', detail: 'current style (Platforms: N)', run: () => save('repo-info', 'current') },
    { id: 'json', label: 'JSON', detail: 'versioned report schema', run: () => save('json', 'current') },
    { id: 'html', label: 'HTML', detail: 'self-contained page', run: () => save('html', 'current') },
    host === 'electron'
      ? {
          id: 'print',
          label: 'Save as PDF',
          detail: 'this page, print layout',
          run: () => {
            setOpen(false);
            setStatus(undefined);
            // The desktop app prints the page itself (printToPDF) and saves the file.
            pdf.mutate(reference.replace(/[/:@]+/g, '_'), {
              onSuccess: (file) => {
                downloadBase64(file.base64, file.fileName, file.mimeType);
                setStatus(`Saved ${file.fileName}`);
              },
            });
          },
        }
      : {
          id: 'print',
          label: 'Print / PDF',
          detail: "this page, print layout (choose Save as PDF)",
          run: () => {
            setOpen(false);
            // Let the menu close before the print dialog snapshots the page.
            setTimeout(() => window.print(), 50);
          },
        },
    {
      id: 'copy',
      label: 'Copy',
      detail: 'repo-info markdown to the clipboard',
      run: () =>
        run('repo-info', 'seed', (report) => {
          copyText(report.text).then(
            () => setStatus('Copied repo-info markdown'),
            () => setStatus('The clipboard refused the text'),
          );
        }),
    },
  ];

  useEffect(() => {
    if (!open) return undefined;
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const onMenuKey = (event: KeyboardEvent) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLButtonElement);
    const focus = (index: number) => entries[(index + entries.length) % entries.length]?.focus();
    if (event.key === 'ArrowDown') focus(at + 1);
    else if (event.key === 'ArrowUp') focus(at - 1);
    else if (event.key === 'Home') focus(0);
    else if (event.key === 'End') focus(entries.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      setOpen(false);
      if (event.key === 'Escape') button.current?.focus();
      return;
    } else return;
    event.preventDefault();
  };

  return (
    <span className="menu-wrap">
      <button
        ref={button}
        type="button"
        className="button"
        data-testid="export-button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={exporter.isPending}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {exporter.isPending ? 'Exporting…' : 'Export ▾'}
      </button>
      {open && (
        <div ref={menu} className="menu" role="menu" aria-label="Export" onKeyDown={onMenuKey}>
          {items.map((item) => (
            <button key={item.id} type="button" role="menuitem" className="menu-item" data-testid={`export-${item.id}`} onClick={item.run}>
              <span>{item.label}</span>
              <span className="muted small">{item.detail}</span>
            </button>
          ))}
        </div>
      )}
      {status !== undefined && (
        <span className="muted small export-status" role="status">
          {status}
        </span>
      )}
      {exporter.isError && (
        <span className="menu-error">
          <ErrorPanel compact error={exporter.error} reference={reference} onRetry={() => lastRun.current?.()} />
        </span>
      )}
      {pdf.isError && (
        <span className="menu-error">
          <ErrorPanel compact error={pdf.error} reference={reference} />
        </span>
      )}
    </span>
  );
}
