// The zoom range of the canvas for a design of any size: the floor goes as low as fitting
// the whole design needs (a 1,000-component estate fits at about 0.1), and below FAR_ZOOM the
// canvas draws shapes and SPOF marks without text (canvasScale.css), which no one could read
// there anyway.
import { useStore, type ReactFlowState } from '@xyflow/react';
import { useEffect, useMemo, useState, type RefObject } from 'react';
import { absoluteRects } from '../model/geometry';
import type { Topology } from '../model';
import { useDocument } from '../store/document';

/** The usual floor; lower only when the design needs it. */
export const MIN_ZOOM = 0.2;
/** Below this zoom (text under about 5 px) labels are hidden. */
export const FAR_ZOOM = 0.35;
/** The fit view's padding (React Flow's: a share of the view's size on each side). */
export const FIT_PADDING = 0.15;

/** The zoom at which a drawing of this size fits a view of that size, with the fit view's padding. */
export function fitZoom(drawing: { width: number; height: number }, view: { width: number; height: number }): number {
  if (drawing.width <= 0 || drawing.height <= 0 || view.width <= 0 || view.height <= 0) return MIN_ZOOM;
  return Math.min(view.width / drawing.width, view.height / drawing.height) / (1 + 2 * FIT_PADDING);
}

/** The size of everything drawn (0 x 0 for an empty design). */
export function drawingSize(doc: Topology): { width: number; height: number } {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of absoluteRects(doc).values()) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return x1 < x0 ? { width: 0, height: 0 } : { width: x1 - x0, height: y1 - y0 };
}

/**
 * Whether this design, fitted, is drawn far out. Asked before React Flow knows its own size,
 * with the window for the canvas: the canvas is smaller, so a design far out in the window is
 * far out on the canvas too.
 */
export function opensFar(doc: Topology, view = { width: window.innerWidth, height: window.innerHeight }): boolean {
  return doc.components.length > 0 && fitZoom(drawingSize(doc), view) < FAR_ZOOM;
}

/** The canvas's minimum zoom: MIN_ZOOM, or lower so that the whole design fits with room to spare. */
export function useZoomFloor(canvas: RefObject<HTMLElement | null>): number {
  const doc = useDocument((s) => s.doc);
  const drawing = useMemo(() => drawingSize(doc), [doc]);
  const [view, setView] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setView({ width: el.clientWidth, height: el.clientHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, [canvas]);
  return Math.min(MIN_ZOOM, fitZoom(drawing, view) * 0.8);
}

const isFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

/**
 * Whether the canvas draws far out, read while rendering (an effect that reported it came one
 * render late: a design opened far out was first handed to React Flow whole, and every node
 * on screen was mounted once for nothing). Inside the ReactFlowProvider.
 */
export function useFar(): boolean {
  return useStore(isFar);
}
