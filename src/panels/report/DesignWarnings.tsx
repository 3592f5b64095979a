// The design's modelling warnings (a standby behind nothing, minHealthy above replicas, ...),
// each with its path, what the analysis takes it to mean, and its one-click fixes. A fix is
// one undoable step.
import { applyFix, type Fix, type Problem, type Topology } from '../../model';
import { problemText, saidByReportCard } from '../../model/problemText';
import { useDocument } from '../../store/document';
import { useMoreRows } from './MoreRows';

function applyDesignFix(fix: Fix): void {
  const { doc, applyTopology } = useDocument.getState();
  const next = applyFix(doc, fix);
  if (next !== doc) applyTopology(next, fix.label.charAt(0).toUpperCase() + fix.label.slice(1));
}

export function DesignWarnings({ doc, warnings: all }: { doc: Topology; warnings: Problem[] }) {
  const warnings = all.filter((w) => !saidByReportCard(w));
  const { shown, more } = useMoreRows(warnings.length, 'warnings');
  if (warnings.length === 0) return null;
  return (
    <>
    <ul className="rp-design-warnings" data-testid="analysis-warnings">
      {warnings.slice(0, shown).map((w) => (
        <li key={`${w.path}:${w.message}`} data-code={w.code}>
          {problemText(doc, w)}
          {w.fixes && w.fixes.length > 0 && (
            <span className="rp-fixes">
              {w.fixes.map((fix) => (
                <button key={fix.label} type="button" className="rp-fix" data-testid="warning-fix" onClick={() => applyDesignFix(fix)}>
                  {fix.label.charAt(0).toUpperCase() + fix.label.slice(1)}
                </button>
              ))}
            </span>
          )}
        </li>
      ))}
    </ul>
    {more}
    </>
  );
}
