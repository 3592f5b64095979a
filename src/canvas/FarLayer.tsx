// The design drawn far out (zoom under FAR_ZOOM, a large design fitted): components as
// rectangles, SPOFs in red, links as straight lines, containers as outlines (a collapsed one
// as a block), each class of mark one SVG path (farDrawing.ts), in one SVG inside React Flow's
// viewport; React Flow mounts nothing. One element per component and a React Flow node per
// container held the estate's reload 12 s in the browser's style and layout, for marks a pixel
// wide. The element under the pointer is found by position: hover names it, a click selects it
// and zooms in on it (a container: zooms to it). By keyboard, FarKeys.tsx.
import { useReactFlow, useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { memo, useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import type { Topology } from '../model';
import type { Rect } from '../model/geometry';
import { useAnalysis } from '../store/analysis';
import { useCollapsed } from '../store/collapsed';
import { useDocument } from '../store/document';
import { useSelection } from '../store/selection';
import { collapsedView, type CollapsedView } from './collapse';
import { farAbout, zoomInOn, type TipText } from './farAbout';
import { boundsOf, farMarks, farShapes, HitGrid, rectPath, selectedPath } from './farDrawing';
import { farWhatIfPaths, whatIfStates, type FarWhatIfPaths } from './farWhatIf';
import { FarKeys, FarTip } from './FarKeys';
import { drawnRects } from './mapping';

/** How near (screen pixels) the pointer must be to a component far out, where one is under a pixel. */
const REACH = 6;

const NONE: ReadonlySet<string> = new Set();

type Tip = TipText & { x: number; y: number };

/** The keyboard's ring: `gap` outside the element's box, so a component a pixel wide is ringed, not covered. */
const ringPath = (r: Rect, gap: number) => rectPath({ x: r.x - gap, y: r.y - gap, width: r.width + 2 * gap, height: r.height + 2 * gap });

const Drawing = memo(function Drawing({ doc, view, rects, spof, whatIf, selected, ring }: { doc: Topology; view: CollapsedView; rects: Map<string, Rect>; spof: ReadonlySet<string>; whatIf: FarWhatIfPaths; selected: ReadonlySet<string>; ring: string }) {
  const shapes = useMemo(() => farShapes(doc, view, rects), [doc, view, rects]);
  // An answer rewrites the marks only: React leaves the shapes' paths, and the browser their 4 MB of text, alone.
  const marks = useMemo(() => farMarks(shapes, view, rects, spof), [shapes, view, rects, spof]);
  // Its own path: a click far out selects, and must not write the 100,000 links' path again.
  const chosen = useMemo(() => selectedPath(view, rects, selected), [view, rects, selected]);
  const bounds = useMemo(() => boundsOf(rects.values()), [rects]);
  if (!bounds) return null;
  // Each class's marks right over its shapes: a SPOF component covers the links' ends, as any component does.
  return (
    <svg className="far-layer" data-testid="far-layer" style={{ left: bounds.x, top: bounds.y }} width={bounds.width} height={bounds.height}
      viewBox={`${bounds.x} ${bounds.y} ${bounds.width} ${bounds.height}`} aria-label="The whole design, zoomed out: click a component to zoom in on it">
      <path d={shapes.containers} className="far-domain" />
      <path d={marks.containers} className="far-domain is-spof" />
      <path d={shapes.collapsed} className="far-domain is-collapsed" />
      <path d={marks.collapsed} className="far-domain is-collapsed is-spof" />
      <path d={shapes.links} className="far-link" />
      <path d={marks.links} className="far-link is-spof" />
      <path d={shapes.components} className="far-node" />
      <path d={marks.components} className="far-node is-spof" />
      {/* What-if, over the design (only what there is: the layer stays a few elements). */}
      {whatIf.affectedContainers && <path d={whatIf.affectedContainers} className="far-domain is-affected" />}
      {whatIf.affectedCollapsed && <path d={whatIf.affectedCollapsed} className="far-domain is-collapsed is-affected" />}
      {whatIf.failedContainers && <path d={whatIf.failedContainers} className="far-domain is-failed" />}
      {whatIf.cutLinks && <path d={whatIf.cutLinks} className="far-link is-cut" />}
      {whatIf.downComponents && <path d={whatIf.downComponents} className="far-node is-down" />}
      {whatIf.failedComponents && <path d={whatIf.failedComponents} className="far-node is-failed" />}
      <path d={chosen} className="far-selected" />
      {ring && <path d={ring} className="far-focus-ring" />}
    </svg>
  );
});

/**
 * One screen pixel in the design's units, in steps of a power of two: the outlines' minimum
 * width (canvasScale.css). Stepped, so a zoom gesture restyles the layer's shapes a few times,
 * not on every frame.
 */
const pixelOf = (s: ReactFlowState) => 2 ** Math.ceil(Math.log2(1 / s.transform[2]));

/** Hover and click by position, on React Flow's pane (a drag that pans never ends in a click there). */
function usePointer(doc: Topology, view: CollapsedView, rects: Map<string, Rect>, tipOf: (id: string) => TipText): Tip | null {
  const flow = useReactFlow();
  // Set by React Flow after its first render (an effect of its own, after this one's first run).
  const root = useStore((s) => s.domNode);
  const [tip, setTip] = useState<Tip | null>(null);
  useEffect(() => {
    const pane = root?.querySelector<HTMLElement>('.react-flow__pane');
    if (!root || !pane) return;
    // Built on the first use, once per drawing: opening a design does not pay for it.
    let grids: { components: HitGrid; containers: HitGrid } | null = null;
    const find = (e: MouseEvent) => {
      grids ??= {
        components: new HitGrid(doc.components.flatMap((c) => (view.hiddenBy.has(c.id) ? [] : [{ id: c.id, rect: rects.get(c.id)! }]))),
        containers: new HitGrid(doc.domains.flatMap((d) => (view.hiddenBy.has(d.id) || !rects.has(d.id) ? [] : [{ id: d.id, rect: rects.get(d.id)! }]))),
      };
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const hit = grids.components.at(p.x, p.y, REACH / flow.getZoom());
      return hit ? { ...hit, container: false } : (() => {
        const inside = grids.containers.at(p.x, p.y);
        return inside && { ...inside, container: true };
      })();
    };
    const onMove = (e: PointerEvent) => {
      const hit = e.buttons === 0 ? find(e) : undefined;
      pane.style.cursor = hit ? 'pointer' : '';
      if (!hit) return setTip(null);
      const at = root.getBoundingClientRect();
      setTip({ ...tipOf(hit.id), x: e.clientX - at.left, y: e.clientY - at.top });
    };
    const onLeave = () => {
      pane.style.cursor = '';
      setTip(null);
    };
    const onClick = (e: MouseEvent) => {
      const hit = find(e);
      if (!hit) return useSelection.getState().select([], []);
      zoomInOn(flow, hit);
    };
    // A wheel pans or zooms the view under a still pointer: the name shown may no longer be under it.
    pane.addEventListener('wheel', onLeave, { passive: true });
    pane.addEventListener('pointermove', onMove);
    pane.addEventListener('pointerleave', onLeave);
    pane.addEventListener('click', onClick);
    return () => {
      pane.removeEventListener('wheel', onLeave);
      pane.removeEventListener('pointermove', onMove);
      pane.removeEventListener('pointerleave', onLeave);
      pane.removeEventListener('click', onClick);
      onLeave();
    };
  }, [doc, view, rects, tipOf, flow, root]);
  return tip;
}

export function FarLayer() {
  const pixel = useStore(pixelOf);
  const doc = useDocument((s) => s.doc);
  const spof = useAnalysis((s) => s.spofIds);
  const collapsed = useCollapsed((s) => s.ids);
  const nodeIds = useSelection((s) => s.nodeIds);
  const selected = useMemo(() => new Set(nodeIds), [nodeIds]);
  // Without the SPOFs: what is hidden and where things are drawn does not change with an answer
  // (with a container collapsed, each answer drew the 100,000 links' path again); farMarks finds
  // the collapsed containers that hide a SPOF itself.
  const view = useMemo(() => collapsedView(doc, collapsed, NONE), [doc, collapsed]);
  const rects = useMemo(() => drawnRects(doc, view), [doc, view]);
  const failed = useAnalysis((s) => (s.whatIf.active ? s.whatIf.failed : NONE));
  const down = useAnalysis((s) => (s.whatIf.active ? s.whatIf.down : NONE));
  const states = useMemo(() => whatIfStates(doc, view, failed, down), [doc, view, failed, down]);
  const whatIf = useMemo(() => farWhatIfPaths(doc, view, rects, states, failed, down), [doc, view, rects, states, failed, down]);
  const about = useMemo(() => farAbout(doc), [doc]);
  const tipOf = useCallback((id: string): TipText => ({ id, container: about.isContainer(id), name: about.name(id), spof: spof.has(id), whatIf: states.get(id) }), [about, spof, states]);
  const tip = usePointer(doc, view, rects, tipOf);
  // The stop the keyboard is on (FarKeys.tsx); null while the focus is elsewhere.
  const [focused, setFocused] = useState<string | null>(null);
  const ring = useMemo(() => {
    const r = focused === null || view.hiddenBy.has(focused) ? undefined : rects.get(focused);
    return r ? ringPath(r, 4 * pixel) : '';
  }, [focused, view, rects, pixel]);
  return (
    <>
      <ViewportPortal>
        <div className="far-scale" style={{ '--far-px': `${pixel}px` } as CSSProperties}>
          <Drawing doc={doc} view={view} rects={rects} spof={spof} whatIf={whatIf} selected={selected} ring={ring} />
        </div>
      </ViewportPortal>
      <FarKeys doc={doc} view={view} rects={rects} spof={spof} about={about} tipOf={tipOf} focused={focused} setFocused={setFocused} />
      {/* The keyboard's tooltip (FarKeys) wins while it has the focus. */}
      {tip && focused === null && <FarTip tip={tip} />}
    </>
  );
}
