// The canvas: React Flow over the derived nodes and edges. Every edit goes to the
// document store through its actions: a drop commits a move (one undo step), a new
// connection a link, a palette drop a component or container.
import {
  Background, BackgroundVariant, ConnectionMode, ControlButton, Controls, MarkerType, ReactFlow,
  type Connection, type ReactFlowInstance,
} from '@xyflow/react';
import { Maximize } from 'lucide-react';
import { useCallback, useRef, useState } from 'react';
import { useAnalysis } from '../store/analysis';
import { useDocument } from '../store/document';
import { COMPONENT_SIZE, DEFAULT_DOMAIN_SIZE, GRID, absolutePosition, containerAt, descendantDomains, sizeOf, type XY } from '../store/geometry';
import { useSelection } from '../store/selection';
import { useUi } from '../store/ui';
import { ComponentNode } from './ComponentNode';
import { DomainNode } from './DomainNode';
import { FarLayer } from './FarLayer';
import { FindBox } from './FindBox';
import { FIT_PADDING, opensFar, useFar, useZoomFloor } from './zoomScale';
import './canvasScale.css';
import { fitOpening, fitWhole, setFlowInstance } from './flowBridge';
import { LinkEdge } from './LinkEdge';
import { Overview } from './Overview';
import type { FlowNode, LinkFlowEdge } from './mapping';
import { addPaletteItem, DRAG_MIME, type PaletteItem } from './Palette';
import { noteDragStart, useFlowElements } from './useFlowElements';
import { useTabOrder } from './useTabOrder';
import { useVisibleOnly } from './visibleOnly';

const nodeTypes = { component: ComponentNode, domain: DomainNode };
const edgeTypes = { link: LinkEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#64748b' } };

/** A dragged node's top-left in canvas coordinates, from its position relative to its container. */
function absoluteOf(node: FlowNode): XY {
  const doc = useDocument.getState().doc;
  const parent = node.parentId ? absolutePosition(doc, node.parentId) : { x: 0, y: 0 };
  return { x: node.position.x + parent.x, y: node.position.y + parent.y };
}

export function Canvas() {
  // A design that opens far out (a share link or a draft of 1,000 components) is drawn far out
  // from the first render, before React Flow has a size or a viewport to tell (see onInit).
  const [startsFar, setStartsFar] = useState(() => opensFar(useDocument.getState().doc));
  const far = useFar() || startsFar;
  const { nodes, edges, onNodesChange, onEdgesChange } = useFlowElements(far);
  const visibleOnly = useVisibleOnly(nodes.length);
  const whatIf = useAnalysis((s) => s.whatIf.active);
  const wrapper = useRef<HTMLDivElement>(null);
  const flow = useRef<ReactFlowInstance<FlowNode, LinkFlowEdge> | null>(null);
  const dropTargetTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const minZoom = useZoomFloor(wrapper);
  useTabOrder(wrapper);
  // React Flow's fitView prop fits once its first nodes are measured: on an empty canvas that
  // was the first component dropped, and the view jumped to centre it. Fit only a design that
  // is there when the canvas opens (opening another design fits it in replaceDocument).
  // React Flow's own fit, over its nodes, only near: far out it holds nothing.
  const [fitOnOpen] = useState(() => {
    const { doc } = useDocument.getState();
    return doc.components.length + doc.domains.length > 0 && !startsFar;
  });

  const onInit = useCallback((rf: ReactFlowInstance<FlowNode, LinkFlowEdge>) => {
    flow.current = rf;
    setFlowInstance(rf as unknown as ReactFlowInstance, wrapper.current);
    if (startsFar) {
      fitOpening({ padding: FIT_PADDING, maxZoom: 1 });
      setStartsFar(false);
    }
  }, [startsFar]);

  const onConnect = useCallback((c: Connection) => {
    const mode = useSelection.getState().linkMode;
    const result = useDocument.getState().connect(c.source, c.target, mode);
    if (result.key !== undefined) useSelection.getState().select([], [result.key]);
    else useUi.getState().showNotice('No link added', [result.reason]);
  }, []);

  const onNodeDrag = useCallback((_: unknown, node: FlowNode) => {
    const doc = useDocument.getState().doc;
    const at = absoluteOf(node);
    const size = sizeOf(doc, node.id);
    const exclude = node.type === 'domain' ? new Set([node.id, ...descendantDomains(doc, node.id)]) : new Set<string>();
    const target = containerAt(doc, { x: at.x + size.width / 2, y: at.y + size.height / 2 }, exclude) ?? null;
    clearTimeout(dropTargetTimer.current);
    dropTargetTimer.current = setTimeout(() => useSelection.getState().setDropTarget(target), 0);
  }, []);

  const onNodeDragStart = useCallback(() => noteDragStart(), []);

  // The move itself is committed by useFlowElements when React Flow reports the final positions.
  // A dragged node that was not selected becomes the selection on the drop, not when the drag
  // starts (React Flow's default): selecting re-derives every node, and at 1,000 components
  // that made the drag's first frame a 100-150 ms task.
  const onNodeDragStop = useCallback((_: unknown, node: FlowNode) => {
    clearTimeout(dropTargetTimer.current);
    const s = useSelection.getState();
    s.setDropTarget(null);
    if (!s.nodeIds.includes(node.id)) s.select([node.id], []);
  }, []);

  const onNodeClick = useCallback((_: unknown, node: FlowNode) => {
    if (useAnalysis.getState().whatIf.active) useAnalysis.getState().toggleFailed(node.id);
  }, []);

  const onEdgeClick = useCallback((_: unknown, edge: LinkFlowEdge) => {
    if (useAnalysis.getState().whatIf.active) useAnalysis.getState().toggleFailed(edge.id);
  }, []);

  const onDragOver = useCallback((e: React.DragEvent) => {
    if (!e.dataTransfer.types.includes(DRAG_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback((e: React.DragEvent) => {
    const raw = e.dataTransfer.getData(DRAG_MIME);
    if (!raw || !flow.current) return;
    e.preventDefault();
    const item = JSON.parse(raw) as PaletteItem;
    const size = item.type === 'component' ? COMPONENT_SIZE : DEFAULT_DOMAIN_SIZE[item.kind];
    const p = flow.current.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    addPaletteItem(item, { x: p.x - size.width / 2, y: p.y - size.height / 2 });
  }, []);

  return (
    <div className={`canvas${whatIf ? ' is-what-if' : ''}${far ? ' is-far' : ''}`} data-testid="canvas" ref={wrapper} onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<FlowNode, LinkFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onInit={onInit}
        onNodesChange={onNodesChange}
        onlyRenderVisibleElements={visibleOnly}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeDragStart={onNodeDragStart}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        selectNodesOnDrag={false}
        onNodeClick={onNodeClick}
        onEdgeClick={onEdgeClick}
        connectionMode={ConnectionMode.Loose}
        nodesDraggable={!whatIf}
        nodesConnectable={!whatIf}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        snapToGrid
        snapGrid={[GRID, GRID]}
        // The wheel and a trackpad's two fingers pan; Ctrl+wheel and a pinch zoom (Figma, draw.io).
        panOnScroll
        zoomOnScroll={false}
        zoomOnPinch
        // Nodes do not stop a pan by themselves (React Flow's `nopan` on every draggable node
        // did): a drag on a card moves the card, a drag on a container's body (its title bar
        // moves it) pans, and the wheel pans over anything.
        noPanClassName="spof-nopan"
        minZoom={minZoom}
        maxZoom={2}
        fitView={fitOnOpen}
        fitViewOptions={{ padding: FIT_PADDING, maxZoom: 1 }}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID} size={1} color="#cbd5e1" />
        {/* First of the panels in the page: far out its keyboard stops come where the cards do near. */}
        {far && <FarLayer />}
        <Overview />
        <FindBox />
        {/* Its fit button is the Fit view command's (from the document, clear of the overview map):
            React Flow's own fits its nodes, and far out the components are not nodes. */}
        <Controls position="bottom-left" showFitView={false}>
          <ControlButton className="react-flow__controls-fitview" onClick={fitWhole} title="Fit view (Shift+1)" aria-label="Fit view">
            <Maximize aria-hidden style={{ fill: 'none' }} />
          </ControlButton>
        </Controls>
      </ReactFlow>
    </div>
  );
}
