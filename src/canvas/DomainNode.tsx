// A failure domain (provider, region, zone...) drawn as a resizable container with a title;
// moved by its title bar (a drag elsewhere on it pans the canvas). Collapsed, it is one small
// node with what it holds and how many single points of failure are inside, and the links
// that end inside end on it.
import { Handle, NodeResizer, Position, type NodeProps } from '@xyflow/react';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { memo } from 'react';
import { domainAvailability } from '../model';
import { useNodeMarks } from '../store/analysis';
import { useCollapsed } from '../store/collapsed';
import { useDocument } from '../store/document';
import { useSelection } from '../store/selection';
import { DOMAIN_KIND_LABELS } from '../store/labels';
import { summaryText } from './collapse';
import { formatPercent } from './format';
import { DOMAIN_ICONS } from './kinds';
import type { DomainFlowNode } from './mapping';

const SIDES = [['top', Position.Top], ['left', Position.Left], ['right', Position.Right], ['bottom', Position.Bottom]] as const;

function DomainNodeView({ id, data, selected }: NodeProps<DomainFlowNode>) {
  const d = data.domain;
  const summary = data.summary;
  const marks = useNodeMarks(id);
  // Its own subscription: a drag that moves over containers re-renders just those two.
  const dropTarget = useSelection((s) => s.dropTarget === id);
  const Icon = DOMAIN_ICONS[d.kind];
  const label = d.label ?? d.id;
  const Chevron = summary ? ChevronRight : ChevronDown;
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
      <div className="domain-title">
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
        <span className="domain-kind">{DOMAIN_KIND_LABELS[d.kind]}</span>
        {d.kind !== 'group' && <span className="domain-availability">{formatPercent(domainAvailability(d))}</span>}
        {marks.spof && <span className="spof-badge inline" title={marks.note ?? 'single point of failure'}>SPOF</span>}
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
