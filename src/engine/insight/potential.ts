// Improvement potential of a move, from the engine's importance figures: how much system
// availability the elements the move addresses could give at most (their improvement,
// A_sys with the element perfect minus today's). The plan recomputes only the moves with
// the highest potential each round, so a large design costs a bounded number of analyses.
import { instanceDomain, replicasOf, type Topology } from '../../model';
import type { Move } from './moves';
import type { Report } from './report';
import { componentElements, componentMap, regionOf, zoneOf } from './structure';

export function movePotential(t: Topology, report: Report, m: Move): number {
  const improvement = new Map(report.importance.map((e) => [e.id, e.improvement]));
  const c = componentMap(t).get(m.component);
  if (!c) return 0;
  const of = (ids: Iterable<string | undefined>) => [...new Set(ids)].reduce((sum, id) => sum + (id === undefined ? 0 : improvement.get(id) ?? 0), 0);
  const placements = Array.from({ length: replicasOf(c) }, (_, i) => instanceDomain(c, i + 1));
  const own = of(componentElements(c));
  const zones = of(placements.map((p) => zoneOf(t, p)));
  switch (m.type) {
    case 'add-instance': return own;
    case 'add-standby':
    case 'spread-zones': return own + zones;
    case 'replicate-region': return own + zones + of(placements.map((p) => regionOf(t, p)));
  }
}

/** The `limit` moves of highest potential, in their original order; those with none are dropped. */
export function mostPromising(t: Topology, report: Report, moves: Move[], limit: number): Move[] {
  const scored = moves.map((m, i) => ({ m, i, p: movePotential(t, report, m) })).filter((x) => x.p > 0);
  scored.sort((a, b) => b.p - a.p || a.i - b.i);
  return scored.slice(0, limit).sort((a, b) => a.i - b.i).map((x) => x.m);
}
