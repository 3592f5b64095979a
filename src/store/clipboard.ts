// Copy and paste: a fragment of a document (the chosen nodes, everything inside chosen
// containers, and the links among them) pasted back under fresh ids.
import type { Component, FailureDomain, Link, Topology } from '../model';
import { keyedCopy, own } from '../model/keyed';
import { absolutePosition, containerOf, descendantDomains, sizeOf, type Size, type XY } from './geometry';
import { freshId, usedIds } from './ids';
import { Shelf, settle } from './twinPlacement';

export interface Fragment {
  components: Component[];
  domains: FailureDomain[];
  links: Link[];
  /** Canvas positions at copy time, so a paste lands where the copy was, offset. */
  absolute: Record<string, XY>;
  sizes: Record<string, Size>;
}

export function copyFragment(doc: Topology, nodeIds: readonly string[]): Fragment | null {
  const chosen = new Set(nodeIds);
  for (const id of nodeIds) for (const d of descendantDomains(doc, id)) chosen.add(d);
  const domains = doc.domains.filter((d) => chosen.has(d.id));
  const inChosen = (id: string) => {
    const container = containerOf(doc, id);
    return container !== undefined && chosen.has(container);
  };
  const components = doc.components.filter((c) => chosen.has(c.id) || inChosen(c.id));
  if (components.length === 0 && domains.length === 0) return null;
  const ids = new Set(components.map((c) => c.id));
  const links = doc.links.filter((l) => ids.has(l.from) && ids.has(l.to));
  const absolute = keyedCopy<XY>();
  const sizes = keyedCopy<Size>();
  for (const x of [...components, ...domains]) absolute[x.id] = absolutePosition(doc, x.id);
  for (const d of domains) {
    const s = own(doc.view?.sizes, d.id);
    if (s) sizes[d.id] = s;
  }
  return structuredClone({ components, domains, links, absolute, sizes });
}

export interface Pasted {
  doc: Topology;
  ids: string[];
  /** Each new node's original (new id to copied id). */
  twins: Record<string, string>;
}

/** Pastes a fragment `offset` away from where it was copied; returns the new node ids. */
export function pasteFragment(doc: Topology, fragment: Fragment, offset: XY): Pasted {
  const taken = usedIds(doc);
  const rename = new Map<string, string>();
  const claim = (id: string) => {
    // The editor's own ids never hold "#", "->" or "=>" (they name instances and links).
    const fresh = freshId(taken, id.replace(/#|->|=>/g, '-'));
    taken.add(fresh);
    rename.set(id, fresh);
    return fresh;
  };
  for (const d of fragment.domains) claim(d.id);
  for (const c of fragment.components) claim(c.id);
  const existing = new Set(doc.domains.map((d) => d.id));
  // A reference to a copied element follows the copy; to an element left behind, stays if it still exists.
  const ref = (id: string | undefined) => (id === undefined ? undefined : rename.get(id) ?? (existing.has(id) ? id : undefined));
  const groupName = (g: string) => g.replace(/^(component|replicas):(.*)$/, (m, kind: string, id: string) => (rename.has(id) ? `${kind}:${rename.get(id)}` : m));

  const domains: FailureDomain[] = fragment.domains.map((d) => {
    const { parent, ...rest } = d;
    const p = ref(parent);
    return { ...rest, id: rename.get(d.id)!, ...(p ? { parent: p } : {}) };
  });
  const components: Component[] = fragment.components.map((c) => {
    const { domain, domains: spread, requires, ...rest } = c;
    const out: Component = { ...rest, id: rename.get(c.id)! };
    const kept = spread?.map(ref).filter((x): x is string => x !== undefined);
    if (kept && kept.length) out.domains = kept;
    else if (ref(domain ?? spread?.[0])) out.domain = ref(domain ?? spread?.[0]);
    if (requires) out.requires = Object.fromEntries(Object.entries(requires).map(([g, v]) => [groupName(g), v]));
    return out;
  });
  const links: Link[] = fragment.links.map((l) => {
    const out: Link = { ...l, from: rename.get(l.from)!, to: rename.get(l.to)! };
    if (l.id) out.id = claim(l.id);
    if (l.group) out.group = groupName(l.group);
    return out;
  });

  let next: Topology = {
    ...doc,
    domains: [...doc.domains, ...domains],
    components: [...doc.components, ...components],
    links: [...doc.links, ...links],
  };
  const positions = keyedCopy(next.view?.positions);
  const sizes = keyedCopy(next.view?.sizes);
  next = { ...next, view: { ...next.view, positions, sizes } };
  const newIds = [...domains.map((d) => d.id), ...components.map((c) => c.id)];
  const isNew = new Set(newIds);
  const target = new Map<string, XY>();
  for (const [oldId, newId] of rename) {
    const at = own(fragment.absolute, oldId);
    if (at && isNew.has(newId)) target.set(newId, { x: at.x + offset.x, y: at.y + offset.y });
  }
  for (const [oldId, newId] of rename) {
    const at = target.get(newId);
    if (!at) continue;
    const size = own(fragment.sizes, oldId);
    if (size) sizes[newId] = size;
    const container = containerOf(next, newId);
    // A copied container's new place is known directly; an existing one's from the document.
    const origin = container === undefined ? { x: 0, y: 0 } : target.get(container) ?? absolutePosition(doc, container);
    positions[newId] = { x: at.x - origin.x, y: at.y - origin.y };
  }
  const twins = keyedCopy<string>();
  for (const [oldId, newId] of rename) if (isNew.has(newId)) twins[newId] = oldId;
  return { doc: next, ids: newIds, twins };
}

/** Space between a copy and what it is placed beside. */
const GAP = 48;

/**
 * Pastes a fragment beside its originals: each copy on its original's row, in its
 * original's container, right of the original and of anything already there (a second
 * paste lands right of the first); a copied container with its content as in the original.
 * Containers then grow to hold their copies (src/store/twinPlacement's settle). A fragment
 * whose originals are gone (a cut, another tab's copy) lands `offset` from where it was copied.
 */
export function pasteBeside(doc: Topology, fragment: Fragment, offset: XY): Pasted {
  const pasted = pasteFragment(doc, fragment, offset);
  const positions = keyedCopy(pasted.doc.view?.positions);
  const next: Topology = { ...pasted.doc, view: { ...pasted.doc.view, positions, sizes: keyedCopy(pasted.doc.view?.sizes) } };
  const top = Object.keys(pasted.twins).filter((id) => {
    const container = containerOf(next, id);
    return container === undefined || !Object.hasOwn(pasted.twins, container);
  });
  const originals = new Set([...doc.components, ...doc.domains].map((x) => x.id));
  if (!top.every((id) => originals.has(pasted.twins[id]) && Object.hasOwn(positions, pasted.twins[id]))) return pasted;
  // What stands in each container, placed: the originals, then each copy once it is placed.
  const waiting = new Set(top);
  const shelves = new Map<string | undefined, Shelf>();
  for (const o of [...next.domains.map((d) => d.id), ...next.components.map((c) => c.id)]) {
    if (waiting.has(o) || !Object.hasOwn(positions, o)) continue;
    const container = containerOf(next, o);
    let shelf = shelves.get(container);
    if (!shelf) shelves.set(container, (shelf = new Shelf(next)));
    shelf.add(o);
  }
  for (const id of top) {
    const twin = pasted.twins[id];
    const container = containerOf(next, id);
    let shelf = shelves.get(container);
    if (!shelf) shelves.set(container, (shelf = new Shelf(next)));
    const y = positions[twin].y;
    positions[id] = { x: shelf.fit(positions[twin].x + sizeOf(next, twin).width + GAP, y, sizeOf(next, id)), y };
    shelf.add(id);
  }
  settle(next, top);
  return { ...pasted, doc: next };
}
