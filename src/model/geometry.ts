// Where things sit on the canvas, computed from the document's `view`.
// Convention (shared with the layout and import code): `view.positions[id]` is the
// top-left corner RELATIVE TO THE NODE'S CONTAINER (a component's `domain`, a domain's
// `parent`), absolute when it has none, exactly as React Flow and ELK nest children.
// A component with `domains` (a pool spread over several) is drawn inside the innermost
// container that holds all of them (their common ancestor), or at the top level.
// `view.sizes` holds container sizes; a component's size follows its label (nodeCard.ts).
import { own } from './keyed';
import { componentSize } from './nodeCard';
import type { DomainKind, Topology } from './schema';

export interface XY { x: number; y: number }
export interface Size { width: number; height: number }
export interface Rect extends XY, Size {}

/** The smallest card: a new component's, before its label makes it wider. */
export const COMPONENT_SIZE: Size = { width: 184, height: 64 };
export const GRID = 16;
/** Room for a container's title bar and its inner margin. */
export const CONTAINER_PADDING = { top: 48, side: 32, bottom: 32 };
// Every kind has one (a kind without a size broke the palette's Host button): the type says so.
export const DEFAULT_DOMAIN_SIZE: Record<DomainKind, Size> = {
  provider: { width: 880, height: 520 },
  region: { width: 640, height: 400 },
  zone: { width: 320, height: 240 },
  datacenter: { width: 320, height: 240 },
  rack: { width: 240, height: 200 },
  host: { width: 240, height: 200 },
  group: { width: 320, height: 240 },
};

type Doc = Pick<Topology, 'components' | 'domains' | 'view'>;

// Lookups by id, built once per components or domains array. Documents are immutable
// (every edit makes new arrays), so an array's identity names its content; a length check
// also catches an array that grew in place. Without this the canvas's mapping (a container
// per node, two absolute rectangles per link) was quadratic: seconds at 1,000 components.
const byIdCache = new WeakMap<readonly { id: string }[], { length: number; map: Map<string, unknown> }>();

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  const hit = byIdCache.get(list);
  if (hit && hit.length === list.length) return hit.map as Map<string, T>;
  const map = new Map<string, T>();
  for (const x of list) if (!map.has(x.id)) map.set(x.id, x);
  byIdCache.set(list, { length: list.length, map });
  return map;
}

/** The container a node is drawn in: a component's single domain, a domain's parent. */
export function containerOf(doc: Doc, id: string): string | undefined {
  const c = byId(doc.components).get(id);
  if (c) return c.domains ? commonAncestor(doc, c.domains) : c.domain;
  return byId(doc.domains).get(id)?.parent;
}

/** The innermost domain that is, or is above, every one of `ids`. */
export function commonAncestor(doc: Pick<Topology, 'domains'>, ids: readonly string[]): string | undefined {
  const chains = ids.map((id) => ancestorsOf(doc, id));
  if (chains.length === 0) return undefined;
  return chains[0].find((candidate) => chains.every((chain) => chain.includes(candidate)));
}

/** `id` and every domain above it, innermost first. Stops on a cycle. */
export function ancestorsOf(doc: Pick<Topology, 'domains'>, id: string): string[] {
  const out: string[] = [];
  let cur: string | undefined = id;
  const domains = byId(doc.domains);
  while (cur !== undefined && !out.includes(cur)) {
    const d = domains.get(cur);
    if (!d) break;
    out.push(cur);
    cur = d.parent;
  }
  return out;
}

export function sizeOf(doc: Doc, id: string): Size {
  const d = byId(doc.domains).get(id);
  if (!d) {
    const c = byId(doc.components).get(id);
    return c ? componentSize(c) : COMPONENT_SIZE;
  }
  return own(doc.view?.sizes, id) ?? DEFAULT_DOMAIN_SIZE[d.kind];
}

export function relativePosition(doc: Doc, id: string): XY {
  return own(doc.view?.positions, id) ?? { x: 0, y: 0 };
}

/** Absolute canvas position: the relative position plus every container's. */
export function absolutePosition(doc: Doc, id: string): XY {
  let { x, y } = relativePosition(doc, id);
  const seen = new Set([id]);
  let parent = containerOf(doc, id);
  while (parent !== undefined && !seen.has(parent)) {
    seen.add(parent);
    const p = relativePosition(doc, parent);
    x += p.x;
    y += p.y;
    parent = containerOf(doc, parent);
  }
  return { x, y };
}

export function absoluteRect(doc: Doc, id: string): Rect {
  return { ...absolutePosition(doc, id), ...sizeOf(doc, id) };
}

/** Domain ids below `id` (children, grandchildren...), not `id` itself. */
export function descendantDomains(doc: Pick<Topology, 'domains'>, id: string): Set<string> {
  const out = new Set<string>();
  let frontier = [id];
  while (frontier.length) {
    const next: string[] = [];
    for (const d of doc.domains) {
      if (d.parent !== undefined && frontier.includes(d.parent) && !out.has(d.id) && d.id !== id) {
        out.add(d.id);
        next.push(d.id);
      }
    }
    frontier = next;
  }
  return out;
}

/** Depth of a domain in the nesting (0 at the top); parents sort before children. */
export function domainDepth(doc: Pick<Topology, 'domains'>, id: string): number {
  let depth = 0;
  const seen = new Set<string>();
  const domains = byId(doc.domains);
  let cur = domains.get(id)?.parent;
  while (cur !== undefined && !seen.has(cur)) {
    seen.add(cur);
    depth++;
    cur = domains.get(cur)?.parent;
  }
  return depth;
}

/** The innermost container whose rectangle holds `point`, skipping `exclude`. */
export function containerAt(doc: Doc, point: XY, exclude: ReadonlySet<string> = new Set()): string | undefined {
  let best: string | undefined;
  let bestDepth = -1;
  for (const d of doc.domains) {
    if (exclude.has(d.id)) continue;
    const r = absoluteRect(doc, d.id);
    if (point.x < r.x || point.y < r.y || point.x > r.x + r.width || point.y > r.y + r.height) continue;
    const depth = domainDepth(doc, d.id);
    if (depth > bestDepth) {
      best = d.id;
      bestDepth = depth;
    }
  }
  return best;
}

export function snap(v: number): number {
  return Math.round(v / GRID) * GRID;
}

// The last rectangles of each document, shared (never change the map you get): opening a
// design asked for them four times in one task (the fit before drawing, the canvas, the far
// drawing, the zoom check), 20-30 ms each at 1,000 components. Documents are immutable; the
// sizes are checked too, as byId does, in case a list or record grew in place.
interface RectsKey { domains: Doc['domains']; positions: unknown; sizes: unknown; counts: string }
const rectsCache = new WeakMap<readonly unknown[], { key: RectsKey; rects: Map<string, Rect> }>();

function rectsKey(doc: Doc): RectsKey {
  const count = (r: object | undefined) => (r === undefined ? 0 : Object.keys(r).length);
  return {
    domains: doc.domains, positions: doc.view?.positions, sizes: doc.view?.sizes,
    counts: `${doc.components.length},${doc.domains.length},${count(doc.view?.positions)},${count(doc.view?.sizes)}`,
  };
}

/** Every node's absolute rectangle at once, with indexes: linear in the document's size. */
export function absoluteRects(doc: Doc): Map<string, Rect> {
  const key = rectsKey(doc);
  const hit = rectsCache.get(doc.components);
  if (hit && hit.key.domains === key.domains && hit.key.positions === key.positions && hit.key.sizes === key.sizes && hit.key.counts === key.counts) return hit.rects;
  const rects = computeRects(doc);
  rectsCache.set(doc.components, { key, rects });
  return rects;
}

function computeRects(doc: Doc): Map<string, Rect> {
  const components = new Map(doc.components.map((c) => [c.id, c]));
  const domains = new Map(doc.domains.map((d) => [d.id, d]));
  const positions = doc.view?.positions ?? {};
  const out = new Map<string, Rect>();
  // `seen` guards against a parent cycle in an invalid document.
  const rectOf = (id: string, seen: Set<string>): Rect => {
    const known = out.get(id);
    if (known) return known;
    const c = components.get(id);
    const parent = c ? (c.domains ? commonAncestor(doc, c.domains) : c.domain) : domains.get(id)?.parent;
    const origin = parent !== undefined && domains.has(parent) && !seen.has(parent)
      ? rectOf(parent, new Set([...seen, parent]))
      : { x: 0, y: 0 };
    const p = own(positions, id) ?? { x: 0, y: 0 };
    const d = domains.get(id);
    const size = d ? own(doc.view?.sizes, id) ?? DEFAULT_DOMAIN_SIZE[d.kind] : c ? componentSize(c) : COMPONENT_SIZE;
    const rect = { x: origin.x + p.x, y: origin.y + p.y, ...size };
    out.set(id, rect);
    return rect;
  };
  for (const id of [...domains.keys(), ...components.keys()]) rectOf(id, new Set([id]));
  return out;
}
