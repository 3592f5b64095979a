// Which container holds which node: the tree the layout (and the canvas) nests.
// - A domain sits in its `parent` domain, or at the root.
// - A component with `domain` sits in that domain.
// - A component with `domains` (a pool spread over several zones) sits in the lowest
//   common ancestor of those domains (two zones of one region: the region), or at
//   the root when they share none.
// - A component with neither sits at the root.
// References to unknown domains are treated as absent (the layout must not fail on
// a design the user is still editing); a parent cycle is an error.
import type { Topology } from '../model';

export interface ContainerTree {
  /** The container of every node id (component or domain); undefined = the root. */
  parentOf: Map<string, string | undefined>;
  /** The direct children of each container id; the root's are under ''. */
  childrenOf: Map<string, string[]>;
  domainIds: Set<string>;
  /** Each domain's index in the document's list. */
  domainRank: Map<string, number>;
  componentIds: Set<string>;
}

export const ROOT = '';

export function containerTree(t: Pick<Topology, 'domains' | 'components'>): ContainerTree {
  const domainIds = new Set(t.domains.map((d) => d.id));
  const parentOf = new Map<string, string | undefined>();
  t.domains.forEach((d, i) => {
    parentOf.set(d.id, d.parent !== undefined && domainIds.has(d.parent) ? d.parent : undefined);
    assertNoCycle(parentOf, d.id, i);
  });
  // A second pass: a cycle closed by a domain listed later is seen only once all parents are known.
  t.domains.forEach((d, i) => assertNoCycle(parentOf, d.id, i));

  const componentIds = new Set<string>();
  for (const c of t.components) {
    componentIds.add(c.id);
    const placed = (c.domains ?? (c.domain !== undefined ? [c.domain] : [])).filter((id) => domainIds.has(id));
    parentOf.set(c.id, lowestCommonAncestor(parentOf, placed));
  }

  const childrenOf = new Map<string, string[]>([[ROOT, []]]);
  for (const id of domainIds) childrenOf.set(id, []);
  for (const [id, parent] of parentOf) childrenOf.get(parent ?? ROOT)!.push(id);
  const domainRank = new Map(t.domains.map((d, i) => [d.id, i]));
  return { parentOf, childrenOf, domainIds, domainRank, componentIds };
}

function assertNoCycle(parentOf: Map<string, string | undefined>, id: string, index: number): void {
  const seen = new Set<string>();
  for (let cur: string | undefined = id; cur !== undefined; cur = parentOf.get(cur)) {
    if (seen.has(cur)) throw new Error(`domains[${index}].parent: the domain "${id}" is inside itself (a parent cycle)`);
    seen.add(cur);
  }
}

/** The container chain of a node, nearest first, not including the node itself. */
export function ancestorsOf(tree: ContainerTree, id: string): string[] {
  const out: string[] = [];
  for (let cur = tree.parentOf.get(id); cur !== undefined; cur = tree.parentOf.get(cur)) out.push(cur);
  return out;
}

function lowestCommonAncestor(parentOf: Map<string, string | undefined>, domains: string[]): string | undefined {
  if (domains.length === 0) return undefined;
  const chain = (id: string) => {
    const out: string[] = [];
    for (let cur: string | undefined = id; cur !== undefined; cur = parentOf.get(cur)) out.push(cur);
    return out;
  };
  let common = chain(domains[0]);
  for (const d of domains.slice(1)) {
    const other = new Set(chain(d));
    common = common.filter((id) => other.has(id));
  }
  return common[0];
}

/** Every node inside a container, at any depth. */
export function descendantsOf(tree: ContainerTree, id: string): string[] {
  const out: string[] = [];
  const stack = [...(tree.childrenOf.get(id) ?? [])];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    out.push(cur);
    stack.push(...(tree.childrenOf.get(cur) ?? []));
  }
  return out;
}
