// What-if ids: the elements, components and links a user forces down.
import type { Structure } from './structure';

export interface Forced {
  elements: Set<number>;
  /** Clients forced down (they have no element of their own). */
  components: Set<number>;
  /** Slots whose link is forced down although it is perfect (no element). */
  slots: Set<number>;
  unknown: string[];
}

/**
 * Resolves what-if ids: element ids; a pool's component id (all its instances); a client
 * id (that client); the id (or from->to) of a perfect dependency link (that link).
 */
export function resolveFailed(s: Structure, failed: Iterable<string>): Forced {
  const forced: Forced = { elements: new Set(), components: new Set(), slots: new Set(), unknown: [] };
  let slotsByLink: Map<string, number[]> | null = null;
  for (const id of failed) {
    const e = s.elementIndex.get(id);
    if (e !== undefined) {
      forced.elements.add(e);
      continue;
    }
    const c = s.componentIndex.get(id);
    if (c !== undefined) {
      if (s.components[c].isClient) forced.components.add(c);
      else for (const inst of s.components[c].instances) forced.elements.add(inst.element);
      continue;
    }
    if (!slotsByLink) {
      slotsByLink = new Map();
      s.slots.forEach((slot, i) => {
        if (!slotsByLink!.has(slot.linkId)) slotsByLink!.set(slot.linkId, []);
        slotsByLink!.get(slot.linkId)!.push(i);
      });
    }
    const slots = slotsByLink.get(id);
    if (slots) for (const slot of slots) forced.slots.add(slot);
    else forced.unknown.push(id);
  }
  return forced;
}
