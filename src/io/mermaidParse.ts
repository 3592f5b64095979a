// Mermaid's own flowchart parser, reduced to plain data. Mermaid is loaded lazily (it is
// large). In the browser it just works; in Node it needs a DOM on globalThis first (the CLI
// installs one, see src/cli/mermaidDom.ts): this module touches no DOM itself.
import { architectureAsFlowchart, extractArchitecture, type ArchitectureDbLike, type ArchitectureDiagram } from './architectureRead';
import type { IoProblem } from './problems';
import { labelSafeSource } from './mermaidPrepare';
import { IO_ERROR_CODES } from './problems';
import { MAX_COMPONENTS, MAX_DOMAIN_DEPTH, MAX_LINKS, numberText } from '../model/limits';
import { edgeCount, lexLine, linesOf } from './mermaidLexer';

export interface FlowVertex {
  id: string;
  /** As the parser holds it: entity placeholders and `<br>` not yet decoded. */
  text: string;
  /** square, round, stadium, cylinder, hexagon, diamond, ... or a Mermaid 11 shape name. */
  shape?: string;
  classes: string[];
}
export interface FlowEdge {
  start: string;
  end: string;
  /** arrow_point, arrow_open, double_arrow_point, ... */
  type: string;
  /** normal, thick, dotted, invisible */
  stroke: string;
  text: string;
}
export interface FlowSubgraph {
  id: string;
  title: string;
  /** Node and subgraph ids directly inside it. */
  nodes: string[];
}
export interface Flowchart {
  vertices: FlowVertex[];
  edges: FlowEdge[];
  subgraphs: FlowSubgraph[];
  /** As written after `flowchart` / `graph`: TB, TD, BT, LR, RL; undefined when none was. */
  direction?: string;
}

/** An `architecture-beta` diagram comes as a flowchart too; `architecture` keeps what it was, for its `%% spof:` comments. */
export type FlowchartResult = { ok: true; flowchart: Flowchart; architecture?: ArchitectureDiagram } | { ok: false; errors: IoProblem[] };

/** Far beyond any architecture diagram; keeps a pasted novel from tying up the parser. */
export const MAX_MERMAID_CHARS = 2_000_000;
/**
 * Nodes and edges a Mermaid file may have: fewer than a design may (src/model/limits.ts), as
 * mermaid's own parser is the cost. It searches every edge read so far for each edge and each
 * edge's two ends, and copied its whole configuration for every labelled node (no longer: see
 * configForParsing). Measured at load 7 (CPU seconds of the parse alone, with the copies):
 * 5,000 / 10,000 / 20,000 labelled nodes 1.6 / 3.2 / 6.4 s; as many edges 0.4 / 1.2 / 4.9 s
 * (quadratic), and 100,000 edges would take minutes. At these limits a whole `spof import`
 * takes 5 to 9 s of CPU under load 6 to 9 (docs/limits.md; `npm run bench -- limits-mermaid`). A
 * hand-drawn diagram has tens to hundreds of nodes, and mermaid draws none of this size (its
 * default is 500 edges); a larger design travels as topology JSON.
 */
export const MAX_MERMAID_NODES = 10_000;
export const MAX_MERMAID_EDGES = 12_000;
/**
 * Work on long lines, as the sum of each line's length squared (comments aside). Mermaid's
 * lexer tries rules that rescan the rest of the line for every token, so a line costs the
 * square of its length: 20,000 chained nodes on one line (169,000 characters, 2.9e10) took
 * 70 s at load 10, 500 lines of 4,000 semicolons (8e9) 58 s. Lines of a few hundred
 * characters never come near it within MAX_MERMAID_CHARS (2,000,000 x 500 = 1e9).
 */
export const MAX_LINE_WORK = 2e9;
/**
 * Work on runs of blanks (spaces, tabs, line ends, and the comment lines blanked for mermaid),
 * as the sum of each run's length squared. Mermaid rereads the rest of a run for every
 * character of it: its comment search (`\s*%%.*\n`) and each arrow rule of its lexer start
 * with `\s*`. 40,000 lines of one space took 30 s of CPU (load 10), 500,000 empty lines did not
 * end in 100 s. An export's comments make the longest run: 20,002 lines at 10,000 components
 * (4e8), parsed in 0.6 s.
 */
export const MAX_BLANK_WORK = 5e8;

interface MermaidLike {
  initialize(config: Record<string, unknown>): void;
  mermaidAPI: {
    getDiagramFromText(text: string): Promise<{ type: string; db: unknown }>;
    /** Merges `config` into mermaid's site configuration and returns that configuration itself (not a copy). */
    updateSiteConfig(config: Record<string, unknown>): Record<string, unknown>;
  };
}

const MERMAID_OPTIONS = { startOnLoad: false, securityLevel: 'strict', maxEdges: 100_000, maxTextSize: MAX_MERMAID_CHARS };

/**
 * The sections of mermaid's configuration a parse reads: the flowchart's and the architecture
 * diagram's, the secure keys, the layout engine's; and every plain setting (securityLevel,
 * htmlLabels, maxEdges, dompurifyConfig, ...), which decide how a label is sanitised.
 */
const PARSE_SECTIONS = new Set(['flowchart', 'architecture', 'secure', 'elk', 'dompurifyConfig']);

/**
 * Mermaid's flowchart parser takes a fresh deep copy of its whole configuration for every
 * labelled node (FlowDB.addVertex calls getConfig()): 865 settings, 317 of them theme
 * variables and most of the rest other diagrams' (sequence, gantt, c4, ...), 0.4-1 ms a copy,
 * so 10,000 labelled nodes cost 4-10 s of copying and collecting. Drawing needs those
 * sections, parsing does not: they are taken out of the configuration mermaid copies for the
 * parse, and `initialize` puts them all back after it.
 */
function configForParsing(mermaid: MermaidLike): void {
  const site = mermaid.mermaidAPI.updateSiteConfig({});
  for (const [key, value] of Object.entries(site)) {
    if (value !== null && typeof value === 'object' && !PARSE_SECTIONS.has(key)) delete site[key];
  }
  // Copies the smaller site configuration to the one getConfig() copies from.
  mermaid.mermaidAPI.updateSiteConfig({});
}

let loading: Promise<MermaidLike> | undefined;
let queue: Promise<unknown> = Promise.resolve();

async function loadMermaid(): Promise<MermaidLike> {
  loading ??= import('mermaid').then((m) => m.default as unknown as MermaidLike);
  return loading;
}

/** Parses flowchart text with mermaid. Calls run one at a time: mermaid's configuration is global. */
export function parseFlowchart(text: string): Promise<FlowchartResult> {
  const run = queue.then(() => parseNow(text));
  queue = run.catch(() => undefined);
  return run;
}

/**
 * What is wrong with text that cannot be a diagram import reads (too long, empty, opening with
 * something else), found without mermaid: loading it takes seconds in the CLI.
 */
export function flowchartTextProblem(text: string): IoProblem | undefined {
  if (text.length > MAX_MERMAID_CHARS) {
    return { code: IO_ERROR_CODES.tooLarge, path: '', message: `the diagram is ${numberText(text.length)} characters long; at most ${numberText(MAX_MERMAID_CHARS)} are read` };
  }
  const { source, lineOffset } = prepare(text);
  if (source.trim() === '') return { code: IO_ERROR_CODES.notFlowchart, path: '', message: 'the text is empty: a Mermaid flowchart starts with "flowchart TB" or "graph TD"' };
  const opening = source.split('\n').find((l) => l.trim() !== '' && !/^\s*%%\{.*\}%%\s*$/.test(l)) ?? '';
  return notAFlowchart(source, lineOffset) ?? sizeProblem(text, /^\s*architecture-beta\b/.test(opening)) ?? blankProblem(source, lineOffset);
}

/** Runs of blanks in the text mermaid is given past MAX_BLANK_WORK, said at the line where the run that passes it starts. */
function blankProblem(source: string, lineOffset: number): IoProblem | undefined {
  let work = 0;
  for (const run of source.matchAll(/\s{2,}/g)) {
    work += run[0].length ** 2;
    if (work <= MAX_BLANK_WORK) continue;
    let line = 1 + lineOffset;
    for (let i = 0; i < run.index; i++) if (source.charCodeAt(i) === 10) line++;
    // A run that starts with the end of a line starts on the next one.
    if (run[0][0] === '\n') line++;
    return {
      code: IO_ERROR_CODES.tooLarge, path: `line ${line}`,
      message: `${numberText(run[0].length)} blank characters in a row from this line (spaces, tabs, empty and comment lines): with the runs before it, more than Mermaid's parser reads in bounded time (it rereads the rest of a run for every character of it)`,
    };
  }
  return undefined;
}

/**
 * The subgraphs a line opens and closes, in order (`subgraph a; subgraph b; x; end; end` on
 * one line too): the id of each opened (`subgraph id` or `subgraph id[title]`; a title alone
 * gets an id of its own from mermaid, so here too), undefined for an `end`. Quoted and
 * bracketed text is left out first, so a `;` in a label splits nothing.
 */
function subgraphSteps(line: string, lineIndex: number): (string | undefined)[] {
  if (!/\b(subgraph|end)\b/.test(line)) return [];
  const bare = line.replace(/"[^"]*"|\[[^\]]*\]|\([^)]*\)|\{[^}]*\}|\|[^|]*\|/g, (m) => (m[0] === '"' ? '"' : '[]'));
  const steps: (string | undefined)[] = [];
  for (const part of bare.split(';')) {
    if (/^\s*subgraph\b/.test(part)) steps.push(/^\s*subgraph\s+([^\s[(";]+)\s*(\[\]\s*)?$/.exec(part)?.[1] ?? `\0${lineIndex}:${steps.length}`);
    else if (/^\s*end\s*$/.test(part)) steps.push(undefined);
  }
  return steps;
}

/** `service db(database)[DB] in api`, `junction j`: a node of an architecture diagram, and its id. */
const ARCHITECTURE_NODE = /^\s*(?:service|junction)\s+([^\s({[:]+)/;
/** `db:L -- R:server`, `api{group}:B <--> T:db`: an edge of an architecture diagram. */
const ARCHITECTURE_EDGE = /:[LRTB]\s*<?-+>?\s*[LRTB]:/;

/**
 * More nodes or edges than a Mermaid file may have (MAX_MERMAID_NODES, MAX_MERMAID_EDGES),
 * counted by the line reader before mermaid parses: its lexer rescans the rest of a line for
 * every token, so a chain of 150,000 nodes on one line kept it busy for minutes before the
 * limit could refuse the design. Says the line where the count passes the limit. Subgraph ids
 * linked to are no nodes.
 */
function sizeProblem(text: string, architecture: boolean): IoProblem | undefined {
  const raw = linesOf(text);
  // An architecture diagram is counted by its own statements: the flowchart reader took `db:L` for a node.
  // A comment is no statement (an export's `%% spof:component c0 {...}` named four "nodes"), as in mermaidLocate.
  const lines = architecture ? [] : raw.map((l) => lexLine(/^\s*%%/.test(l) ? '' : l));
  const subgraphs = new Set(lines.flatMap((l) => (l.subgraph?.id ? [l.subgraph.id.text] : [])));
  const nodes = new Set<string>();
  let edges = 0;
  let work = 0;
  // The subgraphs open at this line, and how many distinct ones: one opened again inside itself is no level deeper (mermaidImport.ts merges it).
  const open: string[] = [];
  const levels = new Map<string, number>();
  let depth = 0;
  for (let i = 0; i < raw.length; i++) {
    const path = `line ${i + 1}`;
    for (const step of architecture || /^\s*%%/.test(raw[i]) ? [] : subgraphSteps(raw[i], i)) {
      const id = step ?? open.pop();
      if (id === undefined) continue;
      const level = (levels.get(id) ?? 0) + (step === undefined ? -1 : 1);
      levels.set(id, level);
      if (step === undefined) {
        if (level === 0) depth--;
        continue;
      }
      open.push(id);
      if (level === 1) depth++;
      // Mermaid's parser copies its whole stack at every step: 2,000 subgraphs nested on one line took 10 s, 5,000 on lines of their own minutes.
      if (depth > MAX_DOMAIN_DEPTH) {
        return {
          code: IO_ERROR_CODES.tooLarge, path,
          message: `subgraphs nested more than ${numberText(MAX_DOMAIN_DEPTH)} deep by this line: a design reads at most ${numberText(MAX_DOMAIN_DEPTH)} levels of failure domains`,
        };
      }
    }
    if (architecture) {
      const node = ARCHITECTURE_NODE.exec(raw[i]);
      if (node) nodes.add(node[1]);
      if (ARCHITECTURE_EDGE.test(raw[i])) edges++;
    } else {
      const tokens = lines[i].kind === 'statement' ? lines[i].tokens : [];
      for (const t of tokens) if (t.type === 'id' && !subgraphs.has(t.text)) nodes.add(t.text);
      edges += edgeCount(tokens);
    }
    if (nodes.size > MAX_MERMAID_NODES) {
      return {
        code: IO_ERROR_CODES.tooLarge, path,
        message: `more than ${numberText(MAX_MERMAID_NODES)} nodes by this line: a Mermaid diagram is imported up to ${numberText(MAX_MERMAID_NODES)} nodes (a design saved as .spof.json takes ${numberText(MAX_COMPONENTS)} components)`,
      };
    }
    if (edges > MAX_MERMAID_EDGES) {
      return {
        code: IO_ERROR_CODES.tooLarge, path,
        message: `more than ${numberText(MAX_MERMAID_EDGES)} edges by this line: a Mermaid diagram is imported up to ${numberText(MAX_MERMAID_EDGES)} edges (a design saved as .spof.json takes ${numberText(MAX_LINKS)} links)`,
      };
    }
    if (!/^\s*%%/.test(raw[i])) work += raw[i].length ** 2;
    if (work > MAX_LINE_WORK) {
      return {
        code: IO_ERROR_CODES.tooLarge, path,
        message: `the line is ${numberText(raw[i].length)} characters long: with the long lines before it, more than Mermaid's parser reads in bounded time (it rereads the rest of a line for every token); put the statements on lines of their own`,
      };
    }
  }
  return undefined;
}

async function parseNow(text: string): Promise<FlowchartResult> {
  const problem = flowchartTextProblem(text);
  if (problem) return { ok: false, errors: [problem] };
  const { source, lineOffset } = prepare(text);
  const mermaid = await loadMermaid();
  mermaid.initialize(MERMAID_OPTIONS);
  configForParsing(mermaid);
  let diagram: { type: string; db: unknown };
  try {
    diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
  } catch (e) {
    return { ok: false, errors: [syntaxError(e, text, lineOffset)] };
  } finally {
    mermaid.initialize(MERMAID_OPTIONS);
  }
  if (diagram.type === 'architecture') {
    const architecture = extractArchitecture(diagram.db as ArchitectureDbLike);
    const noComments = { doc: {}, components: new Map(), domains: new Map(), links: [], damaged: [] };
    return { ok: true, flowchart: architectureAsFlowchart(architecture, noComments).chart, architecture };
  }
  if (!diagram.type.startsWith('flowchart')) {
    return fail(IO_ERROR_CODES.notFlowchart, 'line 1', `a ${diagram.type} diagram, not a flowchart: import reads "flowchart", "graph" and "architecture-beta" diagrams`);
  }
  return { ok: true, flowchart: extract(diagram.db as FlowDbLike) };
}

interface FlowDbLike {
  getVertices(): Map<string, { id: string; text?: string; type?: string; classes?: string[] }>;
  getEdges(): { start: string; end: string; type?: string; stroke?: string; text?: string }[];
  getSubGraphs(): { id: string; title?: string; nodes?: string[] }[];
  getDirection?(): string | undefined;
}

function extract(db: FlowDbLike): Flowchart {
  return {
    vertices: [...db.getVertices().values()].map((v) => ({ id: v.id, text: v.text ?? v.id, shape: v.type, classes: [...(v.classes ?? [])] })),
    edges: db.getEdges().map((e) => ({ start: e.start, end: e.end, type: e.type ?? 'arrow_point', stroke: e.stroke ?? 'normal', text: e.text ?? '' })),
    subgraphs: db.getSubGraphs().map((s) => ({ id: s.id, title: s.title ?? s.id, nodes: [...(s.nodes ?? [])] })),
    ...(db.getDirection?.() ? { direction: db.getDirection!()!.toUpperCase() } : {}),
  };
}

/**
 * Mermaid drops comment lines, a leading front matter block and leading blank lines before
 * parsing, so its line numbers drift from the file's. Blank the comments in place and cut
 * the leading part here, remembering how many lines went.
 */
function prepare(text: string): { source: string; lineOffset: number } {
  const lines = text.split(/\r\n|\n|\r/).map((l) => (/^\s*%%(?!\{)/.test(l) ? '' : l));
  let start = 0;
  while (start < lines.length && lines[start].trim() === '') start++;
  if (lines[start]?.trim() === '---') {
    const close = lines.findIndex((l, i) => i > start && l.trim() === '---');
    if (close > 0) {
      start = close + 1;
      while (start < lines.length && lines[start].trim() === '') start++;
    }
  }
  return { source: labelSafeSource(lines.slice(start).join('\n')), lineOffset: start };
}

/**
 * Text whose first line opens no diagram that import reads (a JSON file, a binary, a sequence
 * diagram), said without loading mermaid: loading it takes seconds in the CLI. Undefined when
 * mermaid must judge (a directive that spans lines comes first).
 */
function notAFlowchart(source: string, lineOffset: number): IoProblem | undefined {
  const lines = source.split('\n');
  const i = lines.findIndex((l) => l.trim() !== '' && !/^\s*%%\{.*\}%%\s*$/.test(l));
  if (i < 0 || /^\s*%%\{/.test(lines[i]) || /^\s*(flowchart|graph|architecture-beta)\b/i.test(lines[i])) return undefined;
  const word = /^\s*([A-Za-z][\w-]{0,40})\b/.exec(lines[i])?.[1];
  const path = `line ${i + 1 + lineOffset}`;
  return word
    ? { code: IO_ERROR_CODES.notFlowchart, path, message: `"${word}" is not a flowchart: import reads "flowchart", "graph" and "architecture-beta" diagrams` }
    : { code: IO_ERROR_CODES.notFlowchart, path, message: 'not a Mermaid diagram: the first line must be "flowchart" or "graph" with a direction, e.g. "flowchart TB"' };
}

function syntaxError(e: unknown, text: string, lineOffset: number): IoProblem {
  const err = e as { message?: string; hash?: { loc?: { first_line?: number }; line?: number } };
  const message = String(err.message ?? e);
  if (/No diagram type detected/i.test(message)) {
    return { code: IO_ERROR_CODES.notFlowchart, path: 'line 1', message: 'not a Mermaid diagram: the first line must be "flowchart" or "graph" with a direction, e.g. "flowchart TB"' };
  }
  const reported = err.hash?.loc?.first_line ?? Number(/on line (\d+)/.exec(message)?.[1] ?? NaN);
  if (!Number.isFinite(reported)) return { code: IO_ERROR_CODES.mermaidSyntax, path: '', message: `Mermaid cannot read it: ${message.split('\n')[0]}` };
  const line = reported + lineOffset;
  const source = text.split(/\r\n|\n|\r/)[line - 1]?.trim() ?? '';
  const expecting = /Expecting (.*), got (.*)$/m.exec(message);
  const detail = expecting ? ` (got ${expecting[2]}, expected ${expecting[1].split(', ').slice(0, 6).join(', ')})` : /Lexical error/.test(message) ? ' (unrecognized text)' : '';
  const shown = JSON.stringify(source.length > 80 ? `${source.slice(0, 77)}...` : source);
  return { code: IO_ERROR_CODES.mermaidSyntax, path: `line ${line}`, message: `Mermaid cannot parse ${shown}${detail}` };
}

function fail(code: IoProblem['code'], path: string, message: string): FlowchartResult {
  return { ok: false, errors: [{ code, path, message }] };
}
