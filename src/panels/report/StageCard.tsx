// The redundancy stage reached (1-7, DESIGN section 1) and the next step.
import type { Stage } from '../../engine/insight';
import { STAGE_NAMES } from '../../engine/insight/stage';
import { revealElements } from './reveal';

export function StageCard({ stage }: { stage: Stage }) {
  return (
    <div className="rp-stage" data-testid="stage" data-level={stage.level}>
      <ol className="rp-stage-steps" aria-label={`stage ${stage.level} of 7`}>
        {[1, 2, 3, 4, 5, 6, 7].map((n) => (
          <li key={n} className={n < stage.level ? 'is-done' : n === stage.level ? 'is-current' : ''} title={STAGE_NAMES[n as Stage['level']]}>{n}</li>
        ))}
      </ol>
      <div className="rp-stage-name" data-testid="stage-summary">{stage.summary}</div>
      <div className="rp-stage-next" data-testid="stage-next">
        <b>{stage.level < 7 || stage.left.length > 0 ? 'Next' : 'Watch'}:</b> {stage.next}
        {stage.blockers.length > 0 && (
          <button type="button" className="rp-link" onClick={() => revealElements(stage.blockers)}>show on canvas</button>
        )}
      </div>
    </div>
  );
}
