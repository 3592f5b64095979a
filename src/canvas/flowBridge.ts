// The canvas's React Flow instance, for commands that need the viewport (add at the
// centre, paste near the view, fit view). Set by the canvas when it mounts.
import { getViewportForBounds, type ReactFlowInstance } from '@xyflow/react';
import { absoluteRects, type Rect } from '../model/geometry';
import type { Topology } from '../model';
import { useDocument } from '../store/document';
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

export interface FitOptions {
  padding: number;
  maxZoom?: number;
  duration?: number;
}

/**
 * Pans and zooms so these rectangles fill the view. From the document, not React Flow's
 * nodes: far out the components are not React Flow nodes (FarLayer.tsx), and a fit over
 * React Flow's nodes would miss them.
 */
function fitRects(rects: Rect[], { padding, maxZoom = 2, duration }: FitOptions): void {
  if (!instance || !canvasElement || rects.length === 0) return;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const bounds = { x, y, width: Math.max(...rects.map((r) => r.x + r.width)) - x, height: Math.max(...rects.map((r) => r.y + r.height)) - y };
  const { clientWidth, clientHeight } = canvasElement;
  const minZoom = Math.min(instance.getViewport().zoom, 0.2, clientWidth / bounds.width, clientHeight / bounds.height) / 2;
  void instance.setViewport(getViewportForBounds(bounds, clientWidth, clientHeight, minZoom, maxZoom, padding), duration ? { duration } : undefined);
}

/** Fits the whole design in the view: the current one, or one about to be opened. */
export function fitDesign(options: FitOptions, doc: Topology = useDocument.getState().doc): void {
  fitRects([...absoluteRects(doc).values()], options);
}

/** Pans and zooms so these nodes are in view (after a report click, for instance). */
export function revealNodes(ids: string[]): void {
  const rects = absoluteRects(useDocument.getState().doc);
  fitRects(ids.flatMap((id) => rects.get(id) ?? []), { padding: 0.6, maxZoom: 1.2, duration: 250 });
}
