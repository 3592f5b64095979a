// Whether a text is a Mermaid diagram the import reads, by its first line: front matter
// (---...---) and %% comments may come before it. One test for the importers' detection, a
// paste and the command line's hint; they were three regular expressions, and only the
// importers' knew front matter (a pasted diagram with a `config:` block was not one).
const DIAGRAM = /^\s*(flowchart|graph|architecture-beta)\b/;

/** Enough text to find the first line: a diagram's front matter is a few lines, and a paste or a wrong file may be megabytes. */
const HEAD = 65_536;

export function isMermaidDiagram(text: string): boolean {
  // Not anchored per line (no /m): `^\s*` at every line start is quadratic on blank lines.
  const body = text.slice(0, HEAD).replace(/^\uFEFF?\s*---\r?\n[\s\S]*?\n---[ \t\r]*\n/, '');
  const first = body.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('%%')) ?? '';
  return DIAGRAM.test(first);
}
