// A link: a dependency is a solid arrow ("from needs to"); a replication link is dashed
// and labelled with its mode; an optional dependency is dotted and grey.
import { BaseEdge, EdgeLabelRenderer, getBezierPath, Position, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { linkCaption } from '../model/linkCaption';
import { useAnalysis } from '../store/analysis';
import type { LinkFlowEdge } from './mapping';

export { linkCaption };

/** Farther apart than this, two nodes of one row may have others between them. */
const ROW_GAP = 300;

/**
 * The path of a link and where its caption goes. A link between two nodes of one row that
 * are not neighbours arcs below the row instead of running through the nodes between them
 * (and its caption sits on the arc, not on a node); any other link is React Flow's bezier.
 */
export function linkPath(sx: number, sy: number, tx: number, ty: number, source: Position, target: Position): [string, number, number] {
  const sideways = (source === Position.Left || source === Position.Right) && (target === Position.Left || target === Position.Right);
  const dx = tx - sx;
  if (!sideways || Math.abs(dx) <= ROW_GAP) {
    const [path, x, y] = getBezierPath({ sourceX: sx, sourceY: sy, targetX: tx, targetY: ty, sourcePosition: source, targetPosition: target });
    return [path, x, y];
  }
  // The caption is on the curve's middle, 3/4 of the drop below the ends: clear of a 64 px card.
  const drop = Math.min(Math.max(Math.abs(dx) * 0.2, 64), 140);
  const out = Math.min(Math.abs(dx) * 0.25, 80);
  const c1 = sx + (source === Position.Right ? out : -out);
  const c2 = tx + (target === Position.Right ? out : -out);
  const path = `M${sx},${sy} C${c1},${sy + drop} ${c2},${ty + drop} ${tx},${ty}`;
  return [path, (sx + 3 * c1 + 3 * c2 + tx) / 8, (sy + ty) / 2 + 0.75 * drop];
}

function LinkEdgeView(props: EdgeProps<LinkFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const link = data?.link;
  const [path, labelX, labelY] = linkPath(sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition);
  const replication = link?.type === 'replication';
  const kind = replication ? 'replication' : link?.optional ? 'optional' : 'dependency';
  // What-if: a failed link is struck; a SPOF link says what its failure takes down.
  // Only a required dependency can be failed (a replication link carries no traffic).
  const failed = useAnalysis((s) => s.whatIf.active && s.whatIf.failed.has(id)) && kind === 'dependency';
  const note = useAnalysis((s) => s.notes.get(id));
  const caption = failed ? ['failed', link && linkCaption(link)].filter(Boolean).join(' · ') : link ? linkCaption(link) : undefined;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={replication ? undefined : markerEnd} className={`link-path link-${kind}${selected ? ' is-selected' : ''}${failed ? ' is-failed' : ''}`} interactionWidth={16} />
      {note && <title>{note}</title>}
      {caption && (
        <EdgeLabelRenderer>
          <div className={`link-caption link-caption-${kind}${selected ? ' is-selected' : ''}${failed ? ' is-failed' : ''}`} title={note} style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {caption}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const LinkEdge = memo(LinkEdgeView);
