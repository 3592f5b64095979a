// The canvas's React Flow instance, for commands that need the viewport (add at the
// centre, paste near the view, fit view). Set by the canvas when it mounts.
import { getViewportForBounds, type ReactFlowInstance, type Viewport } from '@xyflow/react';
import { absoluteRects, type Rect } from '../model/geometry';
import type { Topology } from '../model';
import { useDocument } from '../store/document';
import { FIT_PADDING } from './zoomScale';
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
 * The overview map's height in the bottom-right corner (100 px, its border, React Flow's 15 px
 * panel margin, a little air): a fitted design ends above it. With the plain padding the
 * templates' bottom-right node (stage 6's standby database) sat under the map at 1280x800.
 */
const OVERVIEW_CLEARANCE = 100 + 2 + 15 + 8;

/** React Flow's padding (a share of the view on each side), in pixels, with the bottom kept clear of the overview. */
function fitPadding(padding: number, width: number, height: number) {
  const share = (size: number) => Math.floor((size - size / (1 + padding)) / 2);
  return { top: `${share(height)}px`, left: `${share(width)}px`, right: `${share(width)}px`, bottom: `${Math.max(share(height), OVERVIEW_CLEARANCE)}px` } as const;
}

/**
 * Pans and zooms so these rectangles fill the view. From the document, not React Flow's
 * nodes: far out the components are not React Flow nodes (FarLayer.tsx), and a fit over
 * React Flow's nodes would miss them.
 */
function fitRects(rects: Rect[], { padding, maxZoom = 2, duration }: FitOptions): Viewport | null {
  if (!instance || !canvasElement || rects.length === 0) return null;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const bounds = { x, y, width: Math.max(...rects.map((r) => r.x + r.width)) - x, height: Math.max(...rects.map((r) => r.y + r.height)) - y };
  const { clientWidth, clientHeight } = canvasElement;
  const minZoom = Math.min(instance.getViewport().zoom, 0.2, clientWidth / bounds.width, clientHeight / bounds.height) / 2;
  const viewport = getViewportForBounds(bounds, clientWidth, clientHeight, minZoom, maxZoom, fitPadding(padding, clientWidth, clientHeight));
  void instance.setViewport(viewport, duration ? { duration } : undefined);
  return viewport;
}

/** Fits the whole design in the view: the current one, or one about to be opened. The viewport set, if any. */
export function fitDesign(options: FitOptions, doc: Topology = useDocument.getState().doc): Viewport | null {
  return fitRects([...absoluteRects(doc).values()], options);
}

/**
 * The view as the opening of the current design fitted it (null: no canvas to fit then), or
 * undefined once anything else moved it. A design without positions is fitted again when its
 * layout lands, 20-60 s after opening at the limits: a person who panned or zoomed meanwhile
 * was thrown somewhere else. draw.io and Excalidraw never move a view the person has touched,
 * so the later fits go only while the view is still where the opening put it. Compared, not
 * told by React Flow's move events: the zoom buttons, the overview map, Find and a report
 * click move the view with no pointer event of React Flow's.
 */
let openingView: Viewport | null | undefined;

/** Within half a pixel and a millionth of the zoom: the view React Flow holds is the one set. */
function sameView(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) <= a.zoom * 1e-6;
}

/** Fits a design as it is first shown (opened, or on the canvas when it mounts), and remembers the view it set. */
export function fitOpening(options: FitOptions, doc?: Topology): void {
  openingView = fitDesign(options, doc);
}

/**
 * Fits the opened design again (measured, laid out) if the view is still the one the opening
 * set; once it moved, the opening's fits are over until the next design opens.
 */
export function fitOpeningAgain(options: FitOptions): void {
  if (openingView === undefined) return;
  if (openingView !== null && !(instance && sameView(openingView, instance.getViewport()))) {
    openingView = undefined;
    return;
  }
  openingView = fitDesign(options);
}

/** The Fit view command and the canvas's fit button: the whole design, never zoomed in past 1. */
export function fitWhole(): void {
  fitDesign({ padding: FIT_PADDING, maxZoom: 1, duration: 200 });
}

/** Pans and zooms so these nodes are in view (after a report click, for instance). */
export function revealNodes(ids: string[]): void {
  const rects = absoluteRects(useDocument.getState().doc);
  fitRects(ids.flatMap((id) => rects.get(id) ?? []), { padding: 0.6, maxZoom: 1.2, duration: 250 });
}
