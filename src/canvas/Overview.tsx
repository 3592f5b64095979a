// The overview map in the canvas's corner: every container and component as a rectangle,
// SPOFs in red, the part on screen unmasked; drag on it to move the view, wheel to zoom.
// React Flow's own MiniMap recomputes the bounds of every node and compares every node id
// on each store update: at 1,000 components that was a third of each frame of a drag.
// This one draws from the document (which a drag changes only on the drop) and follows
// only the viewport while panning. A collapsed container is one block, as on the canvas.
import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { memo, useCallback, useMemo, useRef } from 'react';
import { useAnalysis } from '../store/analysis';
import { useCollapsed } from '../store/collapsed';
import { useDocument } from '../store/document';
import type { Rect } from '../store/geometry';
import { collapsedView } from './collapse';
import { boundsOf, rectPath } from './farDrawing';
import { useGrowingCount } from './growing';
import { overviewShapes, type OverviewShape } from './overviewShapes';

const WIDTH = 150;
const HEIGHT = 100;
const PAD = 0.05;

/**
 * From this many shapes on, the map is four paths (frames, blocks, each plain or SPOF): the
 * whole estate's 25,000 rectangles were the one long style task left after its reload (5.9 s
 * at load 20). Below it each shape is its own rectangle with its id.
 */
const PATHS_FROM = 1000;

const Paths = memo(function Paths({ shapes }: { shapes: readonly OverviewShape[] }) {
  const d = { frame: '', frameSpof: '', block: '', blockSpof: '' };
  for (const { rect, shape, spof } of shapes) d[`${shape}${spof ? 'Spof' : ''}` as keyof typeof d] += rectPath(rect);
  return (
    <g>
      <path d={d.frame} className="overview-domain" />
      <path d={d.frameSpof} className="overview-domain is-spof" />
      <path d={d.block} className="overview-node" />
      <path d={d.blockSpof} className="overview-node is-spof" />
    </g>
  );
});

const Shapes = memo(function Shapes({ shapes }: { shapes: readonly OverviewShape[] }) {
  const shown = useGrowingCount(shapes.length < PATHS_FROM ? shapes.length : 0);
  if (shapes.length >= PATHS_FROM) return <Paths shapes={shapes} />;
  return (
    <g>
      {shapes.slice(0, shown).map(({ id, rect: r, shape, spof }) => (
        <rect key={id} data-id={id} x={r.x} y={r.y} width={r.width} height={r.height}
          className={`${shape === 'frame' ? 'overview-domain' : 'overview-node'}${spof ? ' is-spof' : ''}`} />
      ))}
    </g>
  );
});

const viewportOf = (s: ReactFlowState) => ({ tx: s.transform[0], ty: s.transform[1], zoom: s.transform[2], width: s.width, height: s.height });
const sameViewport = (a: ReturnType<typeof viewportOf>, b: ReturnType<typeof viewportOf>) =>
  a.tx === b.tx && a.ty === b.ty && a.zoom === b.zoom && a.width === b.width && a.height === b.height;

export function Overview() {
  const doc = useDocument((s) => s.doc);
  const spof = useAnalysis((s) => s.spofIds);
  const collapsed = useCollapsed((s) => s.ids);
  const shapes = useMemo(() => overviewShapes(doc, collapsedView(doc, collapsed, spof), spof), [doc, collapsed, spof]);
  const content = useMemo(() => boundsOf(shapes.map((s) => s.rect)), [shapes]);
  const vp = useStore(viewportOf, sameViewport);
  const flow = useReactFlow();
  const svg = useRef<SVGSVGElement>(null);

  const view: Rect = { x: -vp.tx / vp.zoom, y: -vp.ty / vp.zoom, width: vp.width / vp.zoom, height: vp.height / vp.zoom };
  const all = content ? boundsOf([content, view])! : view;
  // Fit the whole drawing and the view into the map, centred, with a little margin.
  const scale = Math.max(all.width / WIDTH, all.height / HEIGHT) * (1 + 2 * PAD);
  const box = { x: all.x + all.width / 2 - (WIDTH * scale) / 2, y: all.y + all.height / 2 - (HEIGHT * scale) / 2, width: WIDTH * scale, height: HEIGHT * scale };

  const centreAt = useCallback((clientX: number, clientY: number) => {
    const el = svg.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    const x = box.x + ((clientX - r.left) / r.width) * box.width;
    const y = box.y + ((clientY - r.top) / r.height) * box.height;
    void flow.setCenter(x, y, { zoom: flow.getZoom() });
  }, [box.x, box.y, box.width, box.height, flow]);

  const onPointerDown = (e: React.PointerEvent<SVGSVGElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    centreAt(e.clientX, e.clientY);
  };
  const onPointerMove = (e: React.PointerEvent<SVGSVGElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) centreAt(e.clientX, e.clientY);
  };
  const onWheel = (e: React.WheelEvent) => {
    void (e.deltaY < 0 ? flow.zoomIn({ duration: 0 }) : flow.zoomOut({ duration: 0 }));
  };

  if (doc.components.length + doc.domains.length === 0) return null;
  const outer = `M${box.x},${box.y}h${box.width}v${box.height}h${-box.width}z`;
  const inner = `M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`;
  return (
    <Panel position="bottom-right" className="overview" data-testid="overview">
      <svg
        ref={svg}
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
        role="img"
        aria-label="Overview of the design; drag to move the view"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onWheel={onWheel}
      >
        <Shapes shapes={shapes} />
        <path className="overview-mask" d={`${outer}${inner}`} fillRule="evenodd" />
      </svg>
    </Panel>
  );
}
