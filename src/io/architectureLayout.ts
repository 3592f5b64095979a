// Where an architecture-beta edge leaves and enters (L, R, T, B). Mermaid places the diagram
// from these sides (a `B -- T` edge puts its target below its source, one cell of its grid
// per edge), and contradicting sides pull its layout apart, so they follow the layered
// layout of the design: tiers of the dependency graph (callers above what they call, or left
// of it in LR), edges between tiers vertical, edges within a tier horizontal, and the order
// across a tier taken from the canvas when the document has positions (else the document's
// order). Tried and dropped: sides straight from the canvas positions, whose diagonal links
// gave mermaid's grid contradictions (the multi-region template drew 30 times too wide).
import { linkType, type Link, type Topology } from '../model';
import { drawnDomain } from './mermaidExport';

export type Side = 'L' | 'R' | 'T' | 'B';

export const OPPOSITE: Record<Side, Side> = { L: 'R', R: 'L', T: 'B', B: 'T' };

interface XY {
  x: number;
  y: number;
}

/** Each component's x on the canvas (positions are relative to their containers), when every component has one. */
function canvasX(t: Topology): Map<string, number> | undefined {
  const positions = t.view?.positions;
  if (!positions || t.components.some((c) => positions[c.id] === undefined)) return undefined;
  const known = new Set(t.domains.map((d) => d.id));
  const parentOf = new Map(t.domains.map((d) => [d.id, d.parent]));
  return new Map(t.components.map((c) => {
    let x = positions[c.id].x;
    const seen = new Set<string>();
    for (let p = drawnDomain(t, c, known); p !== undefined && known.has(p) && !seen.has(p); p = parentOf.get(p)) {
      seen.add(p);
      x += positions[p]?.x ?? 0;
    }
    return [c.id, x];
  }));
}

/**
 * A component's tier is one more than its deepest caller's (the longest path from the
 * clients, bounded so that cycles end), as a layered layout places it.
 */
function tiers(t: Topology): Map<string, number> {
  const tier = new Map(t.components.map((c) => [c.id, 0]));
  const dependencies = t.links.filter((l) => linkType(l) === 'dependency' && l.from !== l.to);
  for (let round = 0; round < t.components.length; round++) {
    let changed = false;
    for (const l of dependencies) {
      const next = (tier.get(l.from) ?? 0) + 1;
      if (next > (tier.get(l.to) ?? 0) && next <= t.components.length) {
        tier.set(l.to, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return tier;
}

export interface ArchitectureLayout {
  /** The side an edge leaves `from` by, towards `to`. */
  side(from: string, to: string): Side;
  /** Where a component stands (canvas units, or tier and order when there is no drawing). */
  position(id: string): XY;
}

export function architectureLayout(t: Topology, direction: 'TB' | 'LR'): ArchitectureLayout {
  const tier = tiers(t);
  const across = canvasX(t) ?? new Map(t.components.map((c, i) => [c.id, i]));
  // Down the tiers and across them, turned for LR.
  const position = (id: string): XY => {
    const [down, side] = [tier.get(id) ?? 0, across.get(id) ?? 0];
    return direction === 'LR' ? { x: down, y: side } : { x: side, y: down };
  };
  return {
    position,
    side(from, to) {
      const [a, b] = [tier.get(from) ?? 0, tier.get(to) ?? 0];
      if (a !== b) return direction === 'LR' ? (b > a ? 'R' : 'L') : b > a ? 'B' : 'T';
      const [x, y] = [across.get(from) ?? 0, across.get(to) ?? 0];
      return direction === 'LR' ? (y >= x ? 'B' : 'T') : y >= x ? 'R' : 'L';
    },
  };
}

/** A plain dependency (no words on it) may share a junction with its siblings. */
export function isPlainDependency(l: Link): boolean {
  return linkType(l) === 'dependency' && !l.optional && l.label === undefined;
}
