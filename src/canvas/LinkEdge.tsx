// A link: a dependency is a solid arrow ("from needs to"); a replication link is dashed
// and labelled with its mode; an optional dependency is dotted and grey. It runs in straight
// segments around the cards between its ends (src/model/linkRoute.ts, as in the drawn SVG),
// from the handles React Flow places, so it follows a card while it is dragged.
import { BaseEdge, EdgeLabelRenderer, Position, type EdgeProps } from '@xyflow/react';
import { memo, useMemo, useState } from 'react';
import { linkCaption } from '../model/linkCaption';
import { routeLink, type Side } from '../model/linkRoute';
import { useLinkObstacles } from './linkObstacles';
import { useAnalysis } from '../store/analysis';
import type { LinkFlowEdge } from './mapping';

export { linkCaption };

const SIDES: Record<Position, Side> = { [Position.Top]: 'top', [Position.Bottom]: 'bottom', [Position.Left]: 'left', [Position.Right]: 'right' };

function LinkEdgeView(props: EdgeProps<LinkFlowEdge>) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, data, selected, markerEnd } = props;
  const link = data?.link;
  const obstacles = useLinkObstacles();
  const { path, label } = useMemo(
    () => routeLink({ x: sourceX, y: sourceY }, SIDES[sourcePosition], { x: targetX, y: targetY }, obstacles, new Set([source, target])),
    [sourceX, sourceY, targetX, targetY, sourcePosition, obstacles, source, target],
  );
  const labelX = label.x;
  const labelY = label.y;
  const replication = link?.type === 'replication';
  const kind = replication ? 'replication' : link?.optional ? 'optional' : 'dependency';
  // What-if: a failed link is struck; a SPOF link says what its failure takes down.
  // Only a required dependency can be failed (a replication link carries no traffic).
  const failed = useAnalysis((s) => s.whatIf.active && s.whatIf.failed.has(id)) && kind === 'dependency';
  // A link from or to an element that is down carries nothing: drawn as failed too.
  const cut = useAnalysis((s) => s.whatIf.active && link !== undefined && (s.whatIf.down.has(link.from) || s.whatIf.down.has(link.to)));
  // Its tooltip is written when the link is first hovered, as a card's is (useMarkNote): read
  // when the answer came, every mounted SPOF link's was written for nobody.
  const [hovered, setHovered] = useState(false);
  const note = useAnalysis((s) => (hovered ? s.notes.get(id) : undefined));
  const onPointerEnter = hovered ? undefined : () => setHovered(true);
  // A line to a collapsed container may stand for several links.
  const count = data?.count ?? 1;
  const caption = count > 1 ? `${count} links` : failed ? ['failed', link && linkCaption(link)].filter(Boolean).join(' · ') : link ? linkCaption(link) : undefined;
  return (
    <>
      <g onPointerEnter={onPointerEnter}>
        {note && <title>{note}</title>}
        <BaseEdge id={id} path={path} markerEnd={replication ? undefined : markerEnd} className={`link-path link-${kind}${selected ? ' is-selected' : ''}${failed ? ' is-failed' : cut ? ' is-down' : ''}`} interactionWidth={16} />
      </g>
      {caption && (
        <EdgeLabelRenderer>
          <div className={`link-caption link-caption-${kind}${selected ? ' is-selected' : ''}${failed ? ' is-failed' : cut ? ' is-down' : ''}`} title={note} onPointerEnter={onPointerEnter} style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {caption}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const LinkEdge = memo(LinkEdgeView);
