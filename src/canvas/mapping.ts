// The document <-> React Flow mapping. React Flow's nodes and edges are DERIVED from the
// topology (plus view positions and sizes): containers become group nodes, components
// become nodes inside them, links become edges. `fromFlow` is the inverse, used to
// check that nothing is lost in the mapping.
import { Position, type Edge, type Node } from '@xyflow/react';
import type { Component, FailureDomain, Link, Topology } from '../model';
import { keyedCopy, own } from '../model/keyed';
import { componentSize } from '../model/nodeCard';
import { absoluteRects, containerOf, domainDepth, sizeOf, type Rect, type Size } from '../store/geometry';
import { linkSides as sidesOf, type Side } from '../model/linkRoute';
import { linkKey } from '../store/ids';
import { COLLAPSED_SIZE, drawnAs, NOTHING_COLLAPSED, type CollapsedView, type ContainerSummary } from './collapse';

export interface ComponentNodeData extends Record<string, unknown> {
  component: Component;
  order: number;
}
export interface DomainNodeData extends Record<string, unknown> {
  domain: FailureDomain;
  order: number;
  /** True when `view.sizes` has no entry and the kind's default size is shown. */
  defaultSize: boolean;
  /** Set when the container is drawn collapsed: what it holds. */
  summary?: ContainerSummary;
}
export interface LinkEdgeData extends Record<string, unknown> {
  link: Link;
  order: number;
  /** Links drawn as this one line, more than one when it ends at a collapsed container. */
  count?: number;
}

export type ComponentFlowNode = Node<ComponentNodeData, 'component'>;
export type DomainFlowNode = Node<DomainNodeData, 'domain'>;
export type FlowNode = ComponentFlowNode | DomainFlowNode;
export type LinkFlowEdge = Edge<LinkEdgeData, 'link'>;

export interface Marks {
  spof: ReadonlySet<string>;
  failed: ReadonlySet<string>;
  down: ReadonlySet<string>;
}
const NO_MARKS: Marks = { spof: new Set(), failed: new Set(), down: new Set() };

// Where a component card's four handles sit (10 px handles centred on the card's borders,
// measured on the drawn card: the 4 px accent border on the left shifts the top and bottom
// ones by 1.5 px). Known before React Flow measures a node, they let it draw a node's links
// and skip mounting it while it is off screen: without them React Flow mounts every node once
// just to measure it, which took seconds on opening a 1,000-component design.
const HANDLE = { width: 10, height: 10 };
const handlesCache = new Map<string, NonNullable<Node['handles']>>();

export function componentHandles({ width, height }: Size): NonNullable<Node['handles']> {
  const key = `${width}x${height}`;
  let handles = handlesCache.get(key);
  if (!handles) {
    const midX = 4 + (width - 5) / 2 - HANDLE.width / 2;
    const midY = 1 + (height - 2) / 2 - HANDLE.height / 2;
    handles = [
      { id: 'top', type: 'source', position: Position.Top, x: midX, y: -4, ...HANDLE },
      { id: 'left', type: 'source', position: Position.Left, x: -1, y: midY, ...HANDLE },
      { id: 'right', type: 'source', position: Position.Right, x: width - 6, y: midY, ...HANDLE },
      { id: 'bottom', type: 'source', position: Position.Bottom, x: midX, y: height - 6, ...HANDLE },
    ];
    handlesCache.set(key, handles);
  }
  return handles;
}

function markAttributes(id: string, marks: Marks): Node['domAttributes'] | undefined {
  const attrs: Record<string, string> = {};
  if (marks.spof.has(id)) attrs['data-spof'] = 'true';
  if (marks.failed.has(id)) attrs['data-failed'] = 'true';
  if (marks.down.has(id)) attrs['data-down'] = 'true';
  return Object.keys(attrs).length ? (attrs as Node['domAttributes']) : undefined;
}

export function toFlowNodes(doc: Topology, selected: ReadonlySet<string> = new Set(), marks: Marks = NO_MARKS, collapsed: CollapsedView = NOTHING_COLLAPSED): FlowNode[] {
  const positions = doc.view?.positions ?? {};
  const domains = doc.domains
    .map((domain, order) => ({ domain, order, depth: domainDepth(doc, domain.id) }))
    // React Flow needs a parent before its children.
    .sort((a, b) => a.depth - b.depth || a.order - b.order);
  const out: FlowNode[] = [];
  for (const { domain, order } of domains) {
    if (collapsed.hiddenBy.has(domain.id)) continue;
    const summary = collapsed.summaries.get(domain.id);
    const size = summary ? COLLAPSED_SIZE : sizeOf(doc, domain.id);
    const attrs = markAttributes(domain.id, marks);
    out.push({
      id: domain.id,
      type: 'domain',
      position: own(positions, domain.id) ?? { x: 0, y: 0 },
      ...(domain.parent !== undefined ? { parentId: domain.parent } : {}),
      // Moved by its title bar: a drag on the rest of a container pans the canvas.
      dragHandle: '.domain-title',
      width: size.width,
      height: size.height,
      handles: summary ? componentHandles(size) : [],
      data: { domain, order, defaultSize: own(doc.view?.sizes, domain.id) === undefined, ...(summary ? { summary } : {}) },
      selected: selected.has(domain.id),
      ...(attrs ? { domAttributes: attrs } : {}),
    });
  }
  doc.components.forEach((component, order) => {
    if (collapsed.hiddenBy.has(component.id)) return;
    const parent = containerOf(doc, component.id);
    const attrs = markAttributes(component.id, marks);
    const size = componentSize(component);
    out.push({
      id: component.id,
      type: 'component',
      position: own(positions, component.id) ?? { x: 0, y: 0 },
      ...(parent !== undefined ? { parentId: parent } : {}),
      width: size.width,
      height: size.height,
      handles: componentHandles(size),
      data: { component, order },
      selected: selected.has(component.id),
      ...(attrs ? { domAttributes: attrs } : {}),
    });
  });
  return out;
}

export type { Side };

/** Which sides a link leaves and enters by: vertical unless the two ends share a row. */
export function linkSides(doc: Topology, from: string, to: string, rects: Map<string, Rect> = absoluteRects(doc)): { source: Side; target: Side } {
  return sidesOf(rects.get(from), rects.get(to));
}

export function toFlowEdges(doc: Topology, selected: ReadonlySet<string> = new Set(), spof: ReadonlySet<string> = new Set(), collapsed: CollapsedView = NOTHING_COLLAPSED): LinkFlowEdge[] {
  const rects = drawnRects(doc, collapsed);
  const out: LinkFlowEdge[] = [];
  // Links that end inside a collapsed container: one line per pair of drawn ends.
  const merged = new Map<string, LinkFlowEdge>();
  doc.links.forEach((link, order) => {
    const key = linkKey(link);
    const [source, target] = [drawnAs(collapsed, link.from), drawnAs(collapsed, link.to)];
    if (source === target && source !== link.from) return;
    const sides = sidesOf(rects.get(source), rects.get(target));
    const rerouted = source !== link.from || target !== link.to;
    const pair = `${source}\u0000${target}`;
    const already = rerouted ? merged.get(pair) : undefined;
    if (already) {
      already.data = { ...already.data!, count: (already.data!.count ?? 1) + 1 };
      if (spof.has(key)) already.domAttributes = { 'data-spof': 'true' } as Edge['domAttributes'];
      return;
    }
    const id = rerouted ? `collapsed:${key}` : key;
    const edge: LinkFlowEdge = {
      id,
      type: 'link',
      source,
      target,
      sourceHandle: sides.source,
      targetHandle: sides.target,
      data: { link, order },
      selected: selected.has(id),
      // A merged line stands for several links: select them by expanding the container.
      ...(rerouted ? { selectable: false } : {}),
      ...(spof.has(key) ? { domAttributes: { 'data-spof': 'true' } as Edge['domAttributes'] } : {}),
    };
    if (rerouted) merged.set(pair, edge);
    out.push(edge);
  });
  return out;
}

/** The drawn rectangles: a collapsed container at its collapsed size. */
export function drawnRects(doc: Topology, collapsed: CollapsedView = NOTHING_COLLAPSED): Map<string, Rect> {
  const rects = absoluteRects(doc);
  if (collapsed.summaries.size === 0) return rects;
  const out = new Map(rects);
  for (const id of collapsed.summaries.keys()) {
    const r = rects.get(id);
    if (r) out.set(id, { x: r.x, y: r.y, ...COLLAPSED_SIZE });
  }
  return out;
}

/** Rebuilds the document from React Flow nodes and edges; `meta` supplies the rest. */
export function fromFlow(nodes: readonly FlowNode[], edges: readonly LinkFlowEdge[], meta: Omit<Topology, 'components' | 'domains' | 'links'>): Topology {
  const byOrder = <T extends { data: { order: number } }>(xs: T[]) => [...xs].sort((a, b) => a.data.order - b.data.order);
  const componentNodes = byOrder(nodes.filter((n): n is ComponentFlowNode => n.type === 'component'));
  const domainNodes = byOrder(nodes.filter((n): n is DomainFlowNode => n.type === 'domain'));
  const positions = keyedCopy<{ x: number; y: number }>();
  const sizes = keyedCopy<{ width: number; height: number }>();
  for (const n of [...domainNodes, ...componentNodes]) positions[n.id] = { x: n.position.x, y: n.position.y };
  for (const n of domainNodes) {
    if (!n.data.defaultSize && n.width !== undefined && n.height !== undefined) sizes[n.id] = { width: n.width, height: n.height };
  }
  const { view, ...rest } = meta;
  return {
    ...rest,
    domains: domainNodes.map((n) => n.data.domain),
    components: componentNodes.map((n) => n.data.component),
    links: byOrder([...edges].filter((e): e is LinkFlowEdge & { data: LinkEdgeData } => e.data !== undefined)).map((e) => e.data.link),
    view: { ...view, positions, sizes },
  };
}
