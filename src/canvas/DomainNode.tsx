// A failure domain (provider, region, zone...) drawn as a resizable container with a title.
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { domainAvailability } from '../model';
import { useNodeMarks } from '../store/analysis';
import { useDocument } from '../store/document';
import { useSelection } from '../store/selection';
import { DOMAIN_KIND_LABELS } from '../store/labels';
import { formatPercent } from './format';
import { DOMAIN_ICONS } from './kinds';
import type { DomainFlowNode } from './mapping';

function DomainNodeView({ id, data, selected }: NodeProps<DomainFlowNode>) {
  const d = data.domain;
  const marks = useNodeMarks(id);
  // Its own subscription: a drag that moves over containers re-renders just those two.
  const dropTarget = useSelection((s) => s.dropTarget === id);
  const Icon = DOMAIN_ICONS[d.kind];
  return (
    <div className={`domain-box domain-${d.kind}${marks.spof ? ' is-spof' : ''}${marks.failed ? ' is-failed' : ''}${dropTarget ? ' is-drop-target' : ''}`}>
      <NodeResizer
        isVisible={selected}
        minWidth={160}
        minHeight={100}
        lineClassName="domain-resize-line"
        handleClassName="domain-resize-handle"
        onResizeEnd={(_, p) => useDocument.getState().resizeDomain(id, { x: p.x, y: p.y, width: p.width, height: p.height })}
      />
      <div className="domain-title">
        <Icon size={14} aria-hidden />
        <span className="domain-label">{d.label ?? d.id}</span>
        <span className="domain-kind">{DOMAIN_KIND_LABELS[d.kind]}</span>
        {d.kind !== 'group' && <span className="domain-availability">{formatPercent(domainAvailability(d))}</span>}
        {marks.spof && <span className="spof-badge inline" title={marks.note ?? 'single point of failure'}>SPOF</span>}
        {marks.failed && <span className="spof-badge inline failed-badge" title="failed in what-if mode">failed</span>}
      </div>
    </div>
  );
}

export const DomainNode = memo(DomainNodeView);
