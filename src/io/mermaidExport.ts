// Topology -> Mermaid flowchart, for docs and READMEs (DESIGN sections 4 and 5).
import { domainAncestors, linkElementId, linkType, replicasOf, instanceId, type Component, type ComponentKind, type Link, type Topology } from '../model';
import { componentText, domainTitle, linkText } from './mermaidLabels';
import { metaBlock } from './mermaidMeta';
import { encodeMermaidText, mermaidIdOf } from './mermaidText';

export interface MermaidExportOptions {
  direction?: 'TB' | 'LR';
  /** Element ids from the analysis (components, `id#i` instances, domains, link element ids) to highlight. */
  spofIds?: Iterable<string>;
}

/** The node shape of each kind, as the brackets around a double-quoted label (all parse in Mermaid 11). */
export const KIND_SHAPES: Record<ComponentKind, readonly [string, string]> = {
  client: ['([', '])'], // stadium
  dns: ['{{', '}}'], // hexagon
  cdn: ['((', '))'], // circle
  loadbalancer: ['{', '}'], // rhombus
  web: ['(', ')'], // rounded
  app: ['[', ']'], // rectangle
  service: ['[[', ']]'], // subroutine
  database: ['[(', ')]'], // cylinder
  cache: ['[(', ')]'],
  storage: ['[(', ')]'],
  queue: ['[/', '/]'], // parallelogram
  external: ['>', ']'], // flag
};

const SPOF_STYLE = 'fill:#fdecea,stroke:#c62828,stroke-width:3px,color:#7f1d1d';
const SPOF_DOMAIN_STYLE = 'fill:#fdecea,stroke:#c62828,stroke-width:3px';

export function toMermaid(t: Topology, opts: MermaidExportOptions = {}): string {
  const direction = opts.direction ?? t.view?.direction ?? 'TB';
  const spofs = new Set(opts.spofIds ?? []);
  const out: string[] = [`flowchart ${direction}`];
  out.push(...metaBlock(t, mermaidIdOf));

  const placement = placeComponents(t);
  const childDomains = new Map<string | undefined, string[]>();
  for (const d of t.domains) {
    const parent = d.parent !== undefined && t.domains.some((p) => p.id === d.parent) ? d.parent : undefined;
    if (!childDomains.has(parent)) childDomains.set(parent, []);
    childDomains.get(parent)!.push(d.id);
  }
  const domainsById = new Map(t.domains.map((d) => [d.id, d]));
  const emitted = new Set<string>();
  const emit = (domain: string | undefined, indent: string) => {
    for (const c of placement.get(domain) ?? []) out.push(`${indent}${nodeLine(c)}`);
    for (const id of childDomains.get(domain) ?? []) {
      // A parent cycle is a validation error; never loop on it.
      if (emitted.has(id)) continue;
      emitted.add(id);
      out.push(`${indent}subgraph ${mermaidIdOf(id)}["${encodeMermaidText(domainTitle(domainsById.get(id)!))}"]`);
      emit(id, `${indent}  `);
      out.push(`${indent}end`);
    }
  };
  emit(undefined, '  ');

  const spofLinks: number[] = [];
  t.links.forEach((l, i) => {
    out.push(`  ${edgeLine(l)}`);
    if (spofs.has(linkElementId(l))) spofLinks.push(i);
  });

  const spofNodes = t.components.filter((c) => spofs.has(c.id) || Array.from({ length: replicasOf(c) }, (_, i) => instanceId(c.id, i + 1)).some((id) => spofs.has(id)));
  const spofDomains = t.domains.filter((d) => spofs.has(d.id));
  if (spofNodes.length + spofDomains.length + spofLinks.length > 0) {
    out.push('  %% Single points of failure');
    out.push(`  classDef spof ${SPOF_STYLE}`);
    if (spofNodes.length > 0) out.push(`  class ${spofNodes.map((c) => mermaidIdOf(c.id)).join(',')} spof`);
    // Mermaid applies no classes to subgraphs: style each one.
    for (const d of spofDomains) out.push(`  style ${mermaidIdOf(d.id)} ${SPOF_DOMAIN_STYLE}`);
    if (spofLinks.length > 0) out.push(`  linkStyle ${spofLinks.join(',')} stroke:#c62828,stroke-width:3px`);
  }
  return `${out.join('\n')}\n`;
}

function nodeLine(c: Component): string {
  const [open, close] = KIND_SHAPES[c.kind];
  return `${mermaidIdOf(c.id)}${open}"${encodeMermaidText(componentText(c))}"${close}`;
}

function edgeLine(l: Link): string {
  const text = linkText(l);
  const dotted = linkType(l) === 'replication' || l.optional === true;
  const arrow = dotted ? '-.->' : '-->';
  const label = text ? `|"${encodeMermaidText(text)}"|` : '';
  return `${mermaidIdOf(l.from)} ${arrow}${label} ${mermaidIdOf(l.to)}`;
}

/**
 * The subgraph each component is drawn in: its `domain`, or for `domains` the innermost
 * domain that holds all of them (a node sits in one subgraph only). Undefined: top level.
 */
export function placeComponents(t: Topology): Map<string | undefined, Component[]> {
  const known = new Set(t.domains.map((d) => d.id));
  const out = new Map<string | undefined, Component[]>();
  for (const c of t.components) {
    const where = drawnDomain(t, c, known);
    if (!out.has(where)) out.set(where, []);
    out.get(where)!.push(c);
  }
  return out;
}

export function drawnDomain(t: Pick<Topology, 'domains'>, c: Component, known: Set<string>): string | undefined {
  const list = c.domains ?? (c.domain !== undefined ? [c.domain] : []);
  if (list.length === 0 || list.some((d) => !known.has(d))) return undefined;
  let common = domainAncestors(t, list[0]);
  for (const d of list.slice(1)) {
    const chain = new Set(domainAncestors(t, d));
    common = common.filter((a) => chain.has(a));
  }
  return common[0];
}
