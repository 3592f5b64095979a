// Mermaid flowchart -> topology (DESIGN section 4, `import-mermaid`). Exports from SPOF
// Studio come back exactly (their `%% spof:` comments carry what the drawing cannot show);
// hand-written diagrams are read by guesses, each reported.
import type { ImportNote } from '../import/notes';
import { CURRENT_VERSION, FORMAT, parseTopology, type Component, type Problem, type Topology } from '../model';
import { buildComponents } from './mermaidComponents';
import { buildDomains } from './mermaidDomains';
import { buildLinks } from './mermaidLinks';
import { SourceLocator } from './mermaidLocate';
import { readMeta, type MermaidMeta } from './mermaidMeta';
import { MermaidNotes } from './mermaidNotes';
import { parseFlowchart, type Flowchart } from './mermaidParse';
import { topologyIdOf } from './mermaidText';
import { IO_ERROR_CODES, type IoProblem } from './problems';

export type MermaidImportResult =
  | { ok: true; topology: Topology; notes: ImportNote[]; warnings: Problem[] }
  | { ok: false; errors: IoProblem[] };

export interface MermaidImportOptions {
  /** The file name the notes point at (default `diagram.mmd`). */
  file?: string;
}

export async function fromMermaid(text: string, opts: MermaidImportOptions = {}): Promise<MermaidImportResult> {
  const parsed = await parseFlowchart(text);
  if (!parsed.ok) return parsed;
  const chart = inDeclarationOrder(parsed.flowchart, text);
  const notes = new MermaidNotes(opts.file ?? 'diagram.mmd', new SourceLocator(text, chart.edges));
  return topologyFromFlowchart(chart, readMeta(text), notes, { text, title: frontMatterTitle(text) });
}

/** Mermaid lists subgraphs as their `end` comes (inner first): put them back as written, parents first. */
function inDeclarationOrder(chart: Flowchart, text: string): Flowchart {
  const at = new Map<string, number>();
  const re = /^\s*subgraph\s+([^\s[]+)/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) if (!at.has(m[1])) at.set(m[1], m.index);
  const pos = (id: string) => at.get(id) ?? Infinity;
  return { ...chart, subgraphs: [...chart.subgraphs].sort((a, b) => pos(a.id) - pos(b.id)) };
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
  const { components, componentIdOf } = buildComponents(vertices, meta, domains, (v) => {
    const sg = parentOf.get(v);
    return sg === undefined ? undefined : domainIdOf.get(sg);
  }, notes);
  const links = buildLinks(chart.edges, meta, componentIdOf, subgraphIds, notes);

  inSavedOrder(components, [...meta.components.values()]);
  const doc: Topology = {
    format: FORMAT,
    version: CURRENT_VERSION,
    name: meta.doc.name ?? source.title ?? 'Imported from Mermaid',
    ...(meta.doc.slo !== undefined ? { slo: meta.doc.slo } : {}),
    domains,
    components,
    links,
  };
  return validate(doc, notes);
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
