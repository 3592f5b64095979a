// Steps of several moves that take a whole zone out of the system's fate. One move at a
// time cannot see them: when a zone is a single point of failure and every component in
// it is redundant within it, moving one of them out changes nothing while the others
// stay. So for each zone that is a SPOF, the plan also weighs "move every component out
// of it" as one step: for each component (one per set of alternatives), its cheapest
// candidate move of a kind that leaves the zone.
import { domainAncestors, instanceDomain, minHealthyOf, replicasOf, type Component, type Topology } from '../../model';
import { kindOf, type Move } from './moves';
import { ZONE_KINDS, alternativesOf } from './structure';

/** Cheapest first: moving or spreading adds nothing; a second instance or a standby does. */
const PREFERENCE: Move['type'][] = ['move-to-zone', 'spread-zones', 'add-instance', 'add-standby', 'second-load-balancer'];

export function domainSteps(t: Topology, spofDomains: readonly string[], candidates: readonly Move[]): Move[][] {
  const out: Move[][] = [];
  const rank = (m: Move) => {
    const i = PREFERENCE.indexOf(m.type);
    return i < 0 ? PREFERENCE.length : i;
  };
  for (const id of spofDomains) {
    const d = t.domains.find((x) => x.id === id);
    if (!d || !ZONE_KINDS.has(d.kind)) continue;
    // Each component's cheapest move out of the zone; one per set of alternatives (when a
    // standby moves away, its primary need not).
    const options: Move[] = [];
    for (const c of t.components) {
      if (!fallsWith(t, c, d.id)) continue;
      const mine = candidates.filter((x) => x.type !== 'second-region' && x.component === c.id && kindOf(x).leavesZone);
      mine.sort((a, b) => rank(a) - rank(b));
      if (mine[0]) options.push(mine[0]);
    }
    options.sort((a, b) => rank(a) - rank(b));
    const moves: Move[] = [];
    const covered = new Set<string>();
    for (const m of options) {
      const c = (m as { component: string }).component;
      if (covered.has(c)) continue;
      moves.push(m);
      covered.add(c);
      for (const a of alternativesOf(t, c)) covered.add(a);
    }
    if (moves.length >= 2) out.push(moves);
  }
  return out;
}

/**
 * The domain's failure alone takes the component down: fewer than `minHealthy` of its
 * instances sit outside it. A pool already spread beyond the zone needs no move out of it
 * (a third instance of each of fifty services spread over two zones was a costly no-op).
 */
function fallsWith(t: Topology, c: Component, domain: string): boolean {
  let outside = 0;
  for (let i = 1; i <= replicasOf(c); i++) {
    const p = instanceDomain(c, i);
    if (p === undefined || !domainAncestors(t, p).includes(domain)) outside++;
  }
  return outside < minHealthyOf(c);
}
