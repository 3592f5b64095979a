// Pure edits of a topology document: each takes a document and returns a new one
// (never mutating), so the store's actions stay one-liners and undo sees whole steps.
import { CURRENT_VERSION, groupResolver, keyedCopy, own, type Component, type ComponentKind, type DomainKind, type FailureDomain, type Link, type Topology } from '../model';
import { COMPONENT_SIZE, DEFAULT_DOMAIN_SIZE, absolutePosition, absoluteRects, containerAt, containerOf, descendantDomains, snap, type XY } from './geometry';
import { findLink, freshId, linkKey, usedIds } from './ids';
import { COMPONENT_KIND_LABELS, DOMAIN_KIND_LABELS, ID_STEMS } from './labels';

export function emptyDocument(name = 'Untitled design'): Topology {
  return { format: 'spof-topology', version: CURRENT_VERSION, name, domains: [], components: [], links: [], view: { positions: keyedCopy(), sizes: keyedCopy() } };
}

/** Sets (or, with undefined, removes) keys of an object; a patch value of undefined deletes. */
export function patchObject<T extends object>(obj: T, patch: Partial<T>): T {
  const out = { ...obj } as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out as T;
}

function withPosition(doc: Topology, id: string, relative: XY | undefined): Topology {
  const positions = keyedCopy(doc.view?.positions);
  if (relative) positions[id] = { x: relative.x, y: relative.y };
  else delete positions[id];
  return { ...doc, view: { ...doc.view, positions } };
}

/** The position of `abs` relative to container `parent` (or absolute without one). */
function relativeTo(doc: Topology, parent: string | undefined, abs: XY): XY {
  if (parent === undefined) return abs;
  const p = absolutePosition(doc, parent);
  return { x: abs.x - p.x, y: abs.y - p.y };
}

/** `base` when no component carries it yet, else the first free `base 2`, `base 3`... */
export function uniqueLabel(doc: Pick<Topology, 'components'>, base: string): string {
  const taken = new Set(doc.components.map((c) => c.label ?? c.id));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`)) return `${base} ${i}`;
}

export function addComponent(doc: Topology, kind: ComponentKind, at: XY): { doc: Topology; id: string } {
  const id = freshId(usedIds(doc), ID_STEMS[kind]);
  // The container under the new node's centre holds it.
  const domain = containerAt(doc, { x: at.x + COMPONENT_SIZE.width / 2, y: at.y + COMPONENT_SIZE.height / 2 });
  // Two nodes never share a default label: the second app server is "App server 2".
  const component: Component = { id, kind, label: uniqueLabel(doc, COMPONENT_KIND_LABELS[kind]), ...(domain ? { domain } : {}) };
  const next = { ...doc, components: [...doc.components, component] };
  return { doc: withPosition(next, id, relativeTo(next, domain, { x: snap(at.x), y: snap(at.y) })), id };
}

export function addDomain(doc: Topology, kind: DomainKind, at: XY, size?: { width: number; height: number }): { doc: Topology; id: string } {
  const id = freshId(usedIds(doc), ID_STEMS[kind]);
  const box = size ?? DEFAULT_DOMAIN_SIZE[kind];
  const parent = containerAt(doc, { x: at.x + box.width / 2, y: at.y + box.height / 2 });
  const domain: FailureDomain = { id, kind, label: DOMAIN_KIND_LABELS[kind], ...(parent ? { parent } : {}) };
  let next: Topology = { ...doc, domains: [...doc.domains, domain] };
  if (size) next = { ...next, view: { ...next.view, sizes: keyedCopy([...Object.entries(next.view?.sizes ?? {}), [id, size]]) } };
  return { doc: withPosition(next, id, relativeTo(next, parent, { x: snap(at.x), y: snap(at.y) })), id };
}

export type ConnectResult = { doc: Topology; key: string } | { doc: Topology; key?: undefined; reason: string };

/** A new link from -> to; refuses a self link or a repeat of an existing one. */
export function connect(doc: Topology, from: string, to: string, type: 'dependency' | 'replication' = 'dependency'): ConnectResult {
  if (from === to) return { doc, reason: 'a component cannot depend on itself' };
  const ids = new Set(doc.components.map((c) => c.id));
  if (!ids.has(from) || !ids.has(to)) return { doc, reason: 'links join components, not containers' };
  const link: Link = type === 'replication' ? { from, to, type: 'replication', mode: 'async' } : { from, to };
  if (findLink(doc, linkKey(link)) || doc.links.some((l) => l.from === from && l.to === to && (l.type ?? 'dependency') === type)) {
    return { doc, reason: `there already is a ${type} link from "${from}" to "${to}"` };
  }
  return { doc: { ...doc, links: [...doc.links, link] }, key: linkKey(link) };
}

export function updateComponent(doc: Topology, id: string, patch: Partial<Component>): Topology {
  const before = doc.components.find((c) => c.id === id);
  if (!before) return doc;
  let next: Topology = { ...doc, components: doc.components.map((c) => (c.id === id ? patchObject(c, patch) : c)) };
  // Placement changed: keep the node where it is on screen, relative to its new container.
  if ('domain' in patch || 'domains' in patch) {
    const abs = absolutePosition(doc, id);
    next = withPosition(next, id, relativeTo(next, containerOf(next, id), abs));
  }
  return next;
}

export function updateDomain(doc: Topology, id: string, patch: Partial<FailureDomain>): Topology {
  if (!doc.domains.some((d) => d.id === id)) return doc;
  if (patch.parent !== undefined && (patch.parent === id || descendantDomains(doc, id).has(patch.parent))) return doc;
  let next: Topology = { ...doc, domains: doc.domains.map((d) => (d.id === id ? patchObject(d, patch) : d)) };
  if ('parent' in patch) next = withPosition(next, id, relativeTo(next, patch.parent, absolutePosition(doc, id)));
  return next;
}

export function updateLink(doc: Topology, key: string, patch: Partial<Link>): Topology {
  return { ...doc, links: doc.links.map((l) => (linkKey(l) === key ? patchObject(l, patch) : l)) };
}

/** Turns a link into the other type, dropping the fields the new type may not carry. */
export function setLinkType(doc: Topology, key: string, type: 'dependency' | 'replication'): Topology {
  const link = findLink(doc, key);
  if (!link) return doc;
  const { from, to, id, label } = link;
  const base: Link = { ...(id ? { id } : {}), from, to, ...(label ? { label } : {}) };
  const next: Link = type === 'replication' ? { ...base, type: 'replication', mode: 'async' } : base;
  return { ...doc, links: doc.links.map((l) => (l === link ? next : l)) };
}

/** Renames an element and every reference to it (placement, parents, links, view). */
export function renameElement(doc: Topology, from: string, to: string): Topology {
  if (from === to || !to || usedIds(doc).has(to)) return doc;
  const swap = (x: string) => (x === from ? to : x);
  const rekey = <V>(rec: Record<string, V> | undefined) =>
    rec && keyedCopy(Object.entries(rec).map(([k, v]) => [swap(k), v] as const));
  return {
    ...doc,
    components: doc.components.map((c) => {
      const out = { ...c, id: swap(c.id) };
      if (c.domain !== undefined) out.domain = swap(c.domain);
      if (c.domains) out.domains = c.domains.map(swap);
      return out;
    }),
    domains: doc.domains.map((d) => ({ ...d, id: swap(d.id), ...(d.parent !== undefined ? { parent: swap(d.parent) } : {}) })),
    links: doc.links.map((l) => ({ ...l, ...(l.id !== undefined ? { id: swap(l.id) } : {}), from: swap(l.from), to: swap(l.to) })),
    view: doc.view && {
      ...doc.view,
      ...(doc.view.positions ? { positions: rekey(doc.view.positions) } : {}),
      ...(doc.view.sizes ? { sizes: rekey(doc.view.sizes) } : {}),
    },
  };
}

/**
 * Deletes components, domains and links. A deleted container's contents move up to
 * its parent and stay where they are on screen; links to deleted components go too,
 * and so do `requires` entries left with no link in their group.
 */
export function deleteElements(doc: Topology, nodeIds: readonly string[], linkKeys: readonly string[] = []): Topology {
  const gone = new Set(nodeIds);
  const goneLinks = new Set(linkKeys);
  const domainParent = new Map(doc.domains.map((d) => [d.id, d.parent]));
  const survivingParent = (p: string | undefined): string | undefined => {
    const seen = new Set<string>();
    while (p !== undefined && gone.has(p) && !seen.has(p)) {
      seen.add(p);
      p = domainParent.get(p);
    }
    return p;
  };
  const positions = keyedCopy(doc.view?.positions);
  const sizes = keyedCopy(doc.view?.sizes);
  const survivors = [...doc.components.map((c) => c.id), ...doc.domains.map((d) => d.id)].filter((id) => !gone.has(id));
  const abs = new Map(survivors.map((id) => [id, absolutePosition(doc, id)]));
  for (const id of gone) {
    delete positions[id];
    delete sizes[id];
  }
  const components = doc.components.filter((c) => !gone.has(c.id)).map((c) => {
    let out = c;
    if (c.domain !== undefined && gone.has(c.domain)) out = patchObject(out, { domain: survivingParent(c.domain) });
    if (c.domains?.some((d) => gone.has(d))) {
      const kept = c.domains.filter((d) => !gone.has(d));
      out = patchObject(out, { domains: kept.length ? kept : undefined });
    }
    return out;
  });
  const domains = doc.domains.filter((d) => !gone.has(d.id)).map((d) =>
    d.parent !== undefined && gone.has(d.parent) ? patchObject(d, { parent: survivingParent(d.parent) }) : d);
  const links = doc.links.filter((l) => !gone.has(l.from) && !gone.has(l.to) && !goneLinks.has(linkKey(l)));
  let next: Topology = { ...doc, components, domains, links, view: { ...doc.view, positions, sizes } };
  for (const id of survivors) next = withPosition(next, id, relativeTo(next, containerOf(next, id), abs.get(id)!));
  return dropOrphanRequires(next);
}

function dropOrphanRequires(doc: Topology): Topology {
  if (!doc.components.some((c) => c.requires)) return doc;
  const groupOf = groupResolver(doc);
  return { ...doc, components: doc.components.map((c) => {
    if (!c.requires) return c;
    const groups = new Set(doc.links.filter((l) => l.from === c.id && (l.type ?? 'dependency') === 'dependency').map(groupOf));
    const kept = Object.entries(c.requires).filter(([g]) => groups.has(g));
    if (kept.length === Object.keys(c.requires).length) return c;
    return patchObject(c, { requires: kept.length ? Object.fromEntries(kept) : undefined });
  }) };
}

/**
 * New place and size of a container. Its contents keep their places on screen: when the
 * top-left corner moves (resizing from the left or top), their relative positions shift back.
 */
export function resizeDomain(doc: Topology, id: string, rect: { x: number; y: number; width: number; height: number }): Topology {
  const before = own(doc.view?.positions, id) ?? { x: 0, y: 0 };
  const dx = rect.x - before.x;
  const dy = rect.y - before.y;
  const positions = keyedCopy(doc.view?.positions);
  positions[id] = { x: rect.x, y: rect.y };
  if (dx !== 0 || dy !== 0) {
    for (const x of [...doc.components, ...doc.domains]) {
      const p = positions[x.id];
      if (p && x.id !== id && containerOf(doc, x.id) === id) positions[x.id] = { x: p.x - dx, y: p.y - dy };
    }
  }
  const sizes = keyedCopy(doc.view?.sizes);
  sizes[id] = { width: rect.width, height: rect.height };
  return { ...doc, view: { ...doc.view, positions, sizes } };
}

export function isEmptyDocument(doc: Topology): boolean {
  return doc.components.length === 0 && doc.domains.length === 0 && doc.links.length === 0;
}

/**
 * One client ("Users") that calls each entry point (DESIGN section 2: the UI offers to
 * add a client for them in one step), placed above the whole design, outside every
 * container, and centred over the entry points.
 */
export function addClientFor(doc: Topology, entryPoints: readonly string[]): { doc: Topology; id: string } {
  const rects = absoluteRects(doc);
  const entries = entryPoints.map((id) => rects.get(id)).filter((r) => r !== undefined);
  const top = Math.min(...[...rects.values()].map((r) => r.y));
  const x = entries.length > 0 ? entries.reduce((sum, r) => sum + r.x, 0) / entries.length : 0;
  const at = { x, y: (Number.isFinite(top) ? top : 0) - COMPONENT_SIZE.height - 60 };
  const added = addComponent(doc, 'client', at);
  let next = updateComponent(added.doc, added.id, { label: uniqueLabel(doc, 'Users') });
  for (const entry of entryPoints) {
    const r = connect(next, added.id, entry);
    next = r.doc;
  }
  return { doc: next, id: added.id };
}
