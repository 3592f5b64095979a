// A failure domain (provider, region, zone...) drawn as a resizable container with a title;
// moved by its title bar (a drag elsewhere on it pans the canvas). Collapsed, it is one small
// node with what it holds and how many single points of failure are inside, and the links
// that end inside end on it.
import { Handle, NodeResizer, Position, type NodeProps } from '@xyflow/react';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { memo } from 'react';
import { containerTitle } from '../model/containerTitle';
import { textWidth } from '../model/textMetrics';
import { markNoteNow, useNodeMarks } from '../store/analysis';
import { useCollapsed } from '../store/collapsed';
import { useDocument } from '../store/document';
import { useSelection } from '../store/selection';
import { summaryText } from './collapse';
import { DOMAIN_ICONS } from './kinds';
import type { DomainFlowNode } from './mapping';

const SIDES = [['top', Position.Top], ['left', Position.Left], ['right', Position.Right], ['bottom', Position.Bottom]] as const;

/** What the title bar holds besides its text: border, padding, the collapse toggle, the icon and their gaps. */
const TITLE_CHROME = 3 + 10 + 16 + 6 + 14 + 6 + 10;
/** A SPOF or failed mark: its gap and margin, padding and bold capitals. */
const markRoom = (text: string) => 6 + 6 + 12 + textWidth(text, 10, true) * 1.04;

function DomainNodeView({ id, data, selected, width }: NodeProps<DomainFlowNode>) {
  const d = data.domain;
  const summary = data.summary;
  // Its SPOF mark's tooltip is written when the pointer comes to it, not for every SPOF on screen when an answer comes.
  const marks = useNodeMarks(id);
  // Its own subscription: a drag that moves over containers re-renders just those two.
  const dropTarget = useSelection((s) => s.dropTarget === id);
  const Icon = DOMAIN_ICONS[d.kind];
  const label = d.label ?? d.id;
  const Chevron = summary ? ChevronRight : ChevronDown;
  const marksRoom = (marks.spof ? markRoom('SPOF') : 0) + (marks.failed ? markRoom('failed') : 0);
  // The label keeps its whole text where it can: the kind word and then the availability give way first.
  const title = containerTitle(d, (width ?? 0) - TITLE_CHROME - marksRoom);
  return (
    <div className={`domain-box domain-${d.kind}${summary ? ' is-collapsed' : ''}${marks.spof ? ' is-spof' : ''}${marks.failed ? ' is-failed' : ''}${dropTarget ? ' is-drop-target' : ''}`}>
      <NodeResizer
        isVisible={selected && !summary}
        minWidth={160}
        minHeight={100}
        lineClassName="domain-resize-line"
        handleClassName="domain-resize-handle"
        onResizeEnd={(_, p) => useDocument.getState().resizeDomain(id, { x: p.x, y: p.y, width: p.width, height: p.height })}
      />
      <div className="domain-title" title={title.tooltip}>
        <button
          type="button"
          className="domain-toggle nodrag"
          data-testid="collapse-toggle"
          aria-expanded={!summary}
          aria-label={`${summary ? 'Expand' : 'Collapse'} ${label}`}
          title={summary ? 'Expand: show what is inside' : 'Collapse to one node'}
          onClick={(e) => {
            e.stopPropagation();
            useCollapsed.getState().toggle(id);
          }}
        >
          <Chevron size={14} aria-hidden />
        </button>
        <Icon size={14} aria-hidden />
        <span className="domain-label">{label}</span>
        {title.kind && <span className="domain-kind">{title.kind}</span>}
        <span className="domain-spacer" />
        {title.figure && <span className="domain-availability">{title.figure}</span>}
        {marks.spof && <span className="spof-badge inline" title="single point of failure" onPointerEnter={(e) => { e.currentTarget.title = markNoteNow(id) ?? 'single point of failure'; }}>SPOF</span>}
        {marks.failed && <span className="spof-badge inline failed-badge" title="failed in what-if mode">failed</span>}
      </div>
      {summary && (
        <div className="domain-summary" data-testid="container-summary">
          <span>{summaryText(summary)}</span>
          {summary.spofs > 0 && (
            <span className="spof-badge inline" data-testid="container-spofs" title="single points of failure inside">
              {summary.spofs} SPOF{summary.spofs === 1 ? '' : 's'}
            </span>
          )}
        </div>
      )}
      {summary && SIDES.map(([side, position]) => (
        <Handle key={side} id={side} type="source" position={position} className="node-handle domain-handle" isConnectable={false} />
      ))}
    </div>
  );
}

export const DomainNode = memo(DomainNodeView);
