// Facts derived from one component, domain or link by the rules of DESIGN section 2.
// Shared by validation, the engine and the UI so the rules are written once.
import { DOMAIN_PRESETS, FAILOVER_SECONDS, KIND_PRESETS } from './presets';
import type { Component, FailureDomain, Link, Topology } from './schema';

/** a = MTBF / (MTBF + MTTR) when MTBF is given, else `availability`, else the preset. */
export function componentAvailability(c: Component): number {
  if (c.kind === 'client') return 1;
  if (c.mtbfHours !== undefined && c.mttrHours !== undefined) return availabilityFromRepair(c.mtbfHours, c.mttrHours);
  return c.availability ?? KIND_PRESETS[c.kind].availability;
}

/**
 * a = MTBF / (MTBF + MTTR), as 1 / (1 + MTTR / MTBF) or r / (1 + r) with r = MTBF / MTTR, the
 * smaller over the larger: the sum of two figures near 1.7e308 overflowed to Infinity and gave
 * 0 where 0.5 is right.
 */
export function availabilityFromRepair(mtbfHours: number, mttrHours: number): number {
  if (mtbfHours >= mttrHours) return 1 / (1 + mttrHours / mtbfHours);
  const r = mtbfHours / mttrHours;
  return r / (1 + r);
}

/**
 * The unavailability of a switchover: min(1, lambda * T). A switchover that takes no time is
 * never down, whatever the rate (an infinite rate times 0 s is NaN in floating point).
 */
export function switchoverUnavailability(lambdaPerSecond: number, seconds: number): number {
  if (!(seconds > 0) || !(lambdaPerSecond > 0)) return 0;
  return Math.min(1, lambdaPerSecond * seconds);
}

export function domainAvailability(d: FailureDomain): number {
  if (d.kind === 'group') return 1;
  if (d.mtbfHours !== undefined && d.mttrHours !== undefined) return availabilityFromRepair(d.mtbfHours, d.mttrHours);
  return d.availability ?? DOMAIN_PRESETS[d.kind].availability;
}

export function linkAvailability(l: Link): number {
  return l.availability ?? 1;
}

/** MTBF in hours; with only an availability, MTBF = MTTR * a / (1 - a) with the kind's MTTR. */
export function componentMtbfHours(c: Component): number {
  if (c.mtbfHours !== undefined) return c.mtbfHours;
  const a = componentAvailability(c);
  if (a >= 1) return Infinity;
  const mttr = c.mttrHours ?? KIND_PRESETS[c.kind].mttrHours;
  return (mttr * a) / (1 - a);
}

export function componentMttrHours(c: Component): number {
  return c.mttrHours ?? KIND_PRESETS[c.kind].mttrHours;
}

export function domainMttrHours(d: FailureDomain): number {
  return d.mttrHours ?? DOMAIN_PRESETS[d.kind].mttrHours;
}

export function replicasOf(c: Component): number {
  return c.replicas ?? 1;
}

/**
 * The basic events a component brings to the analysis, which MAX_INSTANCES bounds: one per
 * instance, standbys and replicas alike; a client never fails, so none. The one count used by
 * the loader, the importers and the planner, so that what one accepts the others accept.
 */
export function instancesOf(c: Pick<Component, 'kind' | 'replicas'>): number {
  return c.kind === 'client' ? 0 : (c.replicas ?? 1);
}

export function instanceCount(components: readonly Pick<Component, 'kind' | 'replicas'>[]): number {
  let n = 0;
  for (const c of components) n += instancesOf(c);
  return n;
}

export function minHealthyOf(c: Component): number {
  return c.minHealthy ?? 1;
}

/** The domain of instance i (counted from 1): domains[(i - 1) % domains.length]. */
export function instanceDomain(c: Component, i: number): string | undefined {
  if (c.domains && c.domains.length > 0) return c.domains[(i - 1) % c.domains.length];
  return c.domain;
}

export function isStandby(c: Component): boolean {
  return c.role === 'standby';
}

/** A pool with `standby` set (and not itself a standby): one active instance, the rest standby. */
export function isActivePassivePool(c: Component): boolean {
  return replicasOf(c) > 1 && c.standby !== undefined && c.role !== 'standby';
}

/** Explicit failoverSeconds wins; else the temperature's default (warm when unset). */
export function failoverSecondsOf(c: Component): number {
  return c.failoverSeconds ?? FAILOVER_SECONDS[c.standby ?? 'warm'];
}

export function linkType(l: Link): 'dependency' | 'replication' {
  return l.type ?? 'dependency';
}

/** The element id of a link: its id, or `from->to`. */
export function linkElementId(l: Link): string {
  return l.id ?? `${l.from}->${l.to}`;
}

/**
 * The canvas key of a link: its id; else `from->to` for a dependency (the analysis's
 * element id, so a SPOF link can be marked) and `from=>to` for a replication link
 * (a pair may have one of each).
 */
export function linkKey(l: Link): string {
  if (l.id) return l.id;
  return l.type === 'replication' ? `${l.from}=>${l.to}` : `${l.from}->${l.to}`;
}

export function instanceId(componentId: string, i: number): string {
  return `${componentId}#${i}`;
}

/** Every domain id from `id` up to the root, `id` first. Stops on a cycle. */
export function domainAncestors(t: Pick<Topology, 'domains'>, id: string): string[] {
  const byId = domainIndex(t.domains);
  const out: string[] = [];
  const seen = new Set<string>();
  let cur: string | undefined = id;
  while (cur !== undefined && byId.has(cur) && !seen.has(cur)) {
    seen.add(cur);
    out.push(cur);
    cur = byId.get(cur)!.parent;
  }
  return out;
}

// Documents are immutable values: one index per domain list serves every lookup in it
// (building it per call made each chain cost the whole list: quadratic on large estates).
// A list grown in place (an importer building its document) is indexed again.
const domainIndexes = new WeakMap<readonly FailureDomain[], { length: number; byId: Map<string, FailureDomain> }>();

function domainIndex(domains: readonly FailureDomain[]): Map<string, FailureDomain> {
  let index = domainIndexes.get(domains);
  if (!index || index.length !== domains.length) {
    index = { length: domains.length, byId: new Map(domains.map((d) => [d.id, d])) };
    domainIndexes.set(domains, index);
  }
  return index.byId;
}
