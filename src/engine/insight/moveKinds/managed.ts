// The managed multi-AZ services the plan may move a component to (of the preset table,
// src/model/presets.ts), and whether a component already is one.
import { MANAGED_PRESETS, type Component, type ComponentKind } from '../../../model';

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
