// Mermaid flowchart -> topology (DESIGN section 4, `import-mermaid`). Exports from SPOF
// Studio come back exactly (their `%% spof:` comments carry what the drawing cannot show);
// hand-written diagrams are read by guesses, each reported.
import type { ImportNote } from '../import/notes';
import { CURRENT_VERSION, FORMAT, parseTopology, type Component, type Link, type Problem, type Topology } from '../model';
import { MAX_LINKS, numberText } from '../model/limits';
import { architectureAsFlowchart } from './architectureRead';
import { buildComponents } from './mermaidComponents';
import { buildDomains } from './mermaidDomains';
import { pairsPastLimit, subgraphEnds } from './mermaidEdges';
import { buildLinks } from './mermaidLinks';
import { SourceLocator } from './mermaidLocate';
import { readMeta, type MermaidMeta } from './mermaidMeta';
import { MermaidNotes } from './mermaidNotes';
import { parseFlowchart, type Flowchart, type FlowSubgraph } from './mermaidParse';
import { repairSource, type Repair } from './mermaidPrepare';
import { responseEdges } from './mermaidResponses';
import { readRoles } from './mermaidRoles';
import { topologyIdOf } from './mermaidText';
import { IO_ERROR_CODES, type IoProblem } from './problems';

export type MermaidImportResult =
  | {
      ok: true;
      topology: Topology;
      notes: ImportNote[];
      warnings: Problem[];
      /** Set when mermaid refused the text as written and the import read it with quoted labels: that text, which renders. */
      correctedText?: string;
    }
  | { ok: false; errors: IoProblem[] };

/** Subgraph titles that say their members are the users. */
const CLIENT_GROUP = /^\W*(the )?(clients?|users?|client (layer|side|tier|apps?)|user (layer|side)|end users|customers|actors|people|external (users|clients))\W*$/iu;

export interface MermaidImportOptions {
  /** The file name the notes point at (default `diagram.mmd`). */
  file?: string;
}

export async function fromMermaid(text: string, opts: MermaidImportOptions = {}): Promise<MermaidImportResult> {
  let parsed = await parseFlowchart(text);
  let source = text;
  let repairs: Repair[] = [];
  if (!parsed.ok && parsed.errors[0]?.code === IO_ERROR_CODES.mermaidSyntax) {
    // Diagrams that people commit with `(` in an unquoted label: read them with the labels quoted.
    const repaired = repairSource(text);
    if (repaired.repairs.length > 0) {
      const again = await parseFlowchart(repaired.text);
      if (again.ok) [parsed, source, repairs] = [again, repaired.text, repaired.repairs];
    }
  }
  if (!parsed.ok) return parsed;
  if (parsed.architecture) {
    const { chart, meta, assumptions } = architectureAsFlowchart(parsed.architecture, readMeta(text));
    const notes = new MermaidNotes(opts.file ?? 'diagram.mmd', new SourceLocator(text, chart.edges));
    for (const a of assumptions) notes.at(architectureLine(text, a.near, a.edge), a.subject, 'assumed', a.message);
    return topologyFromFlowchart(chart, meta, notes, { text, title: frontMatterTitle(text) });
  }
  const locator = new SourceLocator(source);
  const { chart: joined, repeated } = joinRepeatedSubgraphs(inDeclarationOrder(parsed.flowchart, locator));
  const chart = separateNamesakes(joined);
  const notes = new MermaidNotes(opts.file ?? 'diagram.mmd', new SourceLocator(source, chart.edges));
  for (const id of repeated) {
    const [first, ...again] = locator.subgraphOpenings(id);
    for (const place of again) {
      notes.at(place, id, 'warning', `subgraph ${id} is opened again${first ? ` (first at line ${first.line})` : ''}: one id is one group, so its members join the first`);
    }
  }
  for (const r of repairs) {
    notes.at({ line: r.line }, undefined, 'warning', `Mermaid refuses this line as written: ${r.what} (the corrected diagram is offered, and renders)`);
  }
  const result = topologyFromFlowchart(chart, readMeta(source), notes, { text: source, title: frontMatterTitle(source) });
  return result.ok && repairs.length > 0 ? { ...result, correctedText: source } : result;
}

/** The line of an architecture diagram that writes an edge, or declares an id, or first names it. */
function architectureLine(text: string, id: string, edge?: [string, string]): { line: number } | undefined {
  const lines = text.split(/\r\n|\n|\r/);
  const re = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = [
    ...(edge ? [new RegExp(`^\\s*${re(edge[0])}(\\{group\\})?:[LRTB]\\s.*[LRTB]:${re(edge[1])}(\\{group\\})?\\s*$`)] : []),
    new RegExp(`^\\s*(service|junction|group)\\s+${re(id)}\\b`),
    new RegExp(`(^|\\s)${re(id)}(\\{group\\})?:[LRTB]\\b`),
  ];
  for (const p of patterns) {
    const i = lines.findIndex((l) => p.test(l));
    if (i >= 0) return { line: i + 1 };
  }
  return undefined;
}

/** Mermaid lists subgraphs as their `end` comes (inner first): put them back as written, parents first. */
function inDeclarationOrder(chart: Flowchart, at: SourceLocator): Flowchart {
  const line = new Map(chart.subgraphs.map((sg) => [sg.id, at.subgraph(sg)?.line ?? Infinity]));
  return { ...chart, subgraphs: [...chart.subgraphs].sort((a, b) => line.get(a.id)! - line.get(b.id)!) };
}

/**
 * Mermaid keeps a subgraph per `subgraph` line even when the id repeats (written twice, or
 * inside itself); as domains they would be two with one id. They become one group.
 */
function joinRepeatedSubgraphs(chart: Flowchart): { chart: Flowchart; repeated: string[] } {
  const byId = new Map<string, { sg: FlowSubgraph; members: Set<string> }>();
  const repeated = new Set<string>();
  for (const sg of chart.subgraphs) {
    const first = byId.get(sg.id);
    if (!first) byId.set(sg.id, { sg: { ...sg }, members: new Set(sg.nodes) });
    else {
      repeated.add(sg.id);
      if (!first.sg.title && sg.title) first.sg.title = sg.title;
      for (const n of sg.nodes) first.members.add(n);
    }
  }
  if (repeated.size === 0) return { chart, repeated: [] };
  // Opened inside itself, a subgraph lists its own id among its members.
  const subgraphs = [...byId.values()].map(({ sg, members }) => ({ ...sg, nodes: [...members].filter((n) => n !== sg.id) }));
  return { chart: { ...chart, subgraphs }, repeated: [...repeated] };
}

/**
 * `subgraph "API"` around a node `API[FastAPI backend]`: mermaid gives both the id API.
 * The node keeps it; the subgraph becomes `<id>-group`.
 */
function separateNamesakes(chart: Flowchart): Flowchart {
  // Nodes drawn as nodes (a label or a shape), found once: a search of every node per subgraph was quadratic.
  const drawnNodes = new Set(chart.vertices.filter((v) => v.text !== v.id || v.shape !== undefined).map((v) => v.id));
  const namesakes = new Set(chart.subgraphs.filter((sg) => sg.nodes.includes(sg.id) || drawnNodes.has(sg.id)).map((sg) => sg.id));
  if (namesakes.size === 0) return chart;
  const taken = new Set([...chart.vertices.map((v) => v.id), ...chart.subgraphs.map((sg) => sg.id)]);
  const renamed = new Map<string, string>();
  for (const id of namesakes) {
    let next = `${id}-group`;
    for (let i = 2; taken.has(next); i++) next = `${id}-group-${i}`;
    taken.add(next);
    renamed.set(id, next);
  }
  return {
    ...chart,
    subgraphs: chart.subgraphs.map((sg) => ({
      ...sg,
      id: renamed.get(sg.id) ?? sg.id,
      // In its own list the id is the node; in another's, the nested subgraph.
      nodes: sg.nodes.map((n) => (n !== sg.id && renamed.has(n) && !namesakes.has(sg.id) ? renamed.get(n)! : n)),
    })),
  };
}

/** The pure half of the import, after mermaid has parsed the text. */
export function topologyFromFlowchart(chart: Flowchart, meta: MermaidMeta, notes: MermaidNotes, source: { text?: string; title?: string } = {}): MermaidImportResult {
  for (const d of meta.damaged) {
    // mermaidMeta says `line <n>: <reason>`.
    const m = /^line (\d+): (.*)$/.exec(d);
    notes.at(m ? { line: Number(m[1]) } : undefined, undefined, 'warning', `ignored a damaged spof comment (${m ? m[2] : d})`);
  }
  const subgraphIds = new Set(chart.subgraphs.map((s) => s.id));
  // `style <subgraph>` and edges to a subgraph make mermaid invent a vertex of its id: not a node.
  const vertices = chart.vertices.filter((v) => !subgraphIds.has(v.id));
  if (vertices.length === 0) {
    return { ok: false, errors: [{ code: IO_ERROR_CODES.emptyDiagram, path: '', message: 'the flowchart has no nodes: nothing to import' }] };
  }

  const componentIds = new Set(vertices.map((v) => meta.components.get(v.id)?.id ?? topologyIdOf(v.id)));
  const { domains, domainIdOf, parentOf } = buildDomains(chart, meta, source.text ?? '', componentIds, notes);
  inSavedOrder(domains, [...meta.domains.values()]);
  const nodeIds = new Set(vertices.map((v) => v.id));
  // Answers drawn back along a call are no calls: they neither make a node a callee nor a link.
  const responses = responseEdges(chart.edges, (id) => nodeIds.has(id), (e) => meta.components.has(e.start) && meta.components.has(e.end));
  // Indexed once: asked for every node, a search of every edge was quadratic (20,000 nodes: seconds).
  const callersOf = new Map<string, string[]>();
  chart.edges.forEach((e, i) => {
    if (!/^arrow_(point|cross|circle)$/.test(e.type) || !nodeIds.has(e.start) || e.start === e.end || responses.has(i)) return;
    const callers = callersOf.get(e.end);
    if (callers) callers.push(e.start);
    else callersOf.set(e.end, [e.start]);
  });
  const domainById = new Map(domains.map((d) => [d.id, d]));
  const { components, componentIdOf, saved } = buildComponents(
    vertices,
    meta,
    domains,
    (v) => {
      const sg = parentOf.get(v);
      return sg === undefined ? undefined : domainIdOf.get(sg);
    },
    (v) => callersOf.get(v) ?? [],
    (v) => {
      const sg = parentOf.get(v);
      const id = sg === undefined ? undefined : domainIdOf.get(sg);
      const d = id === undefined ? undefined : domainById.get(id);
      const title = d?.label ?? d?.id;
      return title !== undefined && CLIENT_GROUP.test(title) ? title : undefined;
    },
    notes,
  );
  const componentById = new Map<string, Component>();
  for (const c of components) if (!componentById.has(c.id)) componentById.set(c.id, c);
  const contextOf = (componentId: string) => {
    const titles: string[] = [];
    const c = componentById.get(componentId);
    for (let d = c?.domain === undefined ? undefined : domainById.get(c.domain); d; d = d.parent === undefined ? undefined : domainById.get(d.parent)) {
      titles.push(d.label ?? d.id);
    }
    return titles;
  };
  const ends = subgraphEnds(chart.subgraphs, chart.edges, (id) => componentIdOf.has(id));
  const past = pairsPastLimit(chart.edges, ends, (id) => componentIdOf.get(id), MAX_LINKS);
  if (past) {
    const e = chart.edges[past.index];
    const line = notes.edgePlace(past.index)?.line;
    return {
      ok: false,
      errors: [{
        code: IO_ERROR_CODES.tooLarge, path: line === undefined ? '' : `line ${line}`,
        message: `more than ${numberText(MAX_LINKS)} links drawn by the edge ${e.start} -> ${e.end} (it joins each of ${numberText(past.starts)} nodes to each of ${numberText(past.finishes)}, as an edge between subgraphs does): a design has at most ${numberText(MAX_LINKS)} links`,
      }],
    };
  }
  const links = buildLinks({ edges: chart.edges, responses, subgraphs: chart.subgraphs, meta, componentIdOf, components, saved, contextOf, notes, ends });
  readRoles(components, links, saved, notes);

  inSavedOrder(components, [...meta.components.values()]);
  inDrawnOrder(links, components, meta);
  const doc: Topology = {
    format: FORMAT,
    version: CURRENT_VERSION,
    name: meta.doc.name ?? source.title ?? 'Imported from Mermaid',
    ...(meta.doc.slo !== undefined ? { slo: meta.doc.slo } : {}),
    domains,
    components,
    links,
  };
  // The layout follows the diagram's own direction (top to bottom is the default).
  if (chart.direction === 'LR' || chart.direction === 'RL') doc.view = { direction: 'LR' };
  return validate(doc, notes);
}

/**
 * A hand-drawn diagram's links in the order of the nodes they join (each node where it was
 * first drawn, subgraph by subgraph): the layout keeps that order where crossings tie, so the
 * subgraphs come out as the author wrote them. An export's links keep their saved order.
 */
function inDrawnOrder(links: Link[], components: Component[], meta: MermaidMeta): void {
  if (meta.links.length > 0) return;
  const at = new Map(components.map((c, i) => [c.id, i]));
  const rank = (l: Link) => [at.get(l.from) ?? 0, at.get(l.to) ?? 0];
  links.sort((a, b) => {
    const [af, at2] = rank(a);
    const [bf, bt] = rank(b);
    return af - bf || at2 - bt;
  });
}

/** An export comes back in its own order; what the comments do not know follows, as drawn. */
function inSavedOrder(items: { id: string }[], saved: { id: string }[]): void {
  const order = new Map(saved.map((x, i) => [x.id, i]));
  const rank = (id: string) => order.get(id) ?? order.size;
  items.sort((a, b) => rank(a.id) - rank(b.id));
}

function frontMatterTitle(text: string): string | undefined {
  const m = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const title = m ? /^title:\s*(.+?)\s*$/m.exec(m[1])?.[1] : undefined;
  return title?.replace(/^(["'])(.*)\1$/, '$2');
}

/**
 * The result must pass the one schema, and its guesses should not leave modelling warnings
 * behind (a standby with no active partner in its group: the label's word was a guess; a
 * `requires` on a group whose links were removed): repair those, say so, and check again.
 */
function validate(doc: Topology, notes: MermaidNotes): MermaidImportResult {
  for (let round = 0; round < 3; round++) {
    const r = parseTopology(doc);
    let repaired = false;
    for (const e of r.ok ? r.warnings : r.errors) {
      const m = /^components\[(\d+)\]\.(role|requires)/.exec(e.path);
      if (!m) continue;
      const c: Component = doc.components[Number(m[1])];
      if (m[2] === 'role' && e.code === 'standby-alone') {
        c.role = 'replica';
        delete c.standby;
        delete c.failoverSeconds;
        notes.component(c.id, 'warning', 'a standby with no active partner in the same dependency group: made it a replica', { field: 'role' });
        repaired = true;
      } else if (m[2] === 'requires' && c.requires && (e.code === 'requires-unknown-group' || e.code === 'requires-too-many')) {
        const group = /^components\[\d+\]\.requires(?:\.([^.[]+)|\[("(?:[^"\\]|\\.)*")\])/.exec(e.path);
        const name = group ? (group[1] ?? JSON.parse(group[2]) as string) : undefined;
        if (name !== undefined && Object.hasOwn(c.requires, name)) {
          delete c.requires[name];
          if (Object.keys(c.requires).length === 0) delete c.requires;
          notes.component(c.id, 'warning', `dropped requires.${name} (${e.message})`);
          repaired = true;
        }
      }
    }
    if (!repaired) return r.ok ? { ok: true, topology: r.topology, notes: notes.list, warnings: r.warnings } : { ok: false, errors: r.errors };
  }
  const r = parseTopology(doc);
  return r.ok ? { ok: true, topology: r.topology, notes: notes.list, warnings: r.warnings } : { ok: false, errors: r.errors };
}
