// Mermaid `architecture-beta` -> the flowchart shape import reads: services are nodes,
// groups are subgraphs, junctions are resolved into the links they join (every source that
// reaches a set of joined junctions calls every target an arrow points into). An export of
// SPOF Studio then comes back through the same `%% spof:` comments as a flowchart does.
import { linkType, type Component, type FailureDomain } from '../model';
import { flowchartIdOf, serviceTitle, shownTitle, groupTitle, SPOF_MARK } from './architectureText';
import { componentText, domainTitle, linkText } from './mermaidLabels';
import type { MermaidMeta } from './mermaidMeta';
import type { FlowEdge, Flowchart } from './mermaidParse';
import { topologyIdOf } from './mermaidText';

interface ArchNode {
  id: string;
  type?: string;
  icon?: string;
  title?: string;
  in?: string;
}
interface ArchEdge {
  lhsId: string;
  rhsId: string;
  lhsInto?: boolean;
  rhsInto?: boolean;
  title?: string;
}
export interface ArchitectureDbLike {
  getServices(): ArchNode[];
  getJunctions(): ArchNode[];
  getGroups(): ArchNode[];
  getEdges(): ArchEdge[];
}

/** The parsed diagram as plain data, before the `%% spof:` comments are applied. */
export interface ArchitectureDiagram {
  services: ArchNode[];
  junctions: ArchNode[];
  groups: ArchNode[];
  edges: ArchEdge[];
}

export function extractArchitecture(db: ArchitectureDbLike): ArchitectureDiagram {
  const plain = (n: ArchNode): ArchNode => ({ id: n.id, icon: n.icon, title: n.title, in: n.in });
  return {
    services: db.getServices().map(plain),
    junctions: db.getJunctions().map(plain),
    groups: db.getGroups().map(plain),
    edges: db.getEdges().map((e) => ({ lhsId: e.lhsId, rhsId: e.rhsId, lhsInto: e.lhsInto, rhsInto: e.rhsInto, title: e.title })),
  };
}

/**
 * The diagram as a flowchart with flowchart ids and text as mermaid's flowchart parser would
 * give it (entities for markup), and the comments keyed the same way, so that the
 * flowchart's import reads it. Titles the export wrote unchanged stand for the saved
 * element; an edited title is the new label.
 */
/** What reading the drawing had to assume, near the id whose line it concerns. */
export interface ArchitectureAssumption {
  near: string;
  /** An edge's ends, when it is about an edge: the note points at the edge's own line. */
  edge?: [string, string];
  subject?: string;
  message: string;
}

export function architectureAsFlowchart(d: ArchitectureDiagram, meta: MermaidMeta): { chart: Flowchart; meta: MermaidMeta; assumptions: ArchitectureAssumption[] } {
  const assumptions: ArchitectureAssumption[] = [];
  const id = flowchartIdOf;
  const savedComponents = new Map([...meta.components].map(([k, c]) => [id(k), c]));
  const savedDomains = new Map([...meta.domains].map(([k, dom]) => [id(k), dom]));
  const vertices = d.services.map((s) => ({ id: id(s.id), text: serviceText(s, savedComponents.get(id(s.id))), shape: s.icon, classes: [] }));
  const subgraphs = d.groups.map((g) => ({
    id: id(g.id),
    title: groupText(g, savedDomains.get(id(g.id))),
    nodes: [...d.services, ...d.groups].filter((n) => n.in === g.id).map((n) => id(n.id)),
  }));
  // Links come back in the order the comments list them (junctions are resolved last).
  const topologyId = (fid: string) => savedComponents.get(fid)?.id ?? topologyIdOf(fid);
  const rank = (e: FlowEdge) => {
    const i = meta.links.findIndex((l) => l.from === topologyId(e.start) && l.to === topologyId(e.end));
    return i < 0 ? meta.links.length : i;
  };
  const edges = resolveJunctions(d, assumptions).map((e) => savedEdge({ ...e, start: id(e.start), end: id(e.end) }, meta, topologyId)).sort((a, b) => rank(a) - rank(b));
  return { chart: { vertices, edges, subgraphs }, meta: { ...meta, components: savedComponents, domains: savedDomains }, assumptions };
}

/** An edge whose title is a saved link's, as exported: that link's own words, and its line style. */
function savedEdge(e: FlowEdge, meta: MermaidMeta, topologyId: (fid: string) => string): FlowEdge {
  const saved = meta.links.find((l) => l.from === topologyId(e.start) && l.to === topologyId(e.end) && shownTitle(linkText(l)) === e.text);
  if (!saved) return e;
  const dotted = linkType(saved) === 'replication' || saved.optional === true;
  return { ...e, text: escaped(linkText(saved)), stroke: dotted ? 'dotted' : 'normal' };
}

/** A title without the SPOF mark the export adds (a link with no words is titled by the mark alone). */
function unmarked(title: string | undefined): string {
  return (title ?? '').replace(new RegExp(`(^|\\s)${SPOF_MARK.trim().replace(/[()]/g, '\\$&')}$`), '').trimEnd();
}

/** The drawn title is the saved one, with or without the SPOF mark. */
function isShown(title: string | undefined, saved: string): boolean {
  const shown = shownTitle(saved);
  return title === shown || unmarked(title) === shown;
}

// Titles as drawn are handed over as mermaid's parser gives them (its entity placeholders
// included, which import decodes); saved texts are escaped so that they decode to themselves.
function serviceText(s: ArchNode, saved: Component | undefined): string {
  const title = unmarked(s.title);
  if (!saved) return title || s.id;
  // As exported: the saved component, as a flowchart shows it. Edited: the new label, the saved kind line.
  if (isShown(s.title, serviceTitle(saved))) return escaped(componentText(saved));
  const [, kind] = componentText({ ...saved, label: 'x' }).split('\n');
  return `${title}<br>${kind}`;
}

function groupText(g: ArchNode, saved: FailureDomain | undefined): string {
  const title = unmarked(g.title);
  if (saved && isShown(g.title, groupTitle(saved))) return escaped(domainTitle(saved));
  return title || g.id;
}

/** Text that decodes to itself: markup and mermaid's placeholder characters as numeric entities, line breaks as `<br>`. */
function escaped(text: string): string {
  return text.replace(/[&<>\uFB02\u00B0\u00B6\u00DF]/g, (ch) => `&#${ch.codePointAt(0)};`).replace(/\n/g, '<br>');
}

/**
 * Edges between services stay edges (the arrow says which way; none, the written order).
 * Junctions joined by edges form one hub: every service attached to the hub without an
 * arrow into it calls every service an arrow points into.
 */
function resolveJunctions(d: ArchitectureDiagram, assumptions: ArchitectureAssumption[]): FlowEdge[] {
  const junctions = new Set(d.junctions.map((j) => j.id));
  const hub = new Map([...junctions].map((j) => [j, j]));
  const root = (j: string): string => {
    while (hub.get(j) !== j) j = hub.get(j)!;
    return j;
  };
  for (const e of d.edges) if (junctions.has(e.lhsId) && junctions.has(e.rhsId)) hub.set(root(e.lhsId), root(e.rhsId));

  const out: FlowEdge[] = [];
  const attached = new Map<string, { sources: string[]; targets: string[] }>();
  for (const e of d.edges) {
    const [a, b] = [junctions.has(e.lhsId), junctions.has(e.rhsId)];
    if (a && b) continue;
    const text = unmarked(e.title);
    const stroke = /\b(replication|optional|backup)\b/i.test(text) ? 'dotted' : 'normal';
    if (!a && !b) {
      if (e.lhsInto && !e.rhsInto) out.push({ start: e.rhsId, end: e.lhsId, type: 'arrow_point', stroke, text });
      else {
        out.push({ start: e.lhsId, end: e.rhsId, type: e.lhsInto && e.rhsInto ? 'double_arrow_point' : 'arrow_point', stroke, text });
        if (!e.lhsInto && !e.rhsInto) assumptions.push({ near: e.lhsId, edge: [e.lhsId, e.rhsId], subject: `${e.lhsId}->${e.rhsId}`, message: `no arrow between ${e.lhsId} and ${e.rhsId}: ${e.lhsId} taken as the caller (the written order)` });
      }
      continue;
    }
    const [junction, service, into] = a ? [e.lhsId, e.rhsId, e.rhsInto] : [e.rhsId, e.lhsId, e.lhsInto];
    const h = root(junction);
    if (!attached.has(h)) attached.set(h, { sources: [], targets: [] });
    attached.get(h)![into ? 'targets' : 'sources'].push(service);
  }
  for (const [h, { sources, targets }] of attached) {
    if (sources.length === 0 || targets.length === 0) {
      const all = [...sources, ...targets];
      if (all.length < 2) continue;
      assumptions.push({ near: h, message: `junction ${h}: no arrow tells callers from callees: ${all[0]} taken as the caller of ${all.slice(1).join(', ')}` });
      for (const t of all.slice(1)) out.push({ start: all[0], end: t, type: 'arrow_point', stroke: 'normal', text: '' });
      continue;
    }
    for (const s of sources) for (const t of targets) if (s !== t) out.push({ start: s, end: t, type: 'arrow_point', stroke: 'normal', text: '' });
  }
  return out;
}
