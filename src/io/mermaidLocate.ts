// Where each node, edge and subgraph of a parsed flowchart was written: the line (and
// column) that an import note points at. Mermaid's parser keeps no positions, so the text
// is read again line by line (mermaidLexer.ts) and matched with what mermaid found.
import { edgeCount, lexLine, linesOf, type LexedLine } from './mermaidLexer';
import type { FlowEdge, FlowSubgraph } from './mermaidParse';

export interface Place {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column?: number;
}

interface LineIds {
  /** Each id on the line and where it starts; `defined` when a shape (a label) follows it. */
  ids: { text: string; column: number; defined: boolean }[];
}

export class SourceLocator {
  private readonly lines: (LexedLine & LineIds)[];
  /** Each id's first line that gives it a label, and its first line at all: found in one pass (a search per id was quadratic). */
  private readonly vertexPlace = new Map<string, Place>();
  private readonly firstPlace = new Map<string, Place>();
  /** Per line, the column of each id's first mention (5,000 nodes on one line made every lookup a scan). */
  private readonly columns: Map<string, number>[];
  private readonly edgePlaces: (Place | undefined)[] = [];

  constructor(text: string, edges: readonly FlowEdge[] = []) {
    this.lines = linesOf(text).map((raw) => {
      const lexed = /^\s*%%/.test(raw) ? lexLine('') : lexLine(raw);
      const ids: LineIds['ids'] = [];
      lexed.tokens.forEach((t, i) => {
        if (t.type === 'id') ids.push({ text: t.text, column: t.start + 1, defined: lexed.tokens[i + 1]?.type === 'shape' });
      });
      return { ...lexed, ids };
    });
    this.columns = this.lines.map((l, i) => {
      const columns = new Map<string, number>();
      for (const t of l.ids) {
        if (!columns.has(t.text)) columns.set(t.text, t.column);
        const place = { line: i + 1, column: t.column };
        if (t.defined && !this.vertexPlace.has(t.text)) this.vertexPlace.set(t.text, place);
        if (!this.firstPlace.has(t.text)) this.firstPlace.set(t.text, place);
      }
      return columns;
    });
    this.placeEdges(edges);
  }

  /** The line that gives the node its label, else the first that names it. */
  vertex(id: string): Place | undefined {
    return this.vertexPlace.get(id) ?? this.firstPlace.get(id);
  }

  /** The edge with this index in mermaid's list (statement order). */
  edge(index: number): Place | undefined {
    return this.edgePlaces[index];
  }

  /** The `subgraph` line that opens it: by its id, or by its title when it was written without one. */
  subgraph(s: Pick<FlowSubgraph, 'id' | 'title'>): Place | undefined {
    const { byId, byTitle } = this.subgraphLines();
    return byId.get(s.id)?.[0] ?? byTitle.get(s.title.trim());
  }

  /** Every `subgraph` line that opens this id, in order (an id opened twice is one group). */
  subgraphOpenings(id: string): Place[] {
    return [...(this.subgraphLines().byId.get(id) ?? [])];
  }

  /** The `subgraph` lines by id and by title, read once: a search of every line per subgraph was quadratic (3,000 subgraphs: minutes). */
  private subgraphIndex?: { byId: Map<string, Place[]>; byTitle: Map<string, Place> };
  private subgraphLines(): { byId: Map<string, Place[]>; byTitle: Map<string, Place> } {
    if (this.subgraphIndex) return this.subgraphIndex;
    const byId = new Map<string, Place[]>();
    const byTitle = new Map<string, Place>();
    this.lines.forEach((l, i) => {
      const sg = l.subgraph;
      if (!sg) return;
      const start = (sg.id ?? sg.title)?.start;
      const place = { line: i + 1, column: start !== undefined ? start + 1 : undefined };
      if (sg.id) {
        const places = byId.get(sg.id.text);
        if (places) places.push(place);
        else byId.set(sg.id.text, [place]);
      }
      const title = sg.title?.text.replace(/^"(.*)"$/, '$1').trim();
      if (title !== undefined && !byTitle.has(title)) byTitle.set(title, place);
    });
    this.subgraphIndex = { byId, byTitle };
    return this.subgraphIndex;
  }

  /**
   * Mermaid lists edges in the order their statements come, so each edge is on the first
   * line, from the previous edge's line on, that names both its ends and still has an edge
   * of its own to give (`a --> b & c` makes two).
   */
  private placeEdges(edges: readonly FlowEdge[]): void {
    const left = this.lines.map((l) => edgeCount(l.tokens));
    const names = (i: number, id: string) => this.columns[i].has(id);
    const find = (from: number, e: FlowEdge) => {
      for (let i = from; i < this.lines.length; i++) if (left[i] > 0 && names(i, e.start) && names(i, e.end)) return i;
      return -1;
    };
    let cursor = 0;
    for (const e of edges) {
      let at = find(cursor, e);
      if (at < 0) at = find(0, e);
      if (at < 0) {
        this.edgePlaces.push(undefined);
        continue;
      }
      cursor = at;
      left[at]--;
      const column = this.columns[at].get(e.start);
      this.edgePlaces.push({ line: at + 1, column });
    }
  }
}
