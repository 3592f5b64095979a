// A component on the canvas: icon, label, kind, badges for replicas, role and spread,
// the availability shown small, and handles to connect. Its size and the label's lines come
// from src/model/nodeCard.ts (as in the layout and the drawn SVG): the card grows with its
// label, a longer one takes two lines, the full text is the tooltip. Memoised: it re-renders
// only when its own node (its record) or its own analysis marks change.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { componentCard } from '../model/nodeCard';
import { useNodeMarks } from '../store/analysis';
import { COMPONENT_ACCENTS, COMPONENT_ICONS } from './kinds';
import type { ComponentFlowNode } from './mapping';
import { markClasses, NodeAnalysis } from './NodeAnalysis';

function ComponentNodeView({ id, data, selected }: NodeProps<ComponentFlowNode>) {
  const c = data.component;
  // Its tooltip is written when the card is first hovered, not for every marked node on screen when an answer comes.
  const marks = useNodeMarks(id);
  const [hovered, setHovered] = useState(false);
  const Icon = COMPONENT_ICONS[c.kind];
  const card = componentCard(c);
  const badges = card.badges;
  return (
    <div
      className={`node-card${selected ? ' is-selected' : ''}${markClasses(marks)}`}
      style={{ '--accent': COMPONENT_ACCENTS[c.kind] } as React.CSSProperties}
      data-kind={c.kind}
      onPointerEnter={hovered ? undefined : () => setHovered(true)}
    >
      <Handle id="top" type="source" position={Position.Top} className="node-handle" />
      <Handle id="left" type="source" position={Position.Left} className="node-handle node-handle-side" />
      <Handle id="right" type="source" position={Position.Right} className="node-handle node-handle-side" />
      <div className="node-icon"><Icon size={18} strokeWidth={2} aria-hidden /></div>
      <div className="node-text">
        <div className="node-label" title={card.label}>
          {/* A space between the lines keeps the label's words apart for screen readers and copy. */}
          {card.lines.map((line, i) => <span key={i} className="node-label-line">{i > 0 ? ' ' : ''}{line}</span>)}
        </div>
        <div className="node-meta">
          <span>{card.kind}</span>
          {card.figure && <span className="node-availability" title={c.kind === 'client' ? 'target' : 'availability of one instance'}>{card.figure}</span>}
        </div>
      </div>
      {/* Badges sit on the borders, clear of the handles in the middle. */}
      {(['pool', 'standby', 'replica', 'spread'] as const).map((tone) => {
        const b = badges.find((x) => x.tone === tone);
        return b ? <span key={tone} className={`badge badge-${tone} badge-at-${tone}`} title={b.title}>{b.text}</span> : null;
      })}
      <NodeAnalysis id={id} component={c} marks={marks} hovered={hovered} />
      <Handle id="bottom" type="source" position={Position.Bottom} className="node-handle" />
    </div>
  );
}

export const ComponentNode = memo(ComponentNodeView);
