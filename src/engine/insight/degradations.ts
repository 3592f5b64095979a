// What each optional dependency's failure degrades (DESIGN section 3, "Degradations").
// An optional link is excluded from availability; here it is reported instead: when its
// target fails, the source keeps working without that feature. If the failure takes the
// source or a client down anyway, the dependency is optional in name only.
import { linkElementId, linkType, type Topology } from '../../model';
import { componentsDown } from '../index';
import { componentElements, componentMap, dependencyReach, memo, named } from './structure';
import type { Degradation } from './types';

export function degradations(t: Topology): Degradation[] {
  // The findings ask too (optional-required): propagate once per document.
  return memo(t, 'degradations', () => compute(t));
}

function compute(t: Topology): Degradation[] {
  const byId = componentMap(t);
  const clients = t.components.filter((c) => c.kind === 'client').map((c) => c.id);
  const out: Degradation[] = [];
  for (const l of t.links) {
    if (linkType(l) !== 'dependency' || !l.optional) continue;
    const target = byId.get(l.to);
    if (!target) continue;
    // Fail every instance of the target (and the link itself when it can fail).
    const failed = [...componentElements(target), ...(l.availability !== undefined && l.availability < 1 ? [linkElementId(l)] : [])];
    const down = componentsDown(t, failed);
    const clientsDown = clients.filter((c) => down.has(c));
    const inFactRequired = down.has(l.from) || clientsDown.length > 0;
    const served = clients.filter((c) => !down.has(c));
    // Every component that reaches a down component only through optional links loses a feature.
    const degrades = [...new Set(t.links
      .filter((x) => linkType(x) === 'dependency' && x.optional && down.has(x.to) && !down.has(x.from))
      .map((x) => x.from))];
    out.push({
      link: linkElementId(l),
      from: l.from,
      to: l.to,
      degrades,
      clients: inFactRequired ? served : served.filter((c) => degrades.some((x) => dependencyReach(t, c).has(x))),
      down: [...down].filter((id) => byId.has(id) && byId.get(id)!.kind !== 'client'),
      inFactRequired,
      message: inFactRequired
        ? `If ${named(t, l.to)} fails, it is not a mere degradation: ${down.has(l.from) ? `${named(t, l.from)} goes down` : 'it'}${clientsDown.length ? ` ${down.has(l.from) ? 'and ' : ''}takes down ${clientsDown.map((c) => named(t, c)).join(', ')}` : ''}.`
        : `If ${named(t, l.to)} fails, ${degrades.map((x) => named(t, x)).join(', ')} keep${degrades.length === 1 ? 's' : ''} working without it (degraded).`,
    });
  }
  return out;
}
