// The HTML report as one self-contained page: styles inline, the picture inline, no script,
// nothing fetched. Its Content-Security-Policy forbids scripts and remote loads outright, so
// a hostile label that slipped through escaping still could not run or phone home.
import { escapeHtml } from './rich';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

const STYLE = `
:root { color-scheme: light; --ink: #1d2433; --muted: #5b6478; --line: #d8dce6; --spof: #b42318; --bg-soft: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 64rem; padding: 2rem 1.5rem 4rem; color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
p { margin: .4rem 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td:first-child { min-width: 11rem; }
th { background: var(--bg-soft); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
code { font: .9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--bg-soft); padding: .05em .3em; border-radius: 3px; }
ul, ol { padding-left: 1.4rem; }
li { margin: .25rem 0; }
figure { margin: .5rem 0; overflow: auto; border: 1px solid var(--line); border-radius: 6px; padding: .5rem; background: #fff; }
figure svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
@media print { body { padding: 0; } figure { break-inside: avoid; } }
`;

export function reportPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="SPOF Studio">
<title>${escapeHtml(title)}: availability report</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
