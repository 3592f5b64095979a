// A hot standby of a component in another zone of its region (a new zone when the region
// has only one), linked from every caller of the original and needing what it needs;
// a data store's standby is fed by synchronous replication (the zones of one region are
// close enough). Shared by "add a standby" and "a second load balancer".
import { domainAncestors, instanceDomain, isStandby, replicasOf, type Component, type Topology } from '../../../model';
import { addAlternative } from '../alternative';
import { baseCopy, copyLabel } from '../copies';
import type { Applied } from '../moves';
import type { Phantom } from '../planScore';
import { uniqueId, zoneBeside, zonesUsed } from '../placement';
import { alternativesOf, componentElements, componentMap, domainMap, labelOf, zoneOf } from '../structure';

/** Domains whose name a label may carry as its place. */
const PLACE_KINDS = new Set(['zone', 'datacenter', 'region']);

export function addHotStandby(t: Topology, c: Component): Applied {
  const home = instanceDomain(c, 1);
  const pick = zoneBeside(t, c, standbyZones(t, c));
  const doc = pick?.doc ?? t;
  const place = pick?.zone ?? home;
  const homeZone = zoneOf(t, home);
  // The places the original's label may name: its zone, its region (a copy in a second region is "App (us-west-2)").
  const from = home === undefined ? [] : domainAncestors(t, home).filter((d) => PLACE_KINDS.has(domainMap(t).get(d)!.kind));
  const label = copyLabel(doc, c, { role: 'standby', places: { from, to: pick ? labelOf(doc, pick.zone) : undefined } });
  const standby: Component = { ...baseCopy(c, uniqueId(doc, `${c.id}-standby`), label), role: 'standby', standby: 'hot', ...(place !== undefined ? { domain: place } : {}) };
  const added = [...(pick?.created ? [{ id: pick.zone, twin: homeZone! }] : []), { id: standby.id, twin: c.id }];
  return { doc: addAlternative(doc, c, standby, 'sync'), added };
}

/** The zones the component's standbys already use. */
export function standbyZones(t: Topology, c: Component): string[] {
  const byId = componentMap(t);
  return [...alternativesOf(t, c.id)].map((id) => byId.get(id)!).filter(isStandby).flatMap((s) => zonesUsed(t, s));
}

/**
 * A standby beside a single component nothing stands beside yet, drawn with the standby
 * absent: its instance down and its switchover perfect, the callers' groups then hold
 * exactly when the original works.
 */
export function standbyPhantom(t: Topology, c: Component, applied: Applied): Phantom | undefined {
  if (replicasOf(c) !== 1 || alternativesOf(t, c.id).size > 0) return undefined;
  // The standby is appended: found from the end, without a map of the new document (one per move scored was quadratic).
  const id = applied.added.at(-1)!.id;
  const all = applied.doc.components;
  let at = all.length - 1;
  while (all[at].id !== id) at--;
  const standby = all[at];
  const absent: Record<string, number> = { [`failover:${standby.id}`]: 1 };
  for (const id of componentElements(standby)) absent[id] = 0;
  return { doc: applied.doc, absent };
}
