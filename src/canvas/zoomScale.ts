// The zoom range of the canvas for a design of any size: the floor goes as low as fitting
// the whole design needs (a 1,000-component estate fits at about 0.1), and below FAR_ZOOM the
// canvas draws shapes and SPOF marks without text (canvasScale.css), which no one could read
// there anyway.
import { useStore, type ReactFlowState } from '@xyflow/react';
import { useEffect, useMemo, useState, type RefObject } from 'react';
import { absoluteRects } from '../model/geometry';
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

/** The canvas's minimum zoom: MIN_ZOOM, or lower so that the whole design fits with room to spare. */
export function useZoomFloor(canvas: RefObject<HTMLElement | null>): number {
  const doc = useDocument((s) => s.doc);
  const drawing = useMemo(() => {
    const rects = [...absoluteRects(doc).values()];
    if (rects.length === 0) return { width: 0, height: 0 };
    const x0 = Math.min(...rects.map((r) => r.x));
    const y0 = Math.min(...rects.map((r) => r.y));
    return { width: Math.max(...rects.map((r) => r.x + r.width)) - x0, height: Math.max(...rects.map((r) => r.y + r.height)) - y0 };
  }, [doc]);
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

/** Tells the canvas when the zoom crosses FAR_ZOOM (inside React Flow, where its store is). */
export function FarWatcher({ onChange }: { onChange: (far: boolean) => void }): null {
  const far = useStore(isFar);
  useEffect(() => onChange(far), [far, onChange]);
  return null;
}
