// Selecting an analysis element on the canvas: the report names elements by their
// element ids (DESIGN section 3); the canvas knows nodes and link keys.
import { linkElementId } from '../model';
import { useDocument } from './document';
import { linkKey } from './ids';
import { useSelection } from './selection';

export interface CanvasTarget {
  nodeIds: string[];
  edgeIds: string[];
}

/**
 * Maps an element id to what shows it: a component or domain id to its node, an
 * instance `id#i` or failover event `failover:id` to its component, a link id or
 * `from->to` to its edge. Unknown ids map to nothing.
 */
export function canvasTargetOf(elementId: string): CanvasTarget {
  const doc = useDocument.getState().doc;
  const nodes = new Set([...doc.components.map((c) => c.id), ...doc.domains.map((d) => d.id)]);
  const stripped = elementId.replace(/^failover:/, '').replace(/#\d+$/, '');
  if (nodes.has(stripped)) return { nodeIds: [stripped], edgeIds: [] };
  const link = doc.links.find((l) => linkElementId(l) === elementId || linkKey(l) === elementId);
  return link ? { nodeIds: [], edgeIds: [linkKey(link)] } : { nodeIds: [], edgeIds: [] };
}

/** Selects the element on the canvas (e.g. when a SPOF is clicked in the report). */
export function selectElement(elementId: string): CanvasTarget {
  const target = canvasTargetOf(elementId);
  useSelection.getState().select(target.nodeIds, target.edgeIds);
  return target;
}
