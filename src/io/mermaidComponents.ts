// Flowchart vertices -> components: from the `%% spof:` comments when present (keeping any
// edit the drawing shows), else from guesses on the label and the shape.
import type { Component, FailureDomain } from '../model';
import { drawnDomain } from './mermaidExport';
import { guessKind, guessReplicas, guessRole } from './mermaidGuess';
import { componentText, parseKindLine } from './mermaidLabels';
import type { MermaidMeta } from './mermaidMeta';
import type { MermaidNotes } from './mermaidNotes';
import type { FlowVertex } from './mermaidParse';
import { decodeMermaidText, topologyIdOf } from './mermaidText';

export function buildComponents(
  vertices: FlowVertex[],
  meta: MermaidMeta,
  domains: FailureDomain[],
  drawnIn: (vertexId: string) => string | undefined,
  notes: MermaidNotes,
): { components: Component[]; componentIdOf: Map<string, string> } {
  const componentIdOf = new Map<string, string>();
  const known = new Set(domains.map((d) => d.id));
  const components = vertices.map((v) => {
    const text = decodeMermaidText(v.text);
    const saved = meta.components.get(v.id);
    const c = saved ? fromSaved(saved, text, domains, known, drawnIn(v.id)) : fromDrawing(v, text, drawnIn(v.id), notes);
    componentIdOf.set(v.id, c.id);
    notes.bind(c.id, v.id);
    return c;
  });
  return { components, componentIdOf };
}

function fromSaved(saved: Component, text: string, domains: FailureDomain[], known: Set<string>, drawn: string | undefined): Component {
  const c: Component = { ...saved };
  if (text !== componentText(saved)) {
    // Edited in the drawing: the drawing wins for what it shows.
    const { label, line } = splitLabel(text);
    if (label && label !== c.id) c.label = label;
    else delete c.label;
    if (line) Object.assign(c, line);
  }
  // The node sits where the export put it: keep the saved placement (it may list several
  // zones). Moved to another subgraph: it now lives there.
  if (drawnDomain({ domains }, saved, known) !== drawn || (saved.domains ?? (saved.domain ? [saved.domain] : [])).some((d) => !known.has(d))) {
    delete c.domains;
    if (drawn !== undefined) c.domain = drawn;
    else delete c.domain;
  }
  return c;
}

function fromDrawing(v: FlowVertex, text: string, drawn: string | undefined, notes: MermaidNotes): Component {
  const id = topologyIdOf(v.id);
  // Font Awesome icons (`fa:fa-user Users`) are drawing, not name.
  const { label, line } = splitLabel(text.replace(/\bfa[bklrs]?:fa-[\w-]+\s*/g, ''));
  const c: Component = { id, kind: 'service' };
  if (label && label !== v.id) c.label = label;
  if (drawn !== undefined) c.domain = drawn;
  if (line) {
    // The kind line of an export whose comments were stripped: no guessing needed.
    Object.assign(c, line);
    return c;
  }
  const kind = guessKind(label, v.shape);
  if (kind) {
    c.kind = kind.kind;
    notes.node(v.id, id, 'inferred', `${kind.kind} (${kind.reason})`, { field: 'kind' });
  } else {
    notes.node(v.id, id, 'assumed', `service (no kind word in ${JSON.stringify(label)} and no telling shape)`, { field: 'kind' });
  }
  if (c.kind !== 'client') {
    const role = guessRole(label);
    if (role) {
      c.role = role.role;
      if (role.standby) c.standby = role.standby;
      notes.node(v.id, id, 'inferred', `${role.role}${role.standby ? ` (${role.standby})` : ''} (${role.reason})`, { field: 'role' });
    }
    const replicas = guessReplicas(label);
    if (replicas) {
      c.replicas = replicas.replicas;
      notes.node(v.id, id, 'inferred', `${replicas.replicas} replicas (${replicas.reason})`, { field: 'replicas' });
    }
  }
  return c;
}

/** The label lines, and the kind line of an export when the last line is one. */
function splitLabel(text: string): { label: string; line?: ReturnType<typeof parseKindLine> } {
  const lines = text.split('\n');
  const line = lines.length >= 2 ? parseKindLine(lines[lines.length - 1]) : undefined;
  const rest = line ? lines.slice(0, -1) : lines;
  return { label: rest.map((l) => l.trim()).filter(Boolean).join(' ').replace(/\s+/g, ' '), line };
}
