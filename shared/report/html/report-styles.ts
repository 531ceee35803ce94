/**
 * The stylesheet of the HTML report: inline (the CSP allows nothing else), light and dark through
 * `prefers-color-scheme`, and print rules so a saved PDF is readable.
 */
export const REPORT_CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --line: #d1d9e0; --accent: #0969da; --warn: #9a6700; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23; --line: #3d444d; --accent: #4493f8; --warn: #d29922; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 80rem; padding: 1.5rem; background: var(--bg); color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 .75rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 2rem 0 .5rem; }
h4 { font-size: .95rem; margin: 1.25rem 0 .4rem; color: var(--muted); }
a { color: var(--accent); }
code, pre { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
code { overflow-wrap: anywhere; }
h1 code, h2 code, h3 code { font-size: inherit; }
pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.meta, .muted { color: var(--muted); }
.missing { color: var(--warn); font-weight: 600; }
.badge { display: inline-block; margin-left: .5rem; padding: 0 .45rem; border: 1px solid var(--line); border-radius: 999px; font-size: .75rem; font-weight: 500; color: var(--muted); vertical-align: middle; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0 1rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: .25rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.date { white-space: nowrap; }
table.history td:nth-child(2) { width: 100%; }
table.layers td:nth-child(2) { width: 45%; }
nav ul { columns: 2; padding-left: 1.2rem; }
@media print {
  :root { --fg: #000; --muted: #444; --bg: #fff; --panel: #eee; --line: #bbb; --accent: #000; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  section.tag + section.tag { break-before: page; }
  h2, h3, h4, caption { break-after: avoid; }
  tr { break-inside: avoid; }
  a { text-decoration: none; }
}
@page { margin: 1.5cm; }
`;
