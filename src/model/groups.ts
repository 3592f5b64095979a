// The default dependency-group rule of DESIGN section 2: alternatives are targets
// of the same interchangeable kind, or copies of the same data (joined by replication).
import { linkType } from './derive';
import type { ComponentKind, Link, Topology } from './schema';

const INTERCHANGEABLE: ReadonlySet<ComponentKind> = new Set(['dns', 'cdn', 'loadbalancer', 'web', 'app']);

/** Whether links to targets of this kind are grouped by kind (alternatives) by default. */
export function isInterchangeableKind(kind: ComponentKind): boolean {
  return INTERCHANGEABLE.has(kind);
}

/** Maps each component id to the smallest id of its connected set of replication links. */
export function replicationSets(t: Pick<Topology, 'links'>): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    let c = x;
    while (c !== r) {
      const next = parent.get(c)!;
      parent.set(c, r);
      c = next;
    }
    return r;
  };
  for (const l of t.links) {
    if (linkType(l) !== 'replication') continue;
    for (const x of [l.from, l.to]) if (!parent.has(x)) parent.set(x, x);
    const a = find(l.from);
    const b = find(l.to);
    if (a !== b) {
      // Keep the smaller id as the root so the root is the set's name.
      if (a < b) parent.set(b, a);
      else parent.set(a, b);
    }
  }
  const out = new Map<string, string>();
  for (const x of parent.keys()) out.set(x, find(x));
  return out;
}

export type GroupResolver = (link: Link) => string;

/** Returns the group of each dependency link: its `group`, else the default rule. */
export function groupResolver(t: Pick<Topology, 'links' | 'components'>): GroupResolver {
  const kinds = new Map(t.components.map((c) => [c.id, c.kind]));
  const sets = replicationSets(t);
  return (link) => {
    if (link.group !== undefined) return link.group;
    const kind = kinds.get(link.to);
    if (kind && INTERCHANGEABLE.has(kind)) return kind;
    const root = sets.get(link.to);
    if (root !== undefined) return `replicas:${root}`;
    return `component:${link.to}`;
  };
}

/** The default group of a link, ignoring its `group` override (shown in the inspector). */
export function defaultGroupOf(t: Pick<Topology, 'links' | 'components'>, link: Link): string {
  return groupResolver(t)({ ...link, group: undefined });
}
