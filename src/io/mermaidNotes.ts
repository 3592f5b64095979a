// What a Mermaid import inferred, assumed and left out, each as an ImportNote pointing at
// the line of the diagram it came from (src/import/notes.ts is the shape every importer
// shares; the CLI prints it, the app lists it).
import type { ImportNote, ImportNoteField, ImportNoteKind } from '../import/notes';
import type { Place, SourceLocator } from './mermaidLocate';
import type { FlowSubgraph } from './mermaidParse';

export interface NoteOptions {
  field?: ImportNoteField;
}

export class MermaidNotes {
  readonly list: ImportNote[] = [];
  /** Component id -> the Mermaid node it came from. */
  private readonly vertexOf = new Map<string, string>();
  /** Link -> the index of the edge that drew it. */
  private readonly edgeOf = new WeakMap<object, number>();

  constructor(
    private readonly file: string,
    private readonly locate: SourceLocator,
  ) {}

  /** Remembers which node a component came from, for notes written by component id. */
  bind(componentId: string, vertexId: string): void {
    this.vertexOf.set(componentId, vertexId);
  }

  /** Remembers which edge drew a link, for notes written about the link later. */
  bindLink(link: object, edgeIndex: number): void {
    this.edgeOf.set(link, edgeIndex);
  }

  /** A note about a link, at the line of the edge that drew it (or of its source's node). */
  link(link: { from: string; to: string }, kind: ImportNoteKind, message: string, opts: NoteOptions = {}): void {
    const index = this.edgeOf.get(link);
    const v = this.vertexOf.get(link.from);
    const place = index !== undefined ? this.locate.edge(index) : v === undefined ? undefined : this.locate.vertex(v);
    this.at(place, linkSubject(link.from, link.to), kind, message, opts);
  }

  /** A note about a component, at the line of its node. */
  component(componentId: string, kind: ImportNoteKind, message: string, opts: NoteOptions = {}): void {
    const v = this.vertexOf.get(componentId);
    this.at(v === undefined ? undefined : this.locate.vertex(v), componentId, kind, message, opts);
  }

  /** A note about what a node became. */
  node(vertexId: string, subject: string, kind: ImportNoteKind, message: string, opts: NoteOptions = {}): void {
    this.at(this.locate.vertex(vertexId), subject, kind, message, opts);
  }

  /** Where the edge with this index (in mermaid's order) was written. */
  edgePlace(index: number): Place | undefined {
    return this.locate.edge(index);
  }

  /** A note about what the edge with this index (in mermaid's order) became. */
  edge(index: number, subject: string | undefined, kind: ImportNoteKind, message: string, opts: NoteOptions = {}): void {
    this.at(this.locate.edge(index), subject, kind, message, opts);
  }

  subgraph(s: Pick<FlowSubgraph, 'id' | 'title'>, subject: string, kind: ImportNoteKind, message: string, opts: NoteOptions = {}): void {
    this.at(this.locate.subgraph(s), subject, kind, message, opts);
  }

  /** A note at a line, or about the whole diagram (no place). */
  at(place: Place | undefined, subject: string | undefined, kind: ImportNoteKind, message: string, opts: NoteOptions = {}): void {
    const note: ImportNote = { kind, message };
    if (subject !== undefined) note.subject = subject;
    note.source = place ? { file: this.file, line: place.line, ...(place.column !== undefined ? { column: place.column } : {}) } : { file: this.file };
    if (opts.field) note.field = opts.field;
    this.list.push(note);
  }
}

/** The element id of a link without an id (DESIGN section 3): `from->to`. */
export function linkSubject(from: string, to: string): string {
  return `${from}->${to}`;
}
