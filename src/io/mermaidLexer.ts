// A line-level reading of flowchart text, beside mermaid's own parser: where each node id,
// label and arrow stands on its line. Mermaid's parser gives no positions and refuses some
// diagrams that people commit (parentheses in an unquoted label); this reader gives the
// line of every note, finds the labels to make safe before parsing (mermaidPrepare.ts)
// and the ones to quote when mermaid refuses the text. It never decides what the diagram
// means: mermaid's parser does.

export type Token =
  | { type: 'id'; text: string; start: number; end: number }
  /** A node's shape and label: `[Web]`, `[(DB)]`, `{{DNS}}`, `>flag]`, `@{ shape: cyl }`. */
  | { type: 'shape'; open: string; close: string; start: number; end: number; body: Span; quoted: boolean }
  /** An arrow with the label written on it (`-->|HTTPS|`, `-- HTTPS -->`), if any. */
  | { type: 'arrow'; start: number; end: number; label?: Span }
  | { type: 'other'; start: number; end: number };

/** A stretch of the line: [start, end) and its text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A subgraph line: `subgraph id [title]`, `subgraph id["title"]`, `subgraph Title words`. */
export interface SubgraphLine {
  id?: Span;
  title?: Span;
  /** Whether the title stands inside brackets (`[...]`) or quotes. */
  bracketed: boolean;
}

export type LineKind = 'header' | 'subgraph' | 'end' | 'directive' | 'statement' | 'blank';

export interface LexedLine {
  kind: LineKind;
  tokens: Token[];
  subgraph?: SubgraphLine;
}

// Openers, longest first, and the closers each accepts.
const OPENERS: [string, string[]][] = [
  ['(((', [')))']], ['((', ['))']], ['([', ['])']], ['(-', ['-)']], ['[[', [']]']], ['[(', [')]']],
  ['[/', ['/]', '\\]']], ['[\\', ['\\]', '/]']], ['{{', ['}}']], ['[', [']']], ['(', [')']], ['{', ['}']],
];
const ID_CHAR = /[\p{L}\p{N}_]/u;
const KEYWORD_LINE = /^\s*(classDef|class|style|linkStyle|click|accTitle|accDescr|direction|%%)\b/;
const HEADER = /^\s*(flowchart(-elk)?|graph)\b/i;

export function lexLine(line: string): LexedLine {
  if (line.trim() === '') return { kind: 'blank', tokens: [] };
  if (HEADER.test(line)) return { kind: 'header', tokens: [] };
  if (/^\s*end\s*;?\s*$/.test(line)) return { kind: 'end', tokens: [] };
  if (KEYWORD_LINE.test(line)) return { kind: 'directive', tokens: [] };
  const sg = /^(\s*)subgraph\b/.exec(line);
  if (sg) return { kind: 'subgraph', tokens: [], subgraph: lexSubgraph(line, sg[0].length) };
  return { kind: 'statement', tokens: lexStatement(line) };
}

function lexSubgraph(line: string, from: number): SubgraphLine {
  let i = from;
  while (line[i] === ' ' || line[i] === '\t') i++;
  const rest = line.slice(i).replace(/\s*;?\s*$/, '');
  const restEnd = i + rest.length;
  if (rest === '') return { bracketed: false };
  if (rest.startsWith('"')) {
    const close = rest.indexOf('"', 1);
    const end = close < 0 ? restEnd : i + close + 1;
    return { title: { start: i, end, text: line.slice(i, end) }, bracketed: true };
  }
  const idMatch = /^[^\s[]+/.exec(rest)!;
  const id: Span = { start: i, end: i + idMatch[0].length, text: idMatch[0] };
  let j = id.end;
  while (line[j] === ' ' || line[j] === '\t') j++;
  if (line[j] === '[') {
    // `subgraph id [title]`: the title runs to the last `]` (a title may hold brackets).
    const close = line.lastIndexOf(']');
    const end = close > j ? close : restEnd;
    return { id, title: { start: j + 1, end, text: line.slice(j + 1, end) }, bracketed: true };
  }
  if (j >= restEnd) return { id, bracketed: false };
  // `subgraph Title with words`: mermaid takes the whole text as the title.
  return { title: { start: i, end: restEnd, text: rest }, bracketed: false };
}

function lexStatement(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    const ch = line[i];
    if (ch === ' ' || ch === '\t' || ch === ';' || ch === '&') {
      i++;
      continue;
    }
    if (ch === '"') {
      // A bare string (an id-less label in odd syntax): skip it whole.
      const close = line.indexOf('"', i + 1);
      const end = close < 0 ? n : close + 1;
      tokens.push({ type: 'other', start: i, end });
      i = end;
      continue;
    }
    if (ID_CHAR.test(ch) && !startsArrow(line, i)) {
      let j = i;
      while (j < n && (ID_CHAR.test(line[j]) || ((line[j] === '-' || line[j] === '.') && ID_CHAR.test(line[j + 1] ?? '') && !startsArrow(line, j)))) j++;
      tokens.push({ type: 'id', text: line.slice(i, j), start: i, end: j });
      i = j;
      if (line.startsWith(':::', i)) {
        i += 3;
        while (i < n && /[\w-]/.test(line[i])) i++;
      }
      if (line[i] === '@' && line[i + 1] === '{') {
        const end = matching(line, i + 1, '{', '}');
        tokens.push({ type: 'shape', open: '@{', close: '}', start: i, end, body: span(line, i + 2, end - 1), quoted: true });
        i = end;
        continue;
      }
      // `A e1@--> B`: e1 names the edge, it is no node.
      if (line[i] === '@' && startsArrow(line, i + 1)) {
        tokens.pop();
        i++;
        continue;
      }
      const shape = lexShape(line, i);
      if (shape) {
        tokens.push(shape);
        i = shape.end;
      }
      continue;
    }
    if (startsArrow(line, i)) {
      const arrow = lexArrow(line, i);
      tokens.push(arrow);
      i = arrow.end;
      continue;
    }
    tokens.push({ type: 'other', start: i, end: i + 1 });
    i++;
  }
  return tokens;
}

function span(line: string, start: number, end: number): Span {
  return { start, end, text: line.slice(start, end) };
}

/** The end (exclusive) of the bracket that opens at `at`, counting nesting; the line's end if unclosed. */
function matching(line: string, at: number, open: string, close: string): number {
  let depth = 0;
  let quoted = false;
  for (let i = at; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    if (quoted) continue;
    if (c === open) depth++;
    else if (c === close && --depth === 0) return i + 1;
  }
  return line.length;
}

function lexShape(line: string, at: number): Token | undefined {
  let i = at;
  // `A >flag]` needs no space; other shapes may follow a space or two.
  if (line[i] === '>') {
    const close = line.indexOf(']', i + 1);
    if (close < 0) return undefined;
    return shapeToken(line, at, '>', ']', i + 1, close);
  }
  while (line[i] === ' ') i++;
  const opener = OPENERS.find(([o]) => line.startsWith(o, i));
  if (!opener) return undefined;
  const [open, closers] = opener;
  const bodyStart = i + open.length;
  let j = bodyStart;
  while (line[j] === ' ') j++;
  if (line[j] === '"') {
    const q = line.indexOf('"', j + 1);
    if (q >= 0) {
      let k = q + 1;
      while (line[k] === ' ') k++;
      const closer = closers.find((c) => line.startsWith(c, k));
      if (closer) return shapeToken(line, at, open, closer, bodyStart, k, true);
    }
  }
  // Unquoted: the closer at the same depth of round brackets, so `[Web (nginx)]` reads whole.
  let depth = 0;
  for (let k = bodyStart; k < line.length; k++) {
    const c = line[k];
    const closer = closers.find((cl) => line.startsWith(cl, k));
    if (closer && depth === 0) return shapeToken(line, at, open, closer, bodyStart, k);
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

function shapeToken(line: string, at: number, open: string, close: string, bodyStart: number, bodyEnd: number, quoted = false): Token {
  return { type: 'shape', open, close, start: at, end: bodyEnd + close.length, body: span(line, bodyStart, bodyEnd), quoted };
}

// Arrow heads and bodies: `-->`, `---`, `-.->`, `==>`, `<-->`, `o--o`, `x--x`, `~~~`, `--o`, `--x`.
const ARROW = /^(?:<?(?:-{2,}|={2,}|-\.+-?|~{3,})(?:>|[ox](?![\p{L}\p{N}_]))?)/u;
const CIRCLE_OR_CROSS_ARROW = /^[ox](?:-{2,}|={2,}|-\.+-)[ox](?![\p{L}\p{N}_])/u;
const ARROW_START_TEXT = /^(?:<?(?:--|==|-\.))\s/;

function startsArrow(line: string, i: number): boolean {
  const rest = line.slice(i);
  // `o--o` and `x--x` (both ends): only after a space, so ids that start with o or x stay ids.
  if (CIRCLE_OR_CROSS_ARROW.test(rest)) return i > 0 && /\s/.test(line[i - 1]);
  return ARROW.test(rest);
}

function lexArrow(line: string, at: number): Token {
  const rest = line.slice(at);
  // `A -- text --> B`, `A -. text .-> B`, `A == text ==> B`: the label sits inside the arrow.
  const textStart = ARROW_START_TEXT.exec(rest);
  if (textStart) {
    const closeRe = /\s(?:-{2,}[>ox]?|={2,}[>ox]?|\.-+[>ox]?)(?=[\s\p{L}\p{N}_|]|$)/gu;
    closeRe.lastIndex = textStart[0].length;
    const close = closeRe.exec(rest);
    if (close) {
      const labelStart = at + textStart[0].length;
      const labelEnd = at + close.index;
      return withPipeLabel(line, { type: 'arrow', start: at, end: at + close.index + close[0].length, label: span(line, labelStart, labelEnd) });
    }
  }
  const m = CIRCLE_OR_CROSS_ARROW.exec(rest) ?? ARROW.exec(rest)!;
  return withPipeLabel(line, { type: 'arrow', start: at, end: at + m[0].length });
}

/** `-->|label|`: the label between pipes right after the arrow. */
function withPipeLabel(line: string, arrow: Extract<Token, { type: 'arrow' }>): Token {
  let i = arrow.end;
  while (line[i] === ' ') i++;
  if (line[i] !== '|') return arrow;
  const close = line.indexOf('|', i + 1);
  if (close < 0) return arrow;
  return { ...arrow, end: close + 1, label: span(line, i + 1, close) };
}

/** The lines of a text, as mermaid counts them. */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** How many edges a statement line makes: each arrow joins every id before it (up to the previous arrow) to every id after it. */
export function edgeCount(tokens: Token[]): number {
  const groups: number[] = [0];
  for (const t of tokens) {
    if (t.type === 'arrow') groups.push(0);
    else if (t.type === 'id') groups[groups.length - 1]++;
  }
  let n = 0;
  for (let i = 0; i + 1 < groups.length; i++) n += groups[i] * groups[i + 1];
  return n;
}
