// React Flow's nodes and edges, derived from the document, the selection and the
// analysis marks. React Flow also writes transient state into its nodes (measured size,
// drag positions): that lives in local state, reconciled with each new derivation, and
// an unchanged node keeps its object so React Flow does not re-render it.
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange, type NodePositionChange } from '@xyflow/react';
import { useCallback, useLayoutEffect, useMemo, useState } from 'react';
import { useAnalysis } from '../store/analysis';
import { useDocument } from '../store/document';
import { absolutePosition, containerOf } from '../store/geometry';
import { useCollapsed } from '../store/collapsed';
import { useSelection } from '../store/selection';
import { collapsedView } from './collapse';
import { toFlowEdges, toFlowNodes, type FlowNode, type LinkFlowEdge } from './mapping';

const NONE: ReadonlySet<string> = new Set();

function sameNode(a: FlowNode, b: FlowNode): boolean {
  return a.position.x === b.position.x && a.position.y === b.position.y && a.parentId === b.parentId
    && a.selected === b.selected && a.width === b.width && a.height === b.height
    && a.data.order === b.data.order
    && JSON.stringify((a.data as { summary?: unknown }).summary ?? null) === JSON.stringify((b.data as { summary?: unknown }).summary ?? null)
    && (a.type === 'component' ? a.data.component === (b.data as typeof a.data).component : a.data.domain === (b.data as { domain?: unknown }).domain)
    && JSON.stringify(a.domAttributes ?? null) === JSON.stringify(b.domAttributes ?? null);
}

function sameEdge(a: LinkFlowEdge, b: LinkFlowEdge): boolean {
  return a.selected === b.selected && a.source === b.source && a.target === b.target && a.sourceHandle === b.sourceHandle && a.targetHandle === b.targetHandle
    && a.data?.link === b.data?.link && a.data?.order === b.data?.order && a.data?.count === b.data?.count
    && JSON.stringify(a.domAttributes ?? null) === JSON.stringify(b.domAttributes ?? null);
}

/**
 * The previous array itself when nothing in it changed: React Flow rebuilds its lookups and
 * wakes every edge's selectors whenever it is handed a new array (an availability edit
 * changes no link, and used to cost 10-20 ms of edge work at 200 components).
 */
function unchangedOr<T>(next: T[], previous: T[]): T[] {
  return next.length === previous.length && next.every((x, i) => x === previous[i]) ? previous : next;
}

export function reconcileNodes(derived: FlowNode[], previous: FlowNode[]): FlowNode[] {
  const prev = new Map(previous.map((n) => [n.id, n]));
  return unchangedOr(derived.map((n) => {
    const p = prev.get(n.id);
    if (!p || p.type !== n.type) return n;
    if (sameNode(n, p)) return p;
    return p.measured ? ({ ...n, measured: p.measured } as FlowNode) : n;
  }), previous);
}

export function reconcileEdges(derived: LinkFlowEdge[], previous: LinkFlowEdge[]): LinkFlowEdge[] {
  const prev = new Map(previous.map((e) => [e.id, e]));
  return unchangedOr(derived.map((e) => {
    const p = prev.get(e.id);
    return p && sameEdge(e, p) ? p : e;
  }), previous);
}

/** The ids selected after React Flow's select changes, in a stable order. */
export function applySelect(current: readonly string[], changes: { id: string; selected: boolean }[]): string[] {
  const out = new Set(current);
  for (const c of changes) {
    if (c.selected) out.add(c.id);
    else out.delete(c.id);
  }
  return [...out];
}

// React Flow clears the selection when a drag of an unselected node starts. Done there, it
// re-derives every node inside the drag's first frame (at 1,000 components a 60-70 ms task);
// the dragged node becomes the selection on the drop anyway, which replaces the old one.
// So a clearing that arrives with a drag start is dropped: it is held for a microtask, by
// which time React Flow has reported the drag start (`noteDragStart`) in the same call.
let dragStarting = false;
let heldClear: (() => void) | null = null;

/** Canvas calls this from React Flow's onNodeDragStart. */
export function noteDragStart(): void {
  dragStarting = true;
  // Queued after any held clearing (React Flow clears before it reports the start).
  queueMicrotask(() => {
    dragStarting = false;
  });
}

/** Counts selections applied at once: a clearing held across one of them is stale. */
let selectsApplied = 0;

function applyOrHoldSelect(changes: { id: string; selected: boolean }[], apply: () => void): void {
  if (changes.some((c) => c.selected)) {
    selectsApplied++;
    apply();
    return;
  }
  const first = heldClear === null;
  const previous = heldClear;
  heldClear = () => {
    previous?.();
    apply();
  };
  if (!first) return;
  const at = selectsApplied;
  queueMicrotask(() => {
    const clear = heldClear;
    heldClear = null;
    if (!dragStarting && selectsApplied === at) clear?.();
  });
}

/** `far`: everything is drawn by the far layer (FarLayer.tsx); React Flow gets no nodes and no edges. */
export function useFlowElements(far = false) {
  const doc = useDocument((s) => s.doc);
  const nodeIds = useSelection((s) => s.nodeIds);
  const edgeIds = useSelection((s) => s.edgeIds);
  const spof = useAnalysis((s) => s.spofIds);
  const failed = useAnalysis((s) => (s.whatIf.active ? s.whatIf.failed : NONE));
  const down = useAnalysis((s) => (s.whatIf.active ? s.whatIf.down : NONE));
  const collapsedIds = useCollapsed((s) => s.ids);
  const collapsed = useMemo(() => collapsedView(doc, collapsedIds, spof), [doc, collapsedIds, spof]);

  // Far out the far layer draws everything (FarLayer.tsx): React Flow mounts nothing. The
  // estate's 5,000 nested containers as nodes held its reload for seconds of style and layout.
  const derivedNodes = useMemo(() => (far ? [] : toFlowNodes(doc, new Set(nodeIds), { spof, failed, down }, collapsed)), [doc, nodeIds, spof, failed, down, collapsed, far]);
  const derivedEdges = useMemo(() => (far ? [] : toFlowEdges(doc, new Set(edgeIds), spof, collapsed)), [doc, edgeIds, spof, collapsed, far]);

  const [nodes, setNodes] = useState<FlowNode[]>(derivedNodes);
  const [edges, setEdges] = useState<LinkFlowEdge[]>(derivedEdges);
  useLayoutEffect(() => setNodes((prev) => reconcileNodes(derivedNodes, prev)), [derivedNodes]);
  useLayoutEffect(() => setEdges((prev) => reconcileEdges(derivedEdges, prev)), [derivedEdges]);

  // Selection has one owner, the selection store: React Flow's select changes go there
  // (and come back through the derivation); everything else React Flow tracks locally.
  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const selects = changes.filter((c) => c.type === 'select');
    if (selects.length) {
      applyOrHoldSelect(selects, () => {
        const s = useSelection.getState();
        s.select(applySelect(s.nodeIds, selects), s.edgeIds);
      });
    }
    const rest = changes.filter((c) => c.type !== 'select');
    if (rest.length) setNodes((nds) => applyNodeChanges(rest, nds));
    // A finished move (the end of a drag, an arrow-key nudge) goes to the document: one step.
    const moved = rest.filter((c): c is NodePositionChange => c.type === 'position' && c.dragging === false && c.position !== undefined);
    if (moved.length) {
      const doc = useDocument.getState().doc;
      useDocument.getState().moveNodes(moved.map((c) => {
        const parent = containerOf(doc, c.id);
        const origin = parent === undefined ? { x: 0, y: 0 } : absolutePosition(doc, parent);
        return { id: c.id, absolute: { x: c.position!.x + origin.x, y: c.position!.y + origin.y } };
      }));
    }
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange<LinkFlowEdge>[]) => {
    const selects = changes.filter((c) => c.type === 'select');
    if (selects.length) {
      applyOrHoldSelect(selects, () => {
        const s = useSelection.getState();
        s.select(s.nodeIds, applySelect(s.edgeIds, selects));
      });
    }
    const rest = changes.filter((c) => c.type !== 'select');
    if (rest.length) setEdges((eds) => applyEdgeChanges(rest, eds));
  }, []);
  return { nodes, edges, onNodesChange, onEdgesChange };
}
