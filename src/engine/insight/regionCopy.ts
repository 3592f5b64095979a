// A second region, as an architect draws one: a copy of the whole serving path of a
// region (every component placed in it that a client reaches: load balancers, servers,
// services, caches, data stores and their standbys) into another region, zone for zone;
// the copies call one another, never back into the first region; each data store's copy
// is a cross-region replica fed by asynchronous replication from the original (or the
// replica the design already keeps in that region, never a second one beside it); and the
// entry above the region (the DNS or CDN, or a new global DNS in front of a load
// balancer the users reached directly) routes to both. No dependency crosses from one
// region into another unless the design already had it.
import {
  domainAncestors, groupResolver, instanceDomain, isStandby, linkType, replicasOf,
  type Component, type FailureDomain, type Link, type Topology,
} from '../../model';
import type { Applied } from './moves';
import { copyLabel, withRoleWord } from './copies';
import { uniqueId } from './placement';
import { namingFor, type RegionNaming } from './regionNames';
import { followGroupRenames } from './requirements';
import { DATA_STORE_KINDS, labelOf, reachableFromClients, regionOf } from './structure';

/** Kinds a client reaches by name through DNS: a copy of one needs a DNS in front of both. */
const ADDRESSED = new Set(['loadbalancer', 'web', 'app']);

/** Components placed (some instance) in the region that a client reaches: what a second region copies. */
export function servingPath(t: Topology, region: string): Component[] {
  const reach = reachableFromClients(t);
  return t.components.filter((c) => c.kind !== 'client' && reach.has(c.id)
    && Array.from({ length: replicasOf(c) }, (_, i) => instanceDomain(c, i + 1)).some((p) => p !== undefined && regionOf(t, p) === region));
}

/** The region of a component (of its first placed instance). */
function regionOfComponent(t: Topology, c: Component): string | undefined {
  for (let i = 1; i <= replicasOf(c); i++) {
    const r = regionOf(t, instanceDomain(c, i));
    if (r !== undefined) return r;
  }
  return undefined;
}

/**
 * Why the region cannot be copied without a new cross-region dependency (a component of
 * its path depends on, or is needed by, a component of a third region), or undefined.
 */
export function copyBlocker(t: Topology, region: string, into: string | undefined): string | undefined {
  const path = new Set(servingPath(t, region).map((c) => c.id));
  const byId = new Map(t.components.map((c) => [c.id, c]));
  for (const l of t.links) {
    if (linkType(l) !== 'dependency') continue;
    const inFrom = path.has(l.from);
    const inTo = path.has(l.to);
    if (inFrom === inTo) continue;
    const other = byId.get(inFrom ? l.to : l.from)!;
    const r = regionOfComponent(t, other);
    if (r !== undefined && r !== region && r !== into) return `${labelOf(t, l.from)} → ${labelOf(t, l.to)} crosses into ${labelOf(t, r)}`;
  }
  return undefined;
}

/** Where the copy goes: an existing region named as the pair of this one and free of serving components, else a new region. */
export function secondRegionFor(t: Topology, region: string): { naming: RegionNaming; existing?: FailureDomain } {
  const d = t.domains.find((x) => x.id === region)!;
  const regions = t.domains.filter((x) => x.kind === 'region');
  const taken = new Set(regions.flatMap((r) => [r.id, r.label ?? r.id]));
  const naming = namingFor(region, d.label ?? region, new Set());
  const named = regions.find((r) => r.id !== region && (r.label === naming.label || r.id === naming.id));
  if (named && servingPath(t, named.id).every((c) => c.kind !== 'client' && replicatesFrom(t, c, region))) return { naming, existing: named };
  return { naming: namingFor(region, d.label ?? region, taken) };
}

/** A data store that is a copy of data kept in `region` (joined to one there by replication). */
function replicatesFrom(t: Topology, c: Component, region: string): boolean {
  if (!DATA_STORE_KINDS.has(c.kind)) return false;
  const byId = new Map(t.components.map((x) => [x.id, x]));
  return t.links.some((l) => linkType(l) === 'replication' && (l.to === c.id || l.from === c.id)
    && regionOfComponent(t, byId.get(l.to === c.id ? l.from : l.to)!) === region);
}

/**
 * Data stores of the path whose data already has a copy in `into`: a store of the same kind
 * joined to it by replication and placed there (the cross-region replica a design drew).
 * That replica is the store's copy in the second region; a second copy beside it would cost
 * a store and add nothing a reviewer would sign. Original id -> the replica's id.
 */
export function copiesAlreadyThere(t: Topology, region: string, into: string): Map<string, string> {
  const byId = new Map(t.components.map((c) => [c.id, c]));
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const c of servingPath(t, region)) {
    if (!DATA_STORE_KINDS.has(c.kind)) continue;
    const there = replicationSet(t, c.id).map((id) => byId.get(id)!)
      .find((x) => x.id !== c.id && x.kind === c.kind && !taken.has(x.id) && regionOfComponent(t, x) === into);
    if (!there) continue;
    out.set(c.id, there.id);
    taken.add(there.id);
  }
  return out;
}

/** The components joined to `id` by replication links, directly or through others, in document order. */
function replicationSet(t: Topology, id: string): string[] {
  const seen = new Set([id]);
  const stack = [id];
  while (stack.length > 0) {
    const at = stack.pop()!;
    for (const l of t.links) {
      if (linkType(l) !== 'replication' || (l.from !== at && l.to !== at)) continue;
      const other = l.from === at ? l.to : l.from;
      if (!seen.has(other)) {
        seen.add(other);
        stack.push(other);
      }
    }
  }
  return t.components.filter((c) => seen.has(c.id)).map((c) => c.id);
}

export function copyRegion(t: Topology, region: string): Applied {
  const original = t.domains.find((d) => d.id === region && d.kind === 'region');
  if (!original) throw new Error(`move second-region: no region "${region}"`);
  const path = servingPath(t, region);
  if (path.length === 0) throw new Error(`move second-region: nothing a client reaches is placed in "${region}"`);
  const added: Applied['added'] = [];
  let doc = t;

  // The region and the domains under it that the path uses, copied in order (parents first).
  const { naming, existing } = secondRegionFor(t, region);
  let into: string;
  if (existing) into = existing.id;
  else {
    into = uniqueId(t, naming.id);
    const { id: _id, label: _label, ...rest } = original;
    doc = { ...doc, domains: [...doc.domains, { ...rest, id: into, label: naming.label }] };
    added.push({ id: into, twin: region });
  }
  const domainCopy = new Map<string, string>([[region, into]]);
  const used = new Set<string>();
  for (const c of path) for (let i = 1; i <= replicasOf(c); i++) {
    const p = instanceDomain(c, i);
    if (p === undefined || regionOf(t, p) !== region) continue;
    // The domains between the placement and the region (zones, data centres, racks, hosts).
    for (const a of domainAncestors(t, p)) {
      if (a === region) break;
      used.add(a);
    }
  }
  // Parents first; an existing second region's own zones are used before new ones are added.
  const depth = (id: string) => domainAncestors(t, id).length;
  const spare = doc.domains.filter((d) => d.parent === into);
  for (const d of [...t.domains].filter((x) => used.has(x.id) && x.id !== region).sort((a, b) => depth(a.id) - depth(b.id))) {
    const parent = domainCopy.get(d.parent!) ?? into;
    const reuse = parent === into ? spare.findIndex((x) => x.kind === d.kind) : -1;
    if (reuse >= 0) {
      domainCopy.set(d.id, spare.splice(reuse, 1)[0].id);
      continue;
    }
    const { id: _id, label: _label, parent: _parent, ...rest } = d;
    const id = uniqueId(doc, naming.rename(d.id) ?? `${d.id}-${into}`);
    const label = naming.rename(d.label ?? d.id) ?? `${d.label ?? d.id} (${naming.label})`;
    doc = { ...doc, domains: [...doc.domains, { ...rest, id, label, parent }] };
    domainCopy.set(d.id, id);
    added.push({ id, twin: d.id });
  }

  // The components: same figures, placed zone for zone; a primary data store's copy is a
  // replica, or the replica the design already has there.
  const reused = copiesAlreadyThere(t, region, into);
  const copyOf = new Map<string, string>(reused);
  const where = naming.to ?? naming.label;
  const copies: Component[] = path.filter((c) => !reused.has(c.id)).map((c) => {
    let id = uniqueId(doc, `${c.id}-${into}`);
    for (let n = 2; [...copyOf.values()].includes(id); n++) id = uniqueId(doc, `${c.id}-${into}-${n}`);
    copyOf.set(c.id, id);
    const place = (p: string | undefined) => (p === undefined ? undefined : domainCopy.get(p));
    // A primary data store's copy is a replica: its label says so where the original's says a role.
    const becomesReplica = DATA_STORE_KINDS.has(c.kind) && !isStandby(c) && c.role !== 'replica';
    const role = becomesReplica ? 'replica' : undefined;
    const renamed = naming.rename(c.label ?? c.id);
    const label = renamed !== undefined ? (role ? withRoleWord(renamed, role) : renamed)
      : copyLabel(t, c, { role, addRole: false, places: { from: [...placesOf(c), region], to: where } });
    const { id: _id, label: _label, domain, domains, ...rest } = c;
    const copy: Component = { ...rest, id, label };
    if (domains) {
      const mapped = domains.map(place).filter((x): x is string => x !== undefined);
      if (mapped.length > 0) copy.domains = mapped;
      else copy.domain = into;
    } else copy.domain = place(domain) ?? into;
    if (becomesReplica) copy.role = 'replica';
    added.push({ id, twin: c.id });
    return copy;
  });

  // Links: the path's own links between copies; calls to what lives in no region kept. A
  // replica already there keeps its own links, and a copy calls it once.
  const links: Link[] = [];
  const linked = new Set<string>();
  const push = (l: Link) => {
    const key = `${linkType(l)}\u0000${l.from}\u0000${l.to}`;
    if (linked.has(key)) return;
    linked.add(key);
    links.push(l);
  };
  for (const l of t.links) {
    if (!copyOf.has(l.from) || reused.has(l.from)) continue;
    const { id: _id, ...rest } = l;
    if (linkType(l) === 'replication') {
      if (copyOf.has(l.to)) push({ ...rest, from: copyOf.get(l.from)!, to: copyOf.get(l.to)! });
      continue;
    }
    push({ ...rest, from: copyOf.get(l.from)!, to: copyOf.get(l.to) ?? l.to });
  }
  // Each data store's copy fed from its original, unless a copied replication link feeds it.
  const fed = new Set([...links.filter((l) => linkType(l) === 'replication').map((l) => l.to), ...reused.values()]);
  for (const c of path) {
    if (DATA_STORE_KINDS.has(c.kind) && !fed.has(copyOf.get(c.id)!)) push({ from: c.id, to: copyOf.get(c.id)!, type: 'replication', mode: 'async' });
  }
  doc = { ...doc, components: [...doc.components, ...copies], links: [...doc.links, ...links] };

  // The entry above the region routes to both.
  doc = routeToBoth(doc, t, copyOf, into, added);
  // A replica already there is in its original's replication set: its callers' groups keep their names.
  const copied = new Map([...copyOf].filter(([original]) => !reused.has(original)));
  return { doc: followGroupRenames(t, doc, copied), added };
}

function placesOf(c: Component): string[] {
  return Array.from({ length: replicasOf(c) }, (_, i) => instanceDomain(c, i + 1)).filter((p): p is string => p !== undefined);
}

/**
 * Callers outside the path of a component in it get its copy as an alternative in the
 * same group; users that reached a load balancer or server directly reach both through a
 * new global DNS. Callers in a third region are left alone (no new cross-region call).
 */
function routeToBoth(doc: Topology, before: Topology, copyOf: Map<string, string>, into: string, added: Applied['added']): Topology {
  const byId = new Map(doc.components.map((c) => [c.id, c]));
  const groupOf = groupResolver({ ...doc, links: [...doc.links] });
  const entries = before.links.filter((l) => linkType(l) === 'dependency' && copyOf.has(l.to) && !copyOf.has(l.from));
  const direct = entries.filter((l) => byId.get(l.from)!.kind === 'client' && ADDRESSED.has(byId.get(l.to)!.kind));
  let links = [...doc.links];
  let components = doc.components;
  if (direct.length > 0) {
    const dns: Component = { id: uniqueId(doc, 'global-dns'), kind: 'dns', label: 'Global DNS' };
    components = [...components, dns];
    added.push({ id: dns.id });
    const moved = new Set(direct);
    links = links.filter((l) => !moved.has(l));
    for (const client of new Set(direct.map((l) => l.from))) links.push({ from: client, to: dns.id });
    for (const to of new Set(direct.map((l) => l.to))) links.push({ from: dns.id, to }, { from: dns.id, to: copyOf.get(to)! });
  }
  for (const l of entries) {
    if (direct.includes(l)) continue;
    const caller = byId.get(l.from)!;
    const callerRegion = caller.kind === 'client' ? undefined : regionOfComponent(before, caller);
    if (callerRegion !== undefined && callerRegion !== into) continue;
    // A replica already there may be linked from this caller already.
    if (links.some((x) => linkType(x) === 'dependency' && x.from === l.from && x.to === copyOf.get(l.to))) continue;
    const { id: _id, ...rest } = l;
    const copy: Link = { ...rest, to: copyOf.get(l.to)! };
    // Same group as the original link, written out when the default rule would part them.
    const g = groupOf(l);
    if (groupOf({ ...copy, group: undefined }) !== g) copy.group = g;
    else delete copy.group;
    links.push(copy);
  }
  return { ...doc, components, links };
}
