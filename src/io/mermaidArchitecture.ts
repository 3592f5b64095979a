// Topology -> Mermaid `architecture-beta` (DESIGN section 4, `mermaid --diagram
// architecture`): failure domains as nested groups, components as services with mermaid's
// built-in icons by kind, edges between the sides the layout puts them on, junctions where
// one source fans out to several targets, SPOFs marked in the titles, and the same
// `%% spof:` comments as the flowchart so that import reads the design back exactly.
import { domainAncestors, instanceId, linkElementId, replicasOf, type Component, type ComponentKind, type DomainKind, type Link, type Topology } from '../model';
import { architectureLayout, isPlainDependency, OPPOSITE, type Side } from './architectureLayout';
import { architectureIdOf, encodeArchitectureTitle, groupTitle, serviceTitle, SPOF_MARK } from './architectureText';
import { drawnDomain } from './mermaidExport';
import { linkText } from './mermaidLabels';
import { metaBlock } from './mermaidMeta';

export interface ArchitectureExportOptions {
  /** Which way the tiers run when the document has no positions. */
  direction?: 'TB' | 'LR';
  /** Element ids from the analysis (components, `id#i` instances, domains) to mark as SPOFs. */
  spofIds?: Iterable<string>;
}

/** Mermaid's built-in architecture icons are cloud, database, disk, internet and server. */
export const KIND_ICONS: Record<ComponentKind, string> = {
  client: 'internet',
  dns: 'internet',
  cdn: 'cloud',
  loadbalancer: 'server',
  web: 'server',
  app: 'server',
  service: 'server',
  database: 'database',
  cache: 'database',
  storage: 'disk',
  queue: 'disk',
  external: 'cloud',
};

const DOMAIN_ICONS: Partial<Record<DomainKind, string>> = {
  provider: 'cloud',
  region: 'cloud',
  datacenter: 'server',
  rack: 'server',
  host: 'server',
};

export function toMermaidArchitecture(t: Topology, opts: ArchitectureExportOptions = {}): string {
  const direction = opts.direction ?? (t.view?.direction === 'LR' ? 'LR' : 'TB');
  const spofs = new Set(opts.spofIds ?? []);
  const isSpof = (c: Component) => spofs.has(c.id) || Array.from({ length: replicasOf(c) }, (_, i) => instanceId(c.id, i + 1)).some((id) => spofs.has(id));
  const out: string[] = ['architecture-beta'];
  // One push per line: spreading 100,000 lines into push() overflowed the stack.
  for (const line of metaBlock(t, architectureIdOf)) out.push(line);

  // Groups before what they hold: parents first, as mermaid requires.
  const known = new Set(t.domains.map((d) => d.id));
  for (const d of parentsFirst(t)) {
    const icon = DOMAIN_ICONS[d.kind];
    const parent = d.parent !== undefined && known.has(d.parent) ? ` in ${architectureIdOf(d.parent)}` : '';
    out.push(`  group ${architectureIdOf(d.id)}${icon ? `(${icon})` : ''}${encodeArchitectureTitle(groupTitle(d) + (spofs.has(d.id) ? SPOF_MARK : ''))}${parent}`);
  }
  const groupOf = new Map(t.components.map((c) => [c.id, drawnDomain(t, c, known)]));
  for (const c of t.components) {
    const group = groupOf.get(c.id);
    out.push(`  service ${architectureIdOf(c.id)}(${KIND_ICONS[c.kind]})${encodeArchitectureTitle(serviceTitle(c) + (isSpof(c) ? SPOF_MARK : ''))}${group !== undefined ? ` in ${architectureIdOf(group)}` : ''}`);
  }
  for (const line of edgeLines(t, direction, groupOf, spofs)) out.push(line);
  return `${out.join('\n')}\n`;
}

function parentsFirst(t: Topology): Topology['domains'] {
  const byId = new Map(t.domains.map((d) => [d.id, d]));
  const done = new Set<string>();
  const out: Topology['domains'] = [];
  const visit = (id: string, path: Set<string>) => {
    const d = byId.get(id);
    if (!d || done.has(id) || path.has(id)) return;
    path.add(id);
    if (d.parent !== undefined) visit(d.parent, path);
    done.add(id);
    out.push(d);
  };
  for (const d of t.domains) visit(d.id, new Set());
  return out;
}

/**
 * The edges. A source whose plain dependencies leave by the same side towards two or more
 * targets gets a row of junctions (one per target, in the targets' order across), joined to
 * each other and to the source's side, each with one edge to its target: the lines fan out
 * instead of piling onto one another.
 */
function edgeLines(t: Topology, direction: 'TB' | 'LR', groupOf: Map<string, string | undefined>, spofs: Set<string>): string[] {
  const layout = architectureLayout(t, direction);
  const ids = new Set(t.components.map((c) => c.id));
  const drawable = t.links.filter((l) => ids.has(l.from) && ids.has(l.to) && l.from !== l.to);
  const fans = new Map<string, Link[]>();
  for (const l of drawable) {
    if (!isPlainDependency(l) || spofs.has(linkElementId(l))) continue;
    const key = `${l.from}\u0000${layout.side(l.from, l.to)}`;
    if (!fans.has(key)) fans.set(key, []);
    fans.get(key)!.push(l);
  }
  const junctioned = new Set<Link>();
  const lines: string[] = [];
  const junctionIds = new Set(t.components.map((c) => architectureIdOf(c.id)).concat(t.domains.map((d) => architectureIdOf(d.id))));
  for (const [key, links] of fans) {
    const [from, side] = key.split('\u0000') as [string, Side];
    const across = (l: Link) => (side === 'T' || side === 'B' ? layout.position(l.to).x : layout.position(l.to).y);
    const targets = [...new Map(links.map((l) => [l.to, l])).values()].sort((a, b) => across(a) - across(b));
    if (targets.length < 2) continue;
    // Only within the source's own group: junctions that sit in a wider group pull the
    // groups across one another in mermaid's layout.
    const group = junctionGroup(t, [from, ...targets.map((l) => l.to)], groupOf);
    if (group !== groupOf.get(from)) continue;
    for (const l of links) junctioned.add(l);
    lines.push(...junctionRow(from, side, targets, group, junctionIds));
  }
  for (const l of drawable) {
    if (junctioned.has(l)) continue;
    const side = layout.side(l.from, l.to);
    // Architecture edges have no styles: a link that is a SPOF says so in its title.
    const text = linkText(l) + (spofs.has(linkElementId(l)) ? SPOF_MARK : '');
    const arrow = text ? `-${encodeArchitectureTitle(text)}->` : '-->';
    lines.push(`  ${architectureIdOf(l.from)}:${side} ${arrow} ${OPPOSITE[side]}:${architectureIdOf(l.to)}`);
  }
  return lines;
}

function junctionRow(from: string, side: Side, targets: Link[], group: string | undefined, taken: Set<string>): string[] {
  const source = architectureIdOf(from);
  const names = targets.map((_, i) => uniqueId(`${source}_fan${i + 1}`, taken));
  // Junctions run across the fan: left to right below or above the source, top to bottom beside it.
  const [next, back] = side === 'T' || side === 'B' ? (['R', 'L'] as const) : (['B', 'T'] as const);
  const lines = names.map((j) => `  junction ${j}${group !== undefined ? ` in ${architectureIdOf(group)}` : ''}`);
  const middle = names[Math.floor((names.length - 1) / 2)];
  lines.push(`  ${source}:${side} -- ${OPPOSITE[side]}:${middle}`);
  for (let i = 1; i < names.length; i++) lines.push(`  ${names[i - 1]}:${next} -- ${back}:${names[i]}`);
  targets.forEach((l, i) => lines.push(`  ${names[i]}:${side} --> ${OPPOSITE[side]}:${architectureIdOf(l.to)}`));
  return lines;
}

/** The innermost group that holds all of them (the junctions sit there), or none. */
function junctionGroup(t: Topology, componentIds: string[], groupOf: Map<string, string | undefined>): string | undefined {
  const chains = componentIds.map((id) => {
    const g = groupOf.get(id);
    return g === undefined ? [] : domainAncestors(t, g);
  });
  return chains[0].find((g) => chains.every((chain) => chain.includes(g)));
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return id;
}
