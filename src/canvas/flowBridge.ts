// The canvas's React Flow instance, for commands that need the viewport (add at the
// centre, paste near the view, fit view). Set by the canvas when it mounts.
import type { ReactFlowInstance } from '@xyflow/react';
import type { XY } from '../store/geometry';

let instance: ReactFlowInstance | null = null;
let canvasElement: HTMLElement | null = null;

export function setFlowInstance(rf: ReactFlowInstance | null, element: HTMLElement | null): void {
  instance = rf;
  canvasElement = element;
}

export function getFlowInstance(): ReactFlowInstance | null {
  return instance;
}

/** The canvas point at the middle of the visible canvas (or a fixed spot without one). */
export function visibleCentre(): XY {
  if (!instance || !canvasElement) return { x: 200, y: 200 };
  const r = canvasElement.getBoundingClientRect();
  return instance.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
}

/** Pans and zooms so these nodes are in view (after a report click, for instance). */
export function revealNodes(ids: string[]): void {
  if (!instance || ids.length === 0) return;
  void instance.fitView({ nodes: ids.map((id) => ({ id })), padding: 0.6, maxZoom: 1.2, duration: 250 });
}
