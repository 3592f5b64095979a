// The managed multi-AZ services the plan may move a component to (of the preset table,
// src/model/presets.ts), and whether a component already is one.
import { instanceDomain, MANAGED_PRESETS, replicasOf, type Component, type ComponentKind, type Topology } from '../../../model';
import { domainMap } from '../structure';

export interface ManagedMove {
  preset: string;
  kind: ComponentKind;
  /** Instances the service runs that the design does not draw (a Multi-AZ standby). */
  hiddenInstances: number;
  /** What it costs a month against the single instance (Multi-AZ is billed as two). */
  priceFactor: number;
}

/** AWS bills a Multi-AZ database or cache for its standby (or replica) too: twice a single instance. */
export const MANAGED_MOVES: ManagedMove[] = [
  { preset: 'aws-rds-multi-az', kind: 'database', hiddenInstances: 1, priceFactor: 2 },
  { preset: 'aws-elasticache-multi-az', kind: 'cache', hiddenInstances: 1, priceFactor: 2 },
  { preset: 'aws-elb', kind: 'loadbalancer', hiddenInstances: 0, priceFactor: 1 },
];

export const presetOf = (id: string) => MANAGED_PRESETS.find((p) => p.id === id)!;

/**
 * The component is a managed service of the preset table (its availability is one of
 * their SLAs for its kind, as the inspector reads it): the provider runs its redundancy,
 * so no standby, second load balancer or second instance is drawn beside it.
 */
export function isManagedService(c: Component): boolean {
  return c.mtbfHours === undefined && c.availability !== undefined
    && MANAGED_MOVES.some((m) => m.kind === c.kind) && MANAGED_PRESETS.some((p) => p.kinds.includes(c.kind) && p.availability === c.availability);
}

/** Kinds a cloud runs as a regional service: a queue (SQS), a bucket (S3). */
const REGIONAL_KINDS = new Set<ComponentKind>(['queue', 'storage']);

/**
 * A queue or a bucket placed in a region itself, not in one of its zones: a regional
 * managed service (SQS, S3), already spread over the zones of its region by its provider,
 * its preset availability that SLA (src/model/presets.ts). A standby in the same region
 * would fail with it (a regional outage takes both); only a second region stands beside it.
 */
export function isRegionalService(t: Topology, c: Component): boolean {
  return REGIONAL_KINDS.has(c.kind) && replicasOf(c) === 1 && domainMap(t).get(instanceDomain(c, 1) ?? '')?.kind === 'region';
}
