// Clicking an element in the report selects it on the canvas and brings it into view.
import { getFlowInstance } from '../../canvas/flowBridge';
import { canvasIdOf } from '../../store/analysisMarks';
import { useDocument } from '../../store/document';
import { findLink } from '../../store/ids';
import { useSelection } from '../../store/selection';

/** Selects the nodes and links that draw these element ids, and centres them. */
export function revealElements(elementIds: readonly string[]): void {
  const doc = useDocument.getState().doc;
  const nodeIds = new Set<string>();
  const edgeIds = new Set<string>();
  const inView = new Set<string>();
  for (const e of elementIds) {
    const id = canvasIdOf(doc, e);
    if (id === undefined) continue;
    const link = findLink(doc, id);
    if (link) {
      edgeIds.add(id);
      inView.add(link.from).add(link.to);
    } else {
      nodeIds.add(id);
      inView.add(id);
    }
  }
  useSelection.getState().select([...nodeIds], [...edgeIds]);
  const flow = getFlowInstance();
  if (flow && inView.size > 0) {
    void flow.fitView({ nodes: [...inView].map((id) => ({ id })), padding: 0.5, maxZoom: 1.1, duration: 300 });
  }
}
