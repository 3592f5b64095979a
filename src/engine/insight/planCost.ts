// What a move costs and what it saves (DESIGN section 3, "Money"). Without costs in the
// document a move costs the instances it adds; with them, what those instances cost a
// month (`costPerMonth` times the replicas added; a component without a price of its own
// is priced at the mean instance price of the design, an assumption the plan states).
// Where downtime has a cost, a move saves the downtime it removes: hours a year times
// each client's `downtimeCostPerHour` (or the document's), summed.
import type { Component, FailureDomain, Topology } from '../../model';
import type { ClientAvailability } from '../evaluate';
import type { Applied } from './moves';
import { changedElements, docChange } from './planDiff';
import { memo } from './structure';

/** A year of 365.25 days, as the report counts downtime. */
export const HOURS_PER_YEAR = 8766;

export interface Pricing {
  /** Some component or domain has a `costPerMonth`: moves are priced in money. */
  priced: boolean;
  currency: string;
  /** The mean `costPerMonth` of one priced instance: the price assumed for one without. */
  assumedInstancePrice: number;
  /** Some client (or the document) has a `downtimeCostPerHour`. */
  downtimeCosted: boolean;
}

export interface MoveCost {
  /** Instances added (a pool's new replicas, every instance of a copy, a managed service's hidden standby). */
  instances: number;
  /** What they cost a month; null when the design has no costs. */
  perMonth: number | null;
  /** Some added instance had no price of its own: priced at the design's mean. */
  assumedPrice: boolean;
}

export function pricingOf(t: Topology): Pricing {
  const priced = t.components.filter((c) => c.kind !== 'client' && c.costPerMonth !== undefined);
  const instances = priced.reduce((n, c) => n + (c.replicas ?? 1), 0);
  const total = priced.reduce((sum, c) => sum + c.costPerMonth! * (c.replicas ?? 1), 0);
  return {
    priced: priced.length > 0 || t.domains.some((d) => d.costPerMonth !== undefined),
    currency: t.currency ?? 'USD',
    assumedInstancePrice: instances > 0 ? total / instances : 0,
    downtimeCosted: t.downtimeCostPerHour !== undefined || t.components.some((c) => c.kind === 'client' && c.downtimeCostPerHour !== undefined),
  };
}

function instances(t: Topology): number {
  return t.components.reduce((n, c) => n + (c.kind === 'client' ? 0 : c.replicas ?? 1), 0);
}

function priceOf(c: Component, p: Pricing): number {
  return (c.costPerMonth ?? p.assumedInstancePrice) * (c.replicas ?? 1);
}

/** The monthly cost of the design, unpriced instances at the assumed price. */
function monthly(t: Topology, p: Pricing): number {
  let sum = 0;
  for (const c of t.components) if (c.kind !== 'client') sum += priceOf(c, p);
  for (const d of t.domains) sum += d.costPerMonth ?? 0;
  return sum;
}

export function costOfMove(before: Topology, applied: Applied, p: Pricing): MoveCost {
  const change = docChange(before, applied.doc);
  if (!change) return costByScan(before, applied, p);
  const hidden = applied.hiddenInstances ?? 0;
  const { was, now } = changedElements(before.components, change.components);
  const count = (cs: Component[]) => cs.reduce((n, c) => n + (c.kind === 'client' ? 0 : c.replicas ?? 1), 0);
  const added = count(now) - count(was) + hidden;
  if (!p.priced) return { instances: added, perMonth: null, assumedPrice: false };
  // As costByScan reads it: an unpriced component new or grown, or any unpriced one when the move pays for hidden instances.
  const old = new Map(was.map((c) => [c.id, c]));
  const unpriced = (c: Component) => c.kind !== 'client' && c.costPerMonth === undefined;
  let assumed = now.some((c) => unpriced(c) && (!old.has(c.id) || (old.get(c.id)!.replicas ?? 1) < (c.replicas ?? 1)));
  if (hidden > 0 && !assumed) assumed = unpricedCount(before) - was.filter(unpriced).length + now.filter(unpriced).length > 0;
  const hiddenUnpriced = hidden > 0 && now.some((c) => old.has(c.id) && c.costPerMonth === undefined) ? hidden * p.assumedInstancePrice : 0;
  const domains = changedElements(before.domains, change.domains);
  const priceOfAll = (cs: Component[]) => cs.reduce((sum, c) => sum + (c.kind === 'client' ? 0 : priceOf(c, p)), 0);
  const domainCost = (ds: FailureDomain[]) => ds.reduce((sum, d) => sum + (d.costPerMonth ?? 0), 0);
  const perMonth = priceOfAll(now) - priceOfAll(was) + domainCost(domains.now) - domainCost(domains.was);
  return { instances: added, perMonth: perMonth + hiddenUnpriced, assumedPrice: assumed };
}

/** Unpriced non-client components of a design (counted once per document). */
function unpricedCount(t: Topology): number {
  return memo(t, 'unpricedCount', () => t.components.filter((c) => c.kind !== 'client' && c.costPerMonth === undefined).length);
}

/** The same figures from a pass over both documents: for a move that removes or reorders elements. */
export function costByScan(before: Topology, applied: Applied, p: Pricing): MoveCost {
  const hidden = applied.hiddenInstances ?? 0;
  const added = instances(applied.doc) - instances(before) + hidden;
  if (!p.priced) return { instances: added, perMonth: null, assumedPrice: false };
  const old = new Map(before.components.map((c) => [c.id, c]));
  let assumed = false;
  for (const c of applied.doc.components) {
    if (c.kind === 'client' || c.costPerMonth !== undefined) continue;
    const was = old.get(c.id);
    if (!was || (was.replicas ?? 1) < (c.replicas ?? 1) || hidden > 0) assumed = true;
  }
  // A hidden standby of a component without a price: at the assumed price too.
  const hiddenUnpriced = hidden > 0 && applied.doc.components.some((c) => old.has(c.id) && c.costPerMonth === undefined && c !== old.get(c.id)) ? hidden * p.assumedInstancePrice : 0;
  return { instances: added, perMonth: monthly(applied.doc, p) - monthly(before, p) + hiddenUnpriced, assumedPrice: assumed };
}

export function addCosts(a: MoveCost, b: MoveCost): MoveCost {
  return {
    instances: a.instances + b.instances,
    perMonth: a.perMonth === null || b.perMonth === null ? null : a.perMonth + b.perMonth,
    assumedPrice: a.assumedPrice || b.assumedPrice,
  };
}

export const NO_COST: MoveCost = { instances: 0, perMonth: 0, assumedPrice: false };

/** A change to make is never free: any move weighs a quarter of an instance besides what it adds. */
const CHANGE_WEIGHT = 0.25;

/**
 * What the search divides a gain by: money a month when the design has costs (a move
 * that adds nothing costs next to nothing and goes first), else the instances added.
 */
export function weightOf(c: MoveCost, p: Pricing): number {
  if (p.priced && c.perMonth !== null) return Math.max(c.perMonth, 0) + CHANGE_WEIGHT * 1e-3 * Math.max(1, p.assumedInstancePrice);
  return c.instances + CHANGE_WEIGHT;
}

/** Expected downtime cost a year: each client's downtime hours times its cost per hour (the document's by default). */
export function downtimeCostPerYear(t: Topology, clients: readonly ClientAvailability[]): number {
  let sum = 0;
  for (const c of clients) {
    const rate = t.components.find((x) => x.id === c.id)?.downtimeCostPerHour ?? t.downtimeCostPerHour ?? 0;
    sum += c.unavailability * HOURS_PER_YEAR * rate;
  }
  return sum;
}
