// Drawn edges -> pairs of components. An edge to a subgraph means an edge to its entry
// members (those that nothing inside the subgraph points to); an edge from a subgraph, from
// its exit members (those that point to nothing inside it). `A & B --> Caching`, where
// Caching is a subgraph, links A and B to what Caching's entries are.
import type { FlowEdge, FlowSubgraph } from './mermaidParse';

export interface DrawnPair {
  /** The edge's index in mermaid's list (for the note's line). */
  index: number;
  edge: FlowEdge;
  /** Component ids, as written (start, end). */
  start: string;
  end: string;
  /** Set when an end was a subgraph: which, and the members it stood for. */
  viaStart?: { subgraph: string; members: string[] };
  viaEnd?: { subgraph: string; members: string[] };
}

export interface SubgraphEnds {
  /** Every node inside the subgraph, nested subgraphs included. */
  members: string[];
  entries: string[];
  exits: string[];
}

/** Entry and exit members of every subgraph, from the node-to-node edges drawn inside it. */
export function subgraphEnds(subgraphs: FlowSubgraph[], edges: FlowEdge[], isNode: (id: string) => boolean): Map<string, SubgraphEnds> {
  const byId = new Map(subgraphs.map((s) => [s.id, s]));
  const membersOf = new Map<string, string[]>();
  const collect = (id: string, seen: Set<string>): string[] => {
    const known = membersOf.get(id);
    if (known) return known;
    const out: string[] = [];
    for (const n of byId.get(id)?.nodes ?? []) {
      if (byId.has(n)) {
        if (!seen.has(n)) out.push(...collect(n, new Set([...seen, n])));
      } else if (isNode(n)) out.push(n);
    }
    const unique = [...new Set(out)];
    membersOf.set(id, unique);
    return unique;
  };
  // Each node's drawn targets: a subgraph reads the edges of its members, not every edge (quadratic with thousands of subgraphs).
  const targets = new Map<string, string[]>();
  for (const e of edges) {
    if (e.stroke === 'invisible' || !isNode(e.start) || !isNode(e.end) || e.start === e.end) continue;
    const list = targets.get(e.start);
    if (list) list.push(e.end);
    else targets.set(e.start, [e.end]);
  }
  const result = new Map<string, SubgraphEnds>();
  for (const s of subgraphs) {
    const members = collect(s.id, new Set([s.id]));
    const inside = new Set(members);
    const pointedAt = new Set<string>();
    const pointing = new Set<string>();
    for (const m of members) {
      for (const t of targets.get(m) ?? []) {
        if (!inside.has(t)) continue;
        pointing.add(m);
        pointedAt.add(t);
      }
    }
    const entries = members.filter((m) => !pointedAt.has(m));
    const exits = members.filter((m) => !pointing.has(m));
    // A subgraph whose members all call each other in a ring has no entry: all of them are.
    result.set(s.id, { members, entries: entries.length ? entries : members, exits: exits.length ? exits : members });
  }
  return result;
}

/**
 * Each edge as the pairs of components it joins, in mermaid's order. `componentOf` maps a
 * node id to its component id (undefined for subgraph ids and unknown ids).
 */
export function drawnPairs(edges: FlowEdge[], ends: Map<string, SubgraphEnds>, componentOf: (nodeId: string) => string | undefined): DrawnPair[] {
  const out: DrawnPair[] = [];
  edges.forEach((edge, index) => {
    const { startSg, endSg, starts, finishes } = edgeEnds(edge, ends);
    for (const s of starts) {
      for (const f of finishes) {
        const from = componentOf(s);
        const to = componentOf(f);
        if (from === undefined || to === undefined) continue;
        out.push({
          index,
          edge,
          start: from,
          end: to,
          ...(startSg ? { viaStart: { subgraph: edge.start, members: starts } } : {}),
          ...(endSg ? { viaEnd: { subgraph: edge.end, members: finishes } } : {}),
        });
      }
    }
  });
  return out;
}

/** The nodes an edge starts from and goes to: itself, or a subgraph's exits and entries. */
function edgeEnds(edge: FlowEdge, ends: Map<string, SubgraphEnds>): { startSg?: SubgraphEnds; endSg?: SubgraphEnds; starts: string[]; finishes: string[] } {
  const startSg = ends.get(edge.start);
  const endSg = ends.get(edge.end);
  // From a subgraph to its own member (`DB --> WAL`, WAL inside DB): the other members.
  let starts = startSg ? startSg.exits.filter((m) => m !== edge.end) : [edge.start];
  let finishes = endSg ? endSg.entries.filter((m) => m !== edge.start) : [edge.end];
  if (startSg && starts.length === 0) starts = startSg.members.filter((m) => m !== edge.end);
  if (endSg && finishes.length === 0) finishes = endSg.members.filter((m) => m !== edge.start);
  return { startSg, endSg, starts, finishes };
}

/**
 * The first edge by which the pairs drawn (drawnPairs: an edge between subgraphs joins each exit
 * of one to each entry of the other) pass `limit`, counted from the sizes before any pair is made;
 * undefined within it. Two subgraphs of 5,000 nodes joined by one edge are 25 million links: made
 * first, they took minutes and gigabytes before the link limit refused the design.
 */
export function pairsPastLimit(
  edges: FlowEdge[], ends: Map<string, SubgraphEnds>, componentOf: (nodeId: string) => string | undefined, limit: number,
): { index: number; starts: number; finishes: number } | undefined {
  let total = 0;
  for (let index = 0; index < edges.length; index++) {
    // An invisible ~~~ edge only places nodes: it draws no link.
    if (edges[index].stroke === 'invisible') continue;
    const { starts, finishes } = edgeEnds(edges[index], ends);
    const from = starts.filter((s) => componentOf(s) !== undefined).length;
    const to = finishes.filter((f) => componentOf(f) !== undefined).length;
    total += from * to;
    if (total > limit) return { index, starts: from, finishes: to };
  }
  return undefined;
}
