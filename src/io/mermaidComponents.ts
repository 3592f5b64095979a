// Flowchart vertices -> components: from the `%% spof:` comments when present (keeping any
// edit the drawing shows), else from guesses on the label and the shape.
import type { Component, ComponentKind, FailureDomain } from '../model';
import { drawnDomain } from './mermaidExport';
import { guessKind, guessReplicas, guessRole, withoutAddresses } from './mermaidGuess';
import { componentText, parseKindLine } from './mermaidLabels';
import type { MermaidMeta } from './mermaidMeta';
import type { MermaidNotes } from './mermaidNotes';
import type { FlowVertex } from './mermaidParse';
import { decodeMermaidText, topologyIdOf } from './mermaidText';
import { NETWORK_CONSTRUCT } from './mermaidWords';

export function buildComponents(
  vertices: FlowVertex[],
  meta: MermaidMeta,
  domains: FailureDomain[],
  drawnIn: (vertexId: string) => string | undefined,
  /** Nodes that a pointed arrow from another node reaches: a client is where requests start, never one of these. */
  calledBy: (vertexId: string) => string[],
  /** The title of the subgraph around the node when it names the users ("Clients"), else undefined. */
  clientGroupTitle: (vertexId: string) => string | undefined,
  notes: MermaidNotes,
): { components: Component[]; componentIdOf: Map<string, string>; saved: Set<string> } {
  const componentIdOf = new Map<string, string>();
  const saved = new Set<string>();
  const known = new Set(domains.map((d) => d.id));
  const drawnKind = new Map<string, ComponentKind>();
  const components = vertices.map((v) => {
    const text = decodeMermaidText(v.text);
    const fromMeta = meta.components.get(v.id);
    const c = fromMeta ? fromSaved(fromMeta, text, domains, known, drawnIn(v.id)) : fromDrawing(v, text, drawnIn(v.id), notes);
    componentIdOf.set(v.id, c.id);
    notes.bind(c.id, v.id);
    if (fromMeta) saved.add(c.id);
    else drawnKind.set(v.id, c.kind);
    return c;
  });
  // A node nothing calls, inside a subgraph named for the users ("Clients", "Client layer"), is one.
  vertices.forEach((v, i) => {
    const c = components[i];
    if (saved.has(c.id) || c.kind === 'client' || calledBy(v.id).length > 0) return;
    const title = clientGroupTitle(v.id);
    if (title === undefined) return;
    notes.node(v.id, c.id, 'inferred', `client, not ${c.kind}: nothing calls it and it sits in "${title}"`, { field: 'kind' });
    c.kind = 'client';
    delete c.role;
    delete c.replicas;
    delete c.minHealthy;
    drawnKind.set(v.id, 'client');
  });
  // A node guessed a client from a word ("user" service) that other nodes call is not one.
  vertices.forEach((v, i) => {
    const c = components[i];
    if (saved.has(c.id) || c.kind !== 'client') return;
    const callers = calledBy(v.id).filter((u) => drawnKind.has(u) ? drawnKind.get(u) !== 'client' : meta.components.get(u)?.kind !== 'client');
    if (callers.length === 0) return;
    const again = guessKind(c.label ?? c.id, v.shape, ['client']);
    c.kind = again?.kind ?? 'service';
    notes.node(v.id, c.id, again ? 'inferred' : 'assumed', `${c.kind}, not a client: ${callers.map((u) => componentIdOf.get(u) ?? u).join(', ')} ${callers.length === 1 ? 'calls' : 'call'} it (${again ? again.reason : 'no other kind word'})`, { field: 'kind' });
    addRoleAndReplicas(v.id, c, notes);
  });
  return { components, componentIdOf, saved };
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
  // Font Awesome icons (`fa:fa-user Users`) and **bold** marks are drawing, not name.
  const { label, line } = splitLabel(text.replace(/\bfa[bklrs]?:fa-[\w-]+\s*/g, '').replace(/\*\*(.+?)\*\*/g, '$1'));
  const c: Component = { id, kind: 'service' };
  if (label && label !== v.id) c.label = label;
  if (drawn !== undefined) c.domain = drawn;
  if (line) {
    // The kind line of an export whose comments were stripped: no guessing needed.
    Object.assign(c, line);
    return c;
  }
  if (NETWORK_CONSTRUCT.test(withoutAddresses(label).replace(/[^\p{L}\p{N}\s/-]/gu, ' ').replace(/\s+/g, ' ').trim())) {
    c.availability = 1;
    notes.node(v.id, id, 'assumed', `a network construct (${JSON.stringify(label)}): carries traffic, never fails on its own (availability 1)`, { field: 'availability' });
    return c;
  }
  const kind = guessKind(label, v.shape);
  if (kind) {
    c.kind = kind.kind;
    notes.node(v.id, id, 'inferred', `${kind.kind} (${kind.reason})`, { field: 'kind' });
  } else {
    notes.node(v.id, id, 'assumed', `service (no kind word in ${JSON.stringify(label)} and no telling shape)`, { field: 'kind' });
  }
  if (c.kind !== 'client') addRoleAndReplicas(v.id, c, notes);
  return c;
}

/** Role (primary, replica, standby) and copies, from the label's words. */
function addRoleAndReplicas(vertexId: string, c: Component, notes: MermaidNotes): void {
  const label = c.label ?? c.id;
  const role = guessRole(label);
  if (role) {
    c.role = role.role;
    if (role.standby) c.standby = role.standby;
    notes.node(vertexId, c.id, 'inferred', `${role.role}${role.standby ? ` (${role.standby})` : ''} (${role.reason})`, { field: 'role' });
  }
  const replicas = guessReplicas(label, c.kind);
  if (replicas) {
    c.replicas = replicas.replicas;
    if (replicas.minHealthy) c.minHealthy = replicas.minHealthy;
    const count = `${replicas.replicas} replicas${replicas.minHealthy ? `, ${replicas.minHealthy} needed` : ''}`;
    notes.node(vertexId, c.id, replicas.assumed ? 'assumed' : 'inferred', `${count} (${replicas.reason})`, { field: 'replicas' });
  }
}

/** The label lines, and the kind line of an export when the last line is one. */
function splitLabel(text: string): { label: string; line?: ReturnType<typeof parseKindLine> } {
  const lines = text.split('\n');
  const line = lines.length >= 2 ? parseKindLine(lines[lines.length - 1]) : undefined;
  const rest = line ? lines.slice(0, -1) : lines;
  return { label: rest.map((l) => l.trim()).filter(Boolean).join(' ').replace(/\s+/g, ' '), line };
}
