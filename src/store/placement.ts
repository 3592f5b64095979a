// Gives a position to every node that has none (a document from Mermaid, a hand-written
// file), so nothing is drawn stacked at the origin. Containers are filled row by row,
// rows following the dependency order from the clients; a container with no stored size
// grows to hold what it contains. Auto-layout (elkjs) does the real job on request.
import { linkType, type Topology } from '../model';
import { COMPONENT_SIZE, CONTAINER_PADDING, DEFAULT_DOMAIN_SIZE, containerOf, type Size, type XY } from './geometry';

const GAP = { x: 48, y: 64 };

/** Breadth-first depth from the clients along dependency links (unreached: after the rest). */
function ranks(doc: Topology): Map<string, number> {
  const out = new Map<string, number>();
  let frontier = doc.components.filter((c) => c.kind === 'client').map((c) => c.id);
  frontier.forEach((id) => out.set(id, 0));
  for (let depth = 1; frontier.length; depth++) {
    const next: string[] = [];
    for (const l of doc.links) {
      if (linkType(l) === 'dependency' && frontier.includes(l.from) && !out.has(l.to)) {
        out.set(l.to, depth);
        next.push(l.to);
      }
    }
    frontier = next;
  }
  const last = Math.max(0, ...out.values()) + 1;
  for (const c of doc.components) if (!out.has(c.id)) out.set(c.id, last);
  return out;
}

export function ensurePositions(doc: Topology): Topology {
  const positions = { ...(doc.view?.positions ?? {}) };
  const sizes = { ...(doc.view?.sizes ?? {}) };
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
  const sizeOf = (id: string): Size => (isDomain.has(id) ? sizes[id] ?? DEFAULT_DOMAIN_SIZE[doc.domains.find((d) => d.id === id)!.kind] : COMPONENT_SIZE);
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
    if (container !== undefined && !doc.view?.sizes?.[container] && inner.length) {
      const right = Math.max(...inner.map((id) => positions[id].x + sizeOf(id).width));
      const bottom = Math.max(...inner.map((id) => positions[id].y + sizeOf(id).height));
      sizes[container] = { width: right + CONTAINER_PADDING.side, height: bottom + CONTAINER_PADDING.bottom };
    }
  };
  fill(undefined);
  return { ...doc, view: { ...doc.view, positions, sizes } };
}
