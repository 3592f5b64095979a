// The text mermaid's parser gets, and the repairs offered when it refuses a diagram.
//
// Labels are made plain before parsing, the same way in the browser and in the CLI: the
// parser hands every label to DOMPurify, which under happy-dom (the CLI's DOM) empties a
// label holding `<` and keeps `&#40;` half-decoded. So inside labels only: `<br>` becomes a
// line break, other tags go, `<` `>` `&` and HTML entities become Mermaid entity codes
// (`#lt;`), and a literal `\n` is a line break. Nothing outside labels changes and no line
// is added or removed, so mermaid's line numbers stay the file's.
//
// People commit diagrams that mermaid refuses (an unquoted `(` inside `[...]`, in an edge
// label or in a subgraph title). `repairSource` quotes those labels; the import reads the
// repaired text, says which lines it changed, and offers the repaired text.
import { lexLine, linesOf, type Span } from './mermaidLexer';

/** Mermaid's entity code for a line break inside a label. */
const BREAK = '#10;';

export function labelSafeSource(text: string): string {
  return mapLabels(text, (body) => plainLabel(body));
}

/** Inline formatting people put in labels: dropped, its text kept. Any other tag shows as text. */
const FORMATTING_TAG = /<\/?(?:b|i|u|s|em|strong|small|big|sub|sup|span|div|p|code|font|strike|mark|tt|center|a)(?:\s[^<>]*)?>/gi;

/** The label's text with markup made inert (see the top of this file). */
function plainLabel(body: string): string {
  const plain = body
    .replace(/<br\s*\/?>/gi, BREAK)
    .replace(/\\n/g, BREAK)
    .replace(FORMATTING_TAG, '')
    .replace(/&(#[xX][0-9A-Fa-f]+|#\d+|[A-Za-z][A-Za-z0-9]*);/g, (_, code: string) => entityCode(code))
    .replace(/&/g, '#amp;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;');
  // Mermaid refuses an empty string (`a[""]`, from `a["<b></b>"]`).
  return /^\s*"\s*"\s*$/.test(plain) ? '" "' : plain;
}

/** `&#x28;` -> `#40;`, `&#40;` -> `#40;`, `&amp;` -> `#amp;`: Mermaid's own entity codes. */
function entityCode(code: string): string {
  if (/^#x/i.test(code)) return `#${parseInt(code.slice(2), 16)};`;
  return code[0] === '#' ? `${code};` : `#${code};`;
}

export interface Repair {
  /** 1-based line of the text. */
  line: number;
  what: string;
}

/**
 * Quotes the labels mermaid refuses unquoted: a node's label holding brackets, braces or
 * quotes, an edge label holding them, a subgraph title holding them. Returns the repaired
 * text and what changed, line by line (nothing when there is nothing to repair).
 */
export function repairSource(text: string): { text: string; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const lines = linesOf(text);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const out = lines.map((line, i) => {
    const edits: { span: Span; replacement: string; what: string }[] = [];
    const lexed = /^\s*%%/.test(line) ? lexLine('') : lexLine(line);
    for (const t of lexed.tokens) {
      if (t.type === 'shape' && !t.quoted && t.open !== '@{' && needsQuotes(t.body.text)) {
        edits.push({ span: t.body, replacement: quoted(t.body.text), what: `quoted the label "${t.body.text.trim()}"` });
      }
      if (t.type === 'arrow' && t.label && !/^\s*".*"\s*$/.test(t.label.text) && needsQuotes(t.label.text)) {
        edits.push({ span: t.label, replacement: quoted(t.label.text), what: `quoted the link label "${t.label.text.trim()}"` });
      }
    }
    const title = lexed.subgraph?.title;
    if (title && !/^\s*".*"\s*$/.test(title.text) && needsQuotes(title.text)) {
      edits.push({ span: title, replacement: quoted(title.text), what: `quoted the subgraph title "${title.text.trim()}"` });
    }
    if (edits.length === 0) return line;
    let repaired = line;
    for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) {
      repaired = repaired.slice(0, e.span.start) + e.replacement + repaired.slice(e.span.end);
    }
    repairs.push({ line: i + 1, what: edits.map((e) => e.what).join('; ') });
    return repaired;
  });
  return { text: out.join(eol), repairs };
}

/** Characters that end or confuse an unquoted label. */
function needsQuotes(body: string): boolean {
  return /[()[\]{}"]/.test(body);
}

function quoted(body: string): string {
  return `"${body.trim().replace(/"/g, '#quot;')}"`;
}

/** Rewrites every label span of the text (node shapes, edge labels, subgraph titles) with `f`. */
function mapLabels(text: string, f: (body: string) => string): string {
  const lines = linesOf(text);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  return lines
    .map((line) => {
      if (/^\s*%%/.test(line)) return line;
      const lexed = lexLine(line);
      const spans: Span[] = [];
      for (const t of lexed.tokens) {
        if (t.type === 'shape') spans.push(...(t.open === '@{' ? shapeDataLabels(t.body) : [t.body]));
        if (t.type === 'arrow' && t.label) spans.push(t.label);
      }
      if (lexed.subgraph?.title) spans.push(lexed.subgraph.title);
      let out = line;
      for (const s of spans.sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + f(s.text) + out.slice(s.end);
      return out;
    })
    .join(eol);
}

/** The `label: "..."` strings inside `@{ ... }` shape data. */
function shapeDataLabels(body: Span): Span[] {
  const out: Span[] = [];
  const re = /\blabel\s*:\s*"([^"]*)"/g;
  for (let m = re.exec(body.text); m; m = re.exec(body.text)) {
    const start = body.start + m.index + m[0].indexOf('"') + 1;
    out.push({ start, end: start + m[1].length, text: m[1] });
  }
  return out;
}
