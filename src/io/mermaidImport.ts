// Mermaid flowchart -> topology (DESIGN section 4, `import-mermaid`). Exports from SPOF
// Studio come back exactly (their `%% spof:` comments carry what the drawing cannot show);
// hand-written diagrams are read by guesses, each reported.
import { CURRENT_VERSION, FORMAT, parseTopology, type Component, type FailureDomain, type Problem, type Topology } from '../model';
import { buildComponents } from './mermaidComponents';
import { buildLinks } from './mermaidLinks';
import { domainTitle } from './mermaidLabels';
import { readMeta, type MermaidMeta } from './mermaidMeta';
import { guessDomainKind } from './mermaidGuess';
import { parseFlowchart, type Flowchart } from './mermaidParse';
import { decodeMermaidText, topologyIdOf } from './mermaidText';
import { IO_ERROR_CODES, type IoProblem } from './problems';

export type MermaidImportResult =
  | { ok: true; topology: Topology; guesses: string[]; warnings: Problem[] }
  | { ok: false; errors: IoProblem[] };

export async function fromMermaid(text: string): Promise<MermaidImportResult> {
  const parsed = await parseFlowchart(text);
  if (!parsed.ok) return parsed;
  return topologyFromFlowchart(inDeclarationOrder(parsed.flowchart, text), readMeta(text), frontMatterTitle(text));
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
export function topologyFromFlowchart(chart: Flowchart, meta: MermaidMeta, title?: string): MermaidImportResult {
  const guesses: string[] = meta.damaged.map((d) => `ignored a damaged spof comment (${d})`);
  const subgraphIds = new Set(chart.subgraphs.map((s) => s.id));
  // `style <subgraph>` makes mermaid invent a vertex of the subgraph's id: not a node.
  const vertices = chart.vertices.filter((v) => !subgraphIds.has(v.id));
  if (vertices.length === 0) {
    return { ok: false, errors: [{ code: IO_ERROR_CODES.emptyDiagram, path: '', message: 'the flowchart has no nodes: nothing to import' }] };
  }

  const domainIdOf = new Map<string, string>();
  for (const s of chart.subgraphs) domainIdOf.set(s.id, meta.domains.get(s.id)?.id ?? topologyIdOf(s.id));
  const parentOf = new Map<string, string>();
  for (const s of chart.subgraphs) for (const n of s.nodes) if (!parentOf.has(n)) parentOf.set(n, s.id);

  const domains = buildDomains(chart, meta, domainIdOf, parentOf, guesses);
  inSavedOrder(domains, [...meta.domains.values()]);
  const { components, componentIdOf } = buildComponents(vertices, meta, domains, (v) => {
    const sg = parentOf.get(v);
    return sg === undefined ? undefined : domainIdOf.get(sg);
  }, guesses);
  const links = buildLinks(chart.edges, meta, componentIdOf, subgraphIds, guesses);

  inSavedOrder(components, [...meta.components.values()]);
  const doc: Topology = {
    format: FORMAT,
    version: CURRENT_VERSION,
    name: meta.doc.name ?? title ?? 'Imported from Mermaid',
    ...(meta.doc.slo !== undefined ? { slo: meta.doc.slo } : {}),
    domains,
    components,
    links,
  };
  return validate(doc, guesses);
}

/** An export comes back in its own order; what the comments do not know follows, as drawn. */
function inSavedOrder(items: { id: string }[], saved: { id: string }[]): void {
  const order = new Map(saved.map((x, i) => [x.id, i]));
  const rank = (id: string) => order.get(id) ?? order.size;
  items.sort((a, b) => rank(a.id) - rank(b.id));
}

function buildDomains(chart: Flowchart, meta: MermaidMeta, domainIdOf: Map<string, string>, parentOf: Map<string, string>, guesses: string[]): FailureDomain[] {
  return chart.subgraphs.map((s) => {
    const id = domainIdOf.get(s.id)!;
    const parentSg = parentOf.get(s.id);
    const parent = parentSg === undefined ? undefined : domainIdOf.get(parentSg);
    const title = decodeMermaidText(s.title).replace(/\s*\n\s*/g, ' ').trim();
    const known = meta.domains.get(s.id);
    let d: FailureDomain;
    if (known) {
      d = { ...known };
      if (title !== domainTitle(known)) {
        const { label } = splitKindSuffix(title);
        if (label && label !== known.id) d.label = label;
        else delete d.label;
      }
    } else {
      const { label, kind } = splitKindSuffix(title);
      const guess = kind ? { kind, reason: `its title "${title}"` } : guessDomainKind(label);
      d = { id, kind: guess.kind, ...(label && label !== s.id ? { label } : {}) };
      guesses.push(`subgraph ${s.id}: domain kind ${guess.kind} (${guess.reason})`);
    }
    d.id = id;
    if (parent !== undefined) d.parent = parent;
    else delete d.parent;
    return d;
  });
}

const DOMAIN_SUFFIX = /^(.*?) · (provider|region|zone|datacenter|rack)$/;

/** An exported title is `label · kind`; a hand-written one is all label. */
function splitKindSuffix(title: string): { label: string; kind?: FailureDomain['kind'] } {
  const m = DOMAIN_SUFFIX.exec(title);
  return m ? { label: m[1], kind: m[2] as FailureDomain['kind'] } : { label: title };
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
function validate(doc: Topology, guesses: string[]): MermaidImportResult {
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
        guesses.push(`${c.id}: a standby with no active partner in the same dependency group: made it a replica`);
        repaired = true;
      } else if (m[2] === 'requires' && c.requires && (e.code === 'requires-unknown-group' || e.code === 'requires-too-many')) {
        const group = /^components\[\d+\]\.requires(?:\.([^.[]+)|\[("(?:[^"\\]|\\.)*")\])/.exec(e.path);
        const name = group ? (group[1] ?? JSON.parse(group[2]) as string) : undefined;
        if (name !== undefined && Object.hasOwn(c.requires, name)) {
          delete c.requires[name];
          if (Object.keys(c.requires).length === 0) delete c.requires;
          guesses.push(`${c.id}: dropped requires.${name} (${e.message})`);
          repaired = true;
        }
      }
    }
    if (!repaired) return r.ok ? { ok: true, topology: r.topology, guesses, warnings: r.warnings } : { ok: false, errors: r.errors };
  }
  const r = parseTopology(doc);
  return r.ok ? { ok: true, topology: r.topology, guesses, warnings: r.warnings } : { ok: false, errors: r.errors };
}
