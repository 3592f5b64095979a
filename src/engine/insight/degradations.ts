// What each optional dependency's failure degrades (DESIGN section 3, "Degradations").
// An optional link is excluded from availability; here it is reported instead: when its
// target fails, the source keeps working without that feature. If the failure takes the
// source or a client down anyway, the dependency is optional in name only.
import { linkElementId, linkType, type Topology } from '../../model';
import { componentsDownCheck } from '../index';
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
  const optional = t.links.filter((l) => linkType(l) === 'dependency' && l.optional);
  if (optional.length === 0) return out;
  const componentsDown = componentsDownCheck(t);
  // Optional links by target: what a failure degrades is read off the links into what fell.
  const optionalInto = new Map<string, { from: string; at: number }[]>();
  optional.forEach((x, at) => {
    if (!optionalInto.has(x.to)) optionalInto.set(x.to, []);
    optionalInto.get(x.to)!.push({ from: x.from, at });
  });
  for (const l of optional) {
    const target = byId.get(l.to);
    if (!target) continue;
    // Fail every instance of the target (and the link itself when it can fail).
    const failed = [...componentElements(target), ...(l.availability !== undefined && l.availability < 1 ? [linkElementId(l)] : [])];
    const down = componentsDown(failed);
    const clientsDown = clients.filter((c) => down.has(c));
    const inFactRequired = down.has(l.from) || clientsDown.length > 0;
    const served = clients.filter((c) => !down.has(c));
    // Every component that reaches a down component only through optional links loses a feature.
    const degrades = degradedBy(down, optionalInto);
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

/**
 * The sources of optional links into a down component from one still up, in the order of
 * their first such link: read off the links into what fell, not every optional link again
 * (quadratic in their number).
 */
function degradedBy(down: Set<string>, optionalInto: Map<string, { from: string; at: number }[]>): string[] {
  const first = new Map<string, number>();
  for (const id of down) {
    for (const { from, at } of optionalInto.get(id) ?? []) {
      if (!down.has(from) && !(first.get(from)! <= at)) first.set(from, at);
    }
  }
  return [...first].sort((a, b) => a[1] - b[1]).map(([from]) => from);
}
