// A managed multi-AZ service of the preset table (src/model/presets.ts), where the
// component is of its kind: RDS Multi-AZ for a database, ElastiCache Multi-AZ for a
// cache, Elastic Load Balancing for a load balancer. The component takes the service's
// SLA as its availability (the source goes with it) and spans the zones of its region
// (placed in the region, no longer in one zone). Offered for designs on AWS, or that
// name no provider at all, for a component nothing stands beside yet (a managed service
// runs its own standby), and only where the service's SLA leaves at least half of the
// error budget to the rest (an ELB at 99.99% against a 99.99% target is a dead end: it
// takes the whole budget, and nothing stands beside a managed service in its region).
import { componentAvailability, type Topology } from '../../../model';
import type { MoveKind } from '../moves';
import { named, regionOf, zoneOf } from '../structure';
import { MANAGED_MOVES, presetOf } from './managed';
import { aloneAndSingle, componentOf, movable, ownElements, replaceComponent, zonesOf } from './common';

type ManagedPresetMove = { type: 'managed-preset'; component: string; preset: string };

const AWS = /\baws\b|amazon|\b(us|eu|ap|sa|ca|me|af)-(east|west|north|south|central|northeast|southeast)-\d/i;

/** True when the design names AWS, or names no provider at all. */
function onAws(t: Topology): boolean {
  const providers = t.domains.filter((d) => d.kind === 'provider');
  return providers.length === 0 || providers.some((d) => AWS.test(d.id) || AWS.test(d.label ?? ''));
}

export const managedPreset: MoveKind<ManagedPresetMove> = {
  type: 'managed-preset',
  leavesZone: false,
  candidates(ctx) {
    if (!onAws(ctx.doc)) return [];
    return movable(ctx).flatMap((c) => MANAGED_MOVES
      .filter((m) => m.kind === c.kind && aloneAndSingle(ctx.doc, c) && componentAvailability(c) < presetOf(m.preset).availability
        && (ctx.budget === undefined || 1 - presetOf(m.preset).availability <= ctx.budget / 2))
      .map((m) => ({ type: 'managed-preset' as const, component: c.id, preset: m.preset })));
  },
  apply(t, m) {
    const c = componentOf(t, m.component, m.type);
    const row = MANAGED_MOVES.find((x) => x.preset === m.preset)!;
    const { mtbfHours: _mtbf, domain: _domain, domains: _domains, ...rest } = c;
    // A multi-AZ service lives in the region, not in one of its zones.
    const region = regionOf(t, c.domain ?? c.domains?.[0]);
    const place = region ?? c.domain;
    const next = {
      ...rest, availability: presetOf(m.preset).availability,
      ...(place !== undefined ? { domain: place } : c.domains ? { domains: c.domains } : {}),
      ...(c.costPerMonth !== undefined ? { costPerMonth: c.costPerMonth * row.priceFactor } : {}),
    };
    return { doc: replaceComponent(t, next), added: [], hiddenInstances: row.hiddenInstances };
  },
  describe(t, m, applied) {
    const p = presetOf(m.preset);
    const c = componentOf(applied.doc, m.component, m.type);
    const where = c.domain !== undefined && zoneOf(t, componentOf(t, m.component, m.type).domain) !== undefined ? `, across the zones of ${named(t, c.domain)}` : '';
    return `make ${named(t, m.component)} ${p.label}: ${(p.availability * 100).toString()}% (${p.source})${where}`;
  },
  potential(ctx, m) {
    const c = componentOf(ctx.doc, m.component, m.type);
    return ctx.improvement([...ownElements(c), ...zonesOf(ctx.doc, c)]);
  },
};
