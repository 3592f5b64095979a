// The SLO: each target met or not, the gap, the error budget a month; and the plan,
// applied in one undoable step.
import { Wand2 } from 'lucide-react';
import type { SloEntry, SloReport } from '../../engine/insight';
import { useDocument } from '../../store/document';
import { formatAvailability, formatMinutes, formatTarget } from './format';
import { applyPlanToDesign, usePlan } from './planAction';

/** The targets people usually pick (three, three and a half, four nines). */
const QUICK_TARGETS = [0.999, 0.9995, 0.9999];

function Entry({ e }: { e: SloEntry }) {
  const nines = -Math.log10(Math.max(1e-15, 1 - e.availability));
  return (
    <li className={`rp-slo-entry ${e.met ? 'is-ok' : 'is-danger'}`} data-testid="slo-entry" data-id={e.id} data-met={e.met}>
      <div className="rp-slo-head">
        <span className="rp-row-title">{e.id === 'system' ? 'System' : e.label}</span>
        <span className={`rp-pill ${e.met ? 'is-ok' : 'is-danger'}`}>{e.met ? 'met' : 'not met'}</span>
      </div>
      <div className="rp-row-text">
        target {formatTarget(e.target)} · now {formatAvailability(e.availability, nines)}
        {!e.met && <> · short by <b>{e.gapPercent.toPrecision(2)} percentage points</b> ({formatMinutes(e.gapMinutesPerMonth)} a month)</>}
      </div>
      <div className="rp-row-text rp-muted">
        error budget {formatMinutes(e.errorBudgetMinutesPerMonth)} a month; expected downtime {formatMinutes(e.downtimeMinutesPerMonth)}
      </div>
    </li>
  );
}

export function SloCard({ slo }: { slo: SloReport }) {
  const state = usePlan((s) => s.state);
  const doc = useDocument((s) => s.doc);
  // A finished plan's message describes the design it produced: hidden once that changes.
  const plan = 'doc' in state && state.doc !== doc ? { phase: 'idle' as const } : state;
  const entries = [...(slo.system ? [slo.system] : []), ...slo.clients];
  if (entries.length === 0) {
    return (
      <div className="rp-empty">
        No target set. Pick one to see the gap and a plan to close it:
        <div className="rp-quick-targets">
          {QUICK_TARGETS.map((t) => (
            <button key={t} type="button" className="btn rp-quick" data-testid="set-slo" data-value={t}
              onClick={() => useDocument.getState().setDocumentFields({ slo: t })}>{formatTarget(t)}</button>
          ))}
        </div>
      </div>
    );
  }
  return (
    <div data-testid="slo">
      <ul className="rp-list">{entries.map((e) => <Entry key={e.id} e={e} />)}</ul>
      {!slo.met && (
        <button type="button" className="btn btn-primary rp-plan-button" data-testid="apply-plan" disabled={plan.phase === 'computing'}
          onClick={() => void applyPlanToDesign()} title="Find the fewest changes that reach the target and apply them (one undo step)">
          <Wand2 size={15} aria-hidden />
          <span>{plan.phase === 'computing' ? 'Finding the plan…' : 'Apply plan'}</span>
        </button>
      )}
      {plan.phase === 'applied' && (
        <div className="rp-plan-result" data-testid="plan-result">
          <div>{plan.met ? 'Plan applied' : 'Plan applied, target not reached'} ({plan.steps.length} change{plan.steps.length === 1 ? '' : 's'}; undo with Ctrl+Z):</div>
          <ol>{plan.steps.map((s, i) => <li key={i}>{s.description}</li>)}</ol>
          {!plan.met && <div className="rp-muted">{plan.message}</div>}
        </div>
      )}
      {(plan.phase === 'nothing' || plan.phase === 'error') && <div className="rp-plan-result is-error" data-testid="plan-result">{plan.message}</div>}
    </div>
  );
}
