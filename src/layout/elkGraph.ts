// ELK's part of the layout: one global layering of the components.
//
// Why a flat graph and not ELK's compound graph: with hierarchyHandling
// INCLUDE_CHILDREN, ELK layered still layers each container on its own and joins
// them through ports on the container's border, so a zone is one block in its
// parent's layering. In the three-tier example (LB in zone a -> app pool in the
// region -> DB in zone a) the LB and the DB land side by side in one layer of the
// zone, and the app -> DB edge points upward. So ELK lays out the components flat
// (cycle breaking, network-simplex layering, crossing minimisation: the costly
// part, run in the worker) and bands.ts nests the domains around that layering.
//
// Replication links are left out: they copy data sideways between peers
// (primary -> standby) and must not push the standby a layer below its primary.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { linkType, type Topology } from '../model';
import type { Direction, Size } from './types';

/** The graph's own root; not a node id of the design (a component may be called "root"). */
export const ELK_ROOT_ID = '(layout root)';
/** Every node gets this extent along the layer axis, so the nodes of one layer share one coordinate. */
const UNIFORM_MAIN_SIZE = 64;

export interface LeafLayer {
  /** 0 for the sources (clients), growing along the dependencies. */
  layer: number;
  /** ELK's coordinate across the layers: the order of the nodes within a layer. */
  order: number;
}

export function buildLayeringGraph(
  componentIds: string[],
  dependencies: [string, string][],
  direction: Direction,
  sizeOf: (id: string) => Size,
  /** Entry points (clients) that nothing depends on: pinned to the first layer. */
  entries: Set<string> = new Set(),
): ElkNode {
  const children: ElkNode[] = componentIds.map((id) => {
    const { width, height } = sizeOf(id);
    const node: ElkNode = direction === 'TB' ? { id, width, height: UNIFORM_MAIN_SIZE } : { id, width: UNIFORM_MAIN_SIZE, height };
    // ELK would otherwise pull a client down next to the one service it calls.
    if (entries.has(id)) node.layoutOptions = { 'elk.layered.layering.layerConstraint': 'FIRST' };
    return node;
  });
  const edges: ElkExtendedEdge[] = dependencies.map(([from, to], i) => ({
    id: `dependency${i}`,
    sources: [from],
    targets: [to],
  }));
  return {
    id: ELK_ROOT_ID,
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction === 'LR' ? 'RIGHT' : 'DOWN',
      // Only the layering and the order within each layer are read (readLayers): ELK's own
      // node placement and edge routes are not used, so the cheapest of each.
      'elk.edgeRouting': 'POLYLINE',
      'elk.layered.nodePlacement.strategy': 'SIMPLE',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '64',
      // One layering for everything: unconnected parts must share layer 0 (the clients), not stack up.
      'elk.separateConnectedComponents': 'false',
      // Where crossings tie, keep the document's order: an imported diagram lists its nodes as
      // drawn (subgraph by subgraph), so what the author put first stays first.
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children,
    edges,
  };
}

/**
 * The dependency edges between the included components, in link order. When only
 * some components are laid out, a path through left-out components still counts
 * (LB -> app -> DB with only LB and DB selected keeps the LB above the DB).
 */
export function dependencyEdges(t: Pick<Topology, 'links'>, included: Set<string>): [string, string][] {
  const targets = new Map<string, string[]>();
  for (const link of t.links) {
    if (linkType(link) === 'replication' || link.from === link.to) continue;
    targets.set(link.from, [...(targets.get(link.from) ?? []), link.to]);
  }
  const out: [string, string][] = [];
  const seenPairs = new Set<string>();
  for (const from of included) {
    const visited = new Set<string>([from]);
    const stack = [...(targets.get(from) ?? [])].reverse();
    while (stack.length > 0) {
      const cur = stack.pop()!;
      if (visited.has(cur)) continue;
      visited.add(cur);
      if (included.has(cur)) {
        const key = `${from}\u0000${cur}`;
        if (!seenPairs.has(key)) out.push([from, cur]);
        seenPairs.add(key);
      } else {
        stack.push(...[...(targets.get(cur) ?? [])].reverse());
      }
    }
  }
  return out;
}

/** Each component's layer and its order within the layer, read from ELK's coordinates. */
export function readLayers(result: ElkNode, direction: Direction): Map<string, LeafLayer> {
  const nodes = result.children ?? [];
  const mainOf = (n: ElkNode) => Math.round(direction === 'TB' ? (n.y ?? 0) : (n.x ?? 0));
  const crossOf = (n: ElkNode) => (direction === 'TB' ? (n.x ?? 0) : (n.y ?? 0));
  const layerStarts = [...new Set(nodes.map(mainOf))].sort((a, b) => a - b);
  const layerIndex = new Map(layerStarts.map((v, i) => [v, i]));
  return new Map(nodes.map((n) => [n.id, { layer: layerIndex.get(mainOf(n))!, order: crossOf(n) }]));
}
