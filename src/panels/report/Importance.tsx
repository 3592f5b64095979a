// What to fix first: each element's improvement potential (the system's availability
// with the element made perfect, minus today's) as minutes of downtime saved a year.
import type { Report } from '../../engine';
import type { Topology } from '../../model';
import { elementName } from '../../store/elementNames';
import { formatMoney } from '../../report/format';
import { minutesAYear } from './format';
import { revealElements } from './reveal';

const SHOWN = 6;

export function Importance({ doc, report }: { doc: Topology; report: Report }) {
  const rows = report.importance.filter((i) => i.improvement > 0).slice(0, SHOWN);
  if (rows.length === 0) {
    return (
      <div className="rp-empty">
        {report.method === 'exact' ? 'Nothing left to improve: the design never goes down.' : 'No outage in the Monte Carlo samples: nothing to rank.'}
      </div>
    );
  }
  const top = rows[0].improvement;
  return (
    <>
      <div className="rp-note">Minutes a year saved if this were perfect{report.cost?.clients.length ? ', and what that downtime costs' : ''}</div>
      <ul className="rp-list" data-testid="importance-list">
        {rows.map((i) => (
          <li key={i.id} className="rp-row rp-bar-row" data-testid="importance-item" data-element-id={i.id} data-value={String(i.improvement)}>
            <button type="button" className="rp-row-main" onClick={() => revealElements([i.id])} title={`Birnbaum importance ${i.birnbaum.toPrecision(3)}`}>
              <span className="rp-row-title">{elementName(doc, i.id)}</span>
              <span className="rp-bar"><span style={{ width: `${Math.max(3, (i.improvement / top) * 100)}%` }} /></span>
            </button>
            <span className="rp-row-side rp-num">
              {minutesAYear(i.improvement)} min
              {i.moneySavedPerYear !== undefined && report.cost && (
                <span className="rp-money-saved" data-testid="money-saved" data-value={String(i.moneySavedPerYear)}>{formatMoney(i.moneySavedPerYear, report.cost.currency)}</span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
