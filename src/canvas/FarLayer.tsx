// The design drawn far out (zoom under FAR_ZOOM, a large design fitted): every component a
// rectangle, SPOFs in red, every link one straight line, all in one SVG inside React Flow's
// viewport; React Flow then mounts only the containers. Mounting a thousand cards and two
// thousand routed links took seconds of one main-thread task, for text nobody could read.
// A click on a component selects it and zooms in on it.
import { useReactFlow, useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { memo, useMemo, type CSSProperties } from 'react';
import type { Topology } from '../model';
import { useAnalysis } from '../store/analysis';
import { useCollapsed } from '../store/collapsed';
import { useDocument } from '../store/document';
import { useSelection } from '../store/selection';
import { linkKey } from '../store/ids';
import { collapsedView, drawnAs } from './collapse';
import { useGrowingCount } from './growing';
import { drawnRects } from './mapping';

/** The zoom a click on a far component shows it at. */
const CLOSE_ZOOM = 0.9;

const Drawing = memo(function Drawing({ doc, spof, collapsed, selected }: { doc: Topology; spof: ReadonlySet<string>; collapsed: ReadonlySet<string>; selected: ReadonlySet<string> }) {
  const flow = useReactFlow();
  const view = useMemo(() => collapsedView(doc, collapsed, spof), [doc, collapsed, spof]);
  const rects = useMemo(() => drawnRects(doc, view), [doc, view]);
  const { plain, marked } = useMemo(() => {
    let p = '';
    let m = '';
    for (const link of doc.links) {
      const [from, to] = [rects.get(drawnAs(view, link.from)), rects.get(drawnAs(view, link.to))];
      if (!from || !to || from === to) continue;
      const d = `M${from.x + from.width / 2},${from.y + from.height}L${to.x + to.width / 2},${to.y}`;
      if (spof.has(linkKey(link))) m += d;
      else p += d;
    }
    return { plain: p, marked: m };
  }, [doc, rects, view, spof]);
  const box = useMemo(() => {
    const all = [...rects.values()];
    if (all.length === 0) return null;
    const x = Math.min(...all.map((r) => r.x));
    const y = Math.min(...all.map((r) => r.y));
    return { x, y, width: Math.max(...all.map((r) => r.x + r.width)) - x, height: Math.max(...all.map((r) => r.y + r.height)) - y };
  }, [rects]);
  const shown = useGrowingCount(doc.components.length);
  if (!box) return null;
  const show = (id: string) => {
    const r = rects.get(id)!;
    useSelection.getState().select([id], []);
    void flow.setCenter(r.x + r.width / 2, r.y + r.height / 2, { zoom: CLOSE_ZOOM, duration: 250 });
  };
  return (
    <svg className="far-layer" data-testid="far-layer" style={{ left: box.x, top: box.y }} width={box.width} height={box.height}
      viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`} aria-label="The whole design, zoomed out: click a component to zoom in on it">
      <path d={plain} className="far-link" />
      <path d={marked} className="far-link is-spof" />
      {doc.components.slice(0, shown).map((c) => {
        if (view.hiddenBy.has(c.id)) return null;
        const r = rects.get(c.id)!;
        const cls = `far-node${spof.has(c.id) ? ' is-spof' : ''}${selected.has(c.id) ? ' is-selected' : ''}`;
        return <rect key={c.id} data-id={c.id} x={r.x} y={r.y} width={r.width} height={r.height} rx={8} className={cls} onClick={() => show(c.id)}><title>{c.label ?? c.id}</title></rect>;
      })}
    </svg>
  );
});

/**
 * One screen pixel in the design's units, in steps of a power of two: the outlines' minimum
 * width (canvasScale.css). Stepped, so a zoom gesture restyles the layer's shapes a few times,
 * not on every frame.
 */
const pixelOf = (s: ReactFlowState) => 2 ** Math.ceil(Math.log2(1 / s.transform[2]));

export function FarLayer() {
  const pixel = useStore(pixelOf);
  const doc = useDocument((s) => s.doc);
  const spof = useAnalysis((s) => s.spofIds);
  const collapsed = useCollapsed((s) => s.ids);
  const nodeIds = useSelection((s) => s.nodeIds);
  const selected = useMemo(() => new Set(nodeIds), [nodeIds]);
  return (
    <ViewportPortal>
      <div className="far-scale" style={{ '--far-px': `${pixel}px` } as CSSProperties}>
        <Drawing doc={doc} spof={spof} collapsed={collapsed} selected={selected} />
      </div>
    </ViewportPortal>
  );
}
