// The plan as a list of moves: what each does, what it fixes and adds, the availability
// after it (marked where a Monte Carlo figure is within the sampling interval of the one
// before, as the CLI marks it); each applied on its own or all at once (one undo step each).
// What keeps a target out of reach is named with its share of the error budget, first, and
// the moves that still raise the availability are listed under it.
import { Check, Wand2 } from 'lucide-react';
import type { Topology } from '../../model';
import { addsText, fixesText, planCostText } from '../../report/planText';
import { formatAvailability, formatTarget } from './format';
import { applyPlanMoves, applyPlanToDesign, entryFor, type PlanState } from './planAction';

type Ready = Extract<PlanState, { phase: 'ready' }>;

export function PlanList({ state, doc }: { state: Ready; doc: Topology }) {
  const entry = entryFor(state, doc)!;
  const { plan } = state;
  const left = entry.applied.filter((a) => !a).length;
  const goal = plan.target !== null ? `to reach ${formatTarget(plan.target)}` : "to reach the clients' targets";
  const moves = `${plan.steps.length} move${plan.steps.length === 1 ? '' : 's'}`;
  const outOfReach = plan.outcome === 'out-of-reach';
  const message = <div className="rp-row-text rp-muted rp-plan-note" data-testid="plan-message">{plan.message}</div>;
  return (
    <div className="rp-plan" data-testid="plan" data-outcome={plan.outcome}>
      {outOfReach ? (
        <>
          <div className="rp-plan-head">
            {plan.target !== null ? formatTarget(plan.target) : "The clients' targets"} out of reach: {moves} still take the system
            from {formatAvailability(plan.before.availability, plan.before.nines)} to {formatAvailability(plan.after.availability, plan.after.nines)}, {planCostText(plan)}
          </div>
          {message}
        </>
      ) : (
        <div className="rp-plan-head">
          Plan {goal}: {moves}, {planCostText(plan)}
        </div>
      )}
      <ol className="rp-plan-list" data-testid="plan-list">
        {plan.steps.map((s, i) => (
          <li key={i} className={`rp-plan-step${entry.applied[i] ? ' is-applied' : ''}`} data-testid="plan-step" data-index={i} data-applied={entry.applied[i]}
            data-within-interval={s.withinInterval === true}>
            <div className="rp-plan-move">{s.description}</div>
            <div className="rp-row-text rp-muted">{fixesText(state.names, s)}; {addsText(s, plan.cost.currency)}</div>
            <div className="rp-plan-foot">
              <span className="rp-row-text">
                then {formatAvailability(s.availability, s.nines)}
                {s.withinInterval && <span className="rp-muted" title={WITHIN_INTERVAL_WHY}> (within the sampling interval)</span>}
              </span>
              {entry.applied[i]
                ? <span className="rp-pill is-ok"><Check size={12} aria-hidden /> applied</span>
                : (
                  <button type="button" className="btn rp-plan-apply" data-testid="apply-move" data-index={i} disabled={state.busy}
                    onClick={() => void applyPlanMoves([i])} title="Apply this move (one undo step)">Apply</button>
                )}
            </div>
          </li>
        ))}
      </ol>
      {left > 0 && (
        <button type="button" className="btn btn-primary rp-plan-button" data-testid="apply-plan" disabled={state.busy}
          onClick={() => void applyPlanToDesign()} title="Apply every move not applied yet (one undo step)">
          <Wand2 size={15} aria-hidden />
          <span>{left === plan.steps.length ? 'Apply all' : `Apply the other ${left}`}</span>
        </button>
      )}
      {/* As the CLI prints it: why the target is not met, or which figures the sampling cannot tell from none. */}
      {!outOfReach && (!plan.met || plan.steps.some((s) => s.withinInterval)) && message}
    </div>
  );
}

/** What "within the sampling interval" means, on hover (the plan's message says it too). */
const WITHIN_INTERVAL_WHY = 'A Monte Carlo estimate within the 95% sampling interval of the figure before this round: the sampling cannot tell its gain from none (the move loses nothing).';
