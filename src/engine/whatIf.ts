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
    const slots = slotsByLinkOf(s).get(id);
    if (slots) for (const slot of slots) forced.slots.add(slot);
    else forced.unknown.push(id);
  }
  return forced;
}

// Built once per structure: a question asked per optional link built it again each time
// (100,000 slots, 30 s for the 300 optional links of an estate at every limit).
const slotsByLinkCache = new WeakMap<Structure, Map<string, number[]>>();

function slotsByLinkOf(s: Structure): Map<string, number[]> {
  let slotsByLink = slotsByLinkCache.get(s);
  if (!slotsByLink) {
    const built = new Map<string, number[]>();
    s.slots.forEach((slot, i) => {
      if (!built.has(slot.linkId)) built.set(slot.linkId, []);
      built.get(slot.linkId)!.push(i);
    });
    slotsByLinkCache.set(s, (slotsByLink = built));
  }
  return slotsByLink;
}
