// Steps of several moves that take a whole failure domain out of the system's fate.
// One move at a time cannot see them: when a zone or region is a single point of
// failure, moving one tier out of it changes nothing while the other tiers stay (and a
// new standby's failover even costs a little). So for each domain that is a SPOF, the
// plan also weighs "move every tier out of it" as one step, counted as its moves.
import { domainAncestors, instanceDomain, isStandby, linkType, replicasOf, type Component, type Topology } from '../../model';
import { candidateMoves, type Move } from './moves';
import { otherZone } from './placement';
import type { Report } from './report';
import { ZONE_KINDS } from './structure';

export function domainSteps(t: Topology, report: Report): Move[][] {
  const allowed = new Set(candidateMoves(t).map(key));
  const required = new Set(t.links.filter((l) => linkType(l) === 'dependency' && !l.optional).map((l) => l.to));
  const out: Move[][] = [];
  for (const spof of report.spofs) {
    if (spof.type !== 'domain') continue;
    const d = t.domains.find((x) => x.id === spof.id);
    if (!d || d.kind === 'provider') continue;
    const inside = t.components.filter((c) => c.kind !== 'client' && !isStandby(c) && required.has(c.id) && placedIn(t, c, d.id));
    const moves = inside.map((c) => moveOutOf(t, c, ZONE_KINDS.has(d.kind))).filter((m): m is Move => m !== undefined && allowed.has(key(m)));
    if (moves.length >= 2) out.push(moves);
  }
  return out;
}

function placedIn(t: Topology, c: Component, domain: string): boolean {
  for (let i = 1; i <= replicasOf(c); i++) {
    const p = instanceDomain(c, i);
    if (p !== undefined && domainAncestors(t, p).includes(domain)) return true;
  }
  return false;
}

/** Out of a zone: spread a pool, or a standby in another zone; else into another region. */
function moveOutOf(t: Topology, c: Component, zoneLevel: boolean): Move | undefined {
  if (zoneLevel) {
    if (replicasOf(c) > 1) {
      const spread: Move = { type: 'spread-zones', component: c.id };
      if (candidateMoves(t).some((m) => key(m) === key(spread))) return spread;
    } else if (otherZone(t, c) !== undefined) {
      return { type: 'add-standby', component: c.id };
    }
  }
  return { type: 'replicate-region', component: c.id };
}

function key(m: Move): string {
  return `${m.type}\u0000${m.component}`;
}
