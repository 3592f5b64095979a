// Gives a position to every node that has none (a document from Mermaid, a hand-written
// file, the nodes a plan adds), so nothing is drawn stacked at the origin. A new component
// linked to a placed one of the same container goes beside it (a standby beside its
// primary); the rest fill their container row by row, rows following the dependency order
// from the clients. Containers then grow to hold what they contain. Auto-layout (elkjs)
// does the real job on request.
import { keyedCopy, linkType, own, type Link, type Topology } from '../model';
import { componentSize } from '../model/nodeCard';
import { CONTAINER_PADDING, DEFAULT_DOMAIN_SIZE, containerOf, domainDepth, type Size, type XY } from './geometry';

const GAP = { x: 48, y: 64 };

/** Breadth-first depth from the clients along dependency links (unreached: after the rest). */
function ranks(doc: Topology): Map<string, number> {
  const out = new Map<string, number>();
  let frontier = new Set(doc.components.filter((c) => c.kind === 'client').map((c) => c.id));
  frontier.forEach((id) => out.set(id, 0));
  for (let depth = 1; frontier.size; depth++) {
    const next = new Set<string>();
    for (const l of doc.links) {
      if (linkType(l) === 'dependency' && frontier.has(l.from) && !out.has(l.to)) {
        out.set(l.to, depth);
        next.add(l.to);
      }
    }
    frontier = next;
  }
  const last = Math.max(0, ...out.values()) + 1;
  for (const c of doc.components) if (!out.has(c.id)) out.set(c.id, last);
  return out;
}

/** The links at each element (each link once, in the document's order) and each link's place in it. */
function linkIndex(all: readonly Link[], kind: ReadonlyMap<string, string>): {
  touching(id: string): readonly Link[];
  /** The links from `caller` to components of `kind`, in the document's order. */
  calls(caller: string, kind: string | undefined): readonly Link[];
  order(l: Link): number;
} {
  const at = new Map<string, Link[]>();
  const calls = new Map<string, Link[]>();
  const order = new Map<Link, number>();
  const add = (id: string, l: Link) => {
    const list = at.get(id);
    if (list) list.push(l);
    else at.set(id, [l]);
  };
  all.forEach((l, i) => {
    order.set(l, i);
    add(l.from, l);
    if (l.to !== l.from) add(l.to, l);
    const k = kind.get(l.to);
    if (k === undefined) return;
    const key = `${k}\u0000${l.from}`;
    const list = calls.get(key);
    if (list) list.push(l);
    else calls.set(key, [l]);
  });
  return {
    touching: (id) => at.get(id) ?? [],
    calls: (caller, k) => (k === undefined ? [] : calls.get(`${k}\u0000${caller}`) ?? []),
    order: (l) => order.get(l) ?? 0,
  };
}

export function ensurePositions(doc: Topology): Topology {
  // Prototype-free copies: an element may be called "constructor" or "__proto__" (keyed.ts).
  const positions = keyedCopy(doc.view?.positions);
  const sizes = keyedCopy(doc.view?.sizes);
  const missing = [...doc.components, ...doc.domains].filter((x) => !positions[x.id]);
  if (missing.length === 0) return doc;
  const rank = ranks(doc);
  const children = new Map<string | undefined, string[]>();
  for (const x of [...doc.domains, ...doc.components]) {
    const parent = containerOf(doc, x.id);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent)!.push(x.id);
  }
  const isDomain = new Set(doc.domains.map((d) => d.id));
  // Looked up per unplaced component: built once (a scan of every link for each of 5,000
  // components held the page for seconds when such a design was opened).
  const kind = new Map(doc.components.map((c) => [c.id, c.kind]));
  const links = linkIndex(doc.links, kind);
  const componentById = new Map(doc.components.map((c) => [c.id, c]));
  const sizeOf = (id: string): Size => (isDomain.has(id) ? sizes[id] ?? DEFAULT_DOMAIN_SIZE[doc.domains.find((d) => d.id === id)!.kind] : componentSize(componentById.get(id)!));
  const minRank = (id: string): number => {
    if (!isDomain.has(id)) return rank.get(id) ?? 0;
    const inner = children.get(id) ?? [];
    return inner.length ? Math.min(...inner.map(minRank)) : Infinity;
  };

  // Fills a container with its unplaced children (containers first, innermost first), then
  // grows it to fit everything inside when it has no size of its own.
  const fill = (container: string | undefined): void => {
    const inner = children.get(container) ?? [];
    for (const id of inner) if (isDomain.has(id)) fill(id);
    const origin: XY = container === undefined ? { x: 0, y: 0 } : { x: CONTAINER_PADDING.side, y: CONTAINER_PADDING.top };
    // Beside a linked, already placed component of the same container, at the first free spot.
    const overlaps = (id: string, at: XY) => inner.some((other) => {
      if (other === id || !positions[other]) return false;
      const o = positions[other];
      const a = sizeOf(id);
      const b = sizeOf(other);
      return at.x < o.x + b.width + GAP.x / 2 && o.x < at.x + a.width + GAP.x / 2 && at.y < o.y + b.height && o.y < at.y + a.height;
    });
    for (const id of inner) {
      if (positions[id] || isDomain.has(id)) continue;
      const partner = partnerOf(id, (other) => positions[other] !== undefined && containerOf(doc, other) === container);
      if (partner === undefined) continue;
      const at = { x: positions[partner].x + sizeOf(partner).width + GAP.x, y: positions[partner].y };
      while (overlaps(id, at)) at.x += sizeOf(id).width + GAP.x;
      // Only where the container has room: widening it would push into its neighbours;
      // a new row below (next) only lengthens it.
      if (container !== undefined && at.x + sizeOf(id).width + CONTAINER_PADDING.side > sizeOf(container).width) continue;
      positions[id] = at;
    }
    const placed = inner.filter((id) => positions[id]);
    let cursorY = placed.length ? Math.max(...placed.map((id) => positions[id].y + sizeOf(id).height)) + GAP.y : origin.y;
    const unplaced = inner.filter((id) => !positions[id]).sort((a, b) => minRank(a) - minRank(b));
    // One row per rank; containers of the same first rank share a row with the components.
    const rows = new Map<number, string[]>();
    for (const id of unplaced) {
      const r = minRank(id);
      if (!rows.has(r)) rows.set(r, []);
      rows.get(r)!.push(id);
    }
    for (const row of rows.values()) {
      let x = origin.x;
      let height = 0;
      for (const id of row) {
        positions[id] = { x, y: cursorY };
        const s = sizeOf(id);
        x += s.width + GAP.x;
        height = Math.max(height, s.height);
      }
      cursorY += height + GAP.y;
    }
    if (container !== undefined && !own(doc.view?.sizes, container) && inner.length) {
      const right = Math.max(...inner.map((id) => positions[id].x + sizeOf(id).width));
      const bottom = Math.max(...inner.map((id) => positions[id].y + sizeOf(id).height));
      sizes[container] = { width: right + CONTAINER_PADDING.side, height: bottom + CONTAINER_PADDING.bottom };
    }
  };
  fill(undefined);
  // Innermost first, every container grows (never shrinks) to hold its children.
  const byDepth = [...doc.domains].sort((a, b) => domainDepth(doc, b.id) - domainDepth(doc, a.id));
  for (const d of byDepth) {
    const inner = children.get(d.id) ?? [];
    if (inner.length === 0) continue;
    const size = sizeOf(d.id);
    const right = Math.max(...inner.map((id) => positions[id].x + sizeOf(id).width)) + CONTAINER_PADDING.side;
    const bottom = Math.max(...inner.map((id) => positions[id].y + sizeOf(id).height)) + CONTAINER_PADDING.bottom;
    if (right > size.width || bottom > size.height) sizes[d.id] = { width: Math.max(size.width, right), height: Math.max(size.height, bottom) };
  }
  return { ...doc, view: { ...doc.view, positions, sizes } };

  /**
   * The component `id` belongs beside, among those `ok` accepts: its replication partner,
   * else a twin (same kind, called by the same caller: a standby and what it stands behind),
   * else anything linked to it.
   */
  function partnerOf(id: string, ok: (other: string) => boolean): string | undefined {
    const touching = links.touching(id);
    const other = (l: Link) => (l.from === id ? l.to : l.from);
    // The first in the document's order that `ok` accepts, without sorting or copying lists.
    const first = (candidates: Iterable<Link>, end: (l: Link) => string): string | undefined => {
      let best: Link | undefined;
      for (const l of candidates) {
        const x = end(l);
        if (x !== id && kind.has(x) && (best === undefined || links.order(l) < links.order(best)) && ok(x)) best = l;
      }
      return best && end(best);
    };
    // A twin: the first, in the document's order, of what a caller of `id` also calls of its
    // kind. Each caller's list is in that order, so its scan stops at its first accepted one.
    const twin = (): string | undefined => {
      let best: Link | undefined;
      for (const l of touching) {
        if (l.to !== id) continue;
        for (const t of links.calls(l.from, kind.get(id))) {
          if (best !== undefined && links.order(t) >= links.order(best)) break;
          if (t.to !== id && ok(t.to)) {
            best = t;
            break;
          }
        }
      }
      return best?.to;
    };
    return first(touching.filter((l) => linkType(l) === 'replication'), other) ?? twin() ?? first(touching, other);
  }
}
