// What the kinds of move share: finding the component a move names, replacing it, the
// elements it owns, and the common conditions for a move on it.
import { instanceDomain, isStandby, replicasOf, type Component, type Topology } from '../../../model';
import type { MoveContext } from '../moveContext';
import { isManagedService } from './managed';
import { alternativesOf, componentElements, componentMap, labelOf, zoneOf } from '../structure';

export function componentOf(t: Topology, id: string, move: string): Component {
  const c = componentMap(t).get(id);
  if (!c) throw new Error(`move ${move}: no component "${id}"`);
  return c;
}

export function replaceComponent(t: Topology, c: Component): Topology {
  return { ...t, components: t.components.map((x) => (x.id === c.id ? c : x)) };
}

/** Components a move may act on: not clients, not standbys, and needed by someone. */
export function movable(ctx: MoveContext): Component[] {
  return ctx.doc.components.filter((c) => c.kind !== 'client' && !isStandby(c) && ctx.required.has(c.id));
}

/** What a standby or a second load balancer may stand beside: not a managed service, whose redundancy the provider runs. */
export function selfRun(ctx: MoveContext): Component[] {
  return movable(ctx).filter((c) => !isManagedService(c));
}

/** A single instance that nothing stands in for yet. */
export function aloneAndSingle(t: Topology, c: Component): boolean {
  return replicasOf(c) === 1 && alternativesOf(t, c.id).size === 0;
}

/** The elements that fail with the component itself: its instances, and its pool's failover. */
export function ownElements(c: Component): string[] {
  const ids = componentElements(c);
  return c.standby !== undefined && replicasOf(c) > 1 ? [...ids, `failover:${c.id}`] : ids;
}

/** The zones of a component's instances (element ids, for potentials). */
export function zonesOf(t: Topology, c: Component): string[] {
  const out: string[] = [];
  for (let i = 1; i <= replicasOf(c); i++) {
    const z = zoneOf(t, instanceDomain(c, i));
    if (z !== undefined && !out.includes(z)) out.push(z);
  }
  return out;
}

/** "in us-east-1b", or "in a new zone us-east-1b". */
export function inZone(t: Topology, zone: string | undefined, created: boolean): string {
  if (zone === undefined) return '';
  return ` in ${created ? 'a new zone ' : ''}${labelOf(t, zone)}`;
}
