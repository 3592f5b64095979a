// The SLO: each target met or not, the gap, the error budget a month; and the plan, its
// moves listed (PlanList.tsx), applied one by one or all at once.
import { ListChecks, Wand2 } from 'lucide-react';
import { useEffect } from 'react';
import type { SloEntry, SloReport } from '../../engine/insight';
import { useDocument } from '../../store/document';
import { formatAvailability, formatGapPoints, formatMinutes, formatTarget } from './format';
import { PlanList } from './PlanList';
import { applyPlanToDesign, entryFor, findPlan, preparePlanWorker, usePlan } from './planAction';

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
        {!e.met && <> · short by <b>{formatGapPoints(e.gapPercent)} percentage points</b> ({formatMinutes(e.gapMinutesPerMonth)} a month)</>}
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
  const unmet = !slo.met;
  // A target not met offers a plan: its worker starts while the person reads the report.
  useEffect(() => (unmet ? preparePlanWorker() : undefined), [unmet]);
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
  // A plan is shown for the design it was found for, and for those its own moves made.
  const shown = state.phase === 'ready' && entryFor(state, doc) ? state : undefined;
  const computing = state.phase === 'computing' && state.doc === doc;
  const result = state.phase === 'ready' && state.result?.doc === doc ? state.result.text : undefined;
  const problem = (state.phase === 'nothing' || state.phase === 'error') && state.doc === doc ? state.message : undefined;
  return (
    <div data-testid="slo">
      <ul className="rp-list">{entries.map((e) => <Entry key={e.id} e={e} />)}</ul>
      {!slo.met && !shown && (
        <div className="rp-plan-buttons">
          <button type="button" className="btn rp-plan-button" data-testid="find-plan" disabled={computing}
            onClick={() => void findPlan()} title="List the moves that reach the target, to apply one by one or all at once">
            <ListChecks size={15} aria-hidden />
            <span>{computing ? 'Finding the plan…' : 'Plan the moves'}</span>
          </button>
          <button type="button" className="btn btn-primary rp-plan-button" data-testid="apply-plan" disabled={computing}
            onClick={() => void applyPlanToDesign()} title="Find the moves that reach the target and apply them all (one undo step)">
            <Wand2 size={15} aria-hidden />
            <span>Apply plan</span>
          </button>
        </div>
      )}
      {result && <div className="rp-plan-result" data-testid="plan-result">{result}</div>}
      {problem && <div className="rp-plan-result is-error" data-testid="plan-result">{problem}</div>}
      {shown && <PlanList state={shown} doc={doc} />}
    </div>
  );
}
