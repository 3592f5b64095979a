// What the analysis draws on a component node: the SPOF badge (or the lighter pair
// badge) with a hover card saying what its failure takes down; in what-if mode, whether a
// client is still served, and for a pool a picker to fail single instances.
import { memo } from 'react';
import type { Component } from '../model';
import { replicasOf } from '../model';
import { useAnalysis, useFailedInstances, useMarkNote, type NodeMarks } from '../store/analysis';
import './nodeAnalysis.css';

/** The node card's classes for its marks. */
export function markClasses(m: NodeMarks): string {
  return `${m.spof ? ' is-spof' : ''}${!m.spof && m.pair ? ' is-pair' : ''}${m.failed ? ' is-failed' : ''}${m.down && !m.failed ? ' is-down' : ''}${m.served ? ' is-served' : ''}`;
}

function InstancePicker({ id, replicas }: { id: string; replicas: number }) {
  const failed = useFailedInstances(id);
  const failedSet = new Set(failed.split(',').filter(Boolean));
  const whole = useAnalysis((s) => s.whatIf.failed.has(id));
  return (
    <div className="instance-picker nodrag" data-testid="instance-picker" title="fail one instance">
      {Array.from({ length: Math.min(replicas, 12) }, (_, k) => {
        const instance = `${id}#${k + 1}`;
        const isFailed = whole || failedSet.has(instance);
        return (
          <button key={instance} type="button" className={`instance-chip${isFailed ? ' is-failed' : ''}`} data-instance={instance}
            aria-pressed={isFailed} title={isFailed ? `instance ${k + 1} failed: click to restore` : `fail instance ${k + 1}`}
            onClick={(e) => {
              e.stopPropagation();
              if (!whole) useAnalysis.getState().toggleFailed(instance);
            }}>
            {k + 1}
          </button>
        );
      })}
    </div>
  );
}

/** What its failure takes down, shown on hover (a card, not a native title, so it can be read). */
function MarkNote({ id }: { id: string }) {
  const note = useMarkNote(id);
  return note ? <div className="mark-note" role="tooltip" data-testid="mark-note">{note}</div> : null;
}

/** `hovered`: the node was hovered since it was mounted, so its tooltip is written and kept. */
function NodeAnalysisView({ id, component, marks, hovered }: { id: string; component: Component; marks: NodeMarks; hovered: boolean }) {
  const whatIf = useAnalysis((s) => s.whatIf.active);
  const replicas = replicasOf(component);
  return (
    <>
      {marks.spof && <span className="spof-badge">SPOF</span>}
      {!marks.spof && marks.pair && <span className="spof-badge pair-badge">pair</span>}
      {hovered && (marks.spof || marks.pair) && <MarkNote id={id} />}
      {whatIf && marks.served && <span className="served-badge" title="still served with these failures">served</span>}
      {whatIf && component.kind === 'client' && marks.down && <span className="served-badge is-down" title="cut off by these failures">down</span>}
      {whatIf && replicas > 1 && <InstancePicker id={id} replicas={replicas} />}
    </>
  );
}

export const NodeAnalysis = memo(NodeAnalysisView);
