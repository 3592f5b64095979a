// Money (DESIGN section 3, "Money"): what the design costs a month and what its expected
// downtime costs a year, per client and in all. Only what the document gives is shown: no
// cost is ever invented.
import type { CostReport } from '../../engine';
import type { Topology } from '../../model';
import { formatMoney } from '../../report/format';
import { labelOf, listWords } from '../../store/elementNames';
import { downtimeAYear } from './format';

export function CostCard({ doc, cost }: { doc: Topology; cost: CostReport }) {
  const money = (x: number) => formatMoney(x, cost.currency);
  return (
    <div className="rp-cost" data-testid="cost" data-currency={cost.currency}>
      {cost.priced && (
        <div className="rp-cost-row" data-testid="cost-per-month" data-value={String(cost.perMonth)}>
          <span>Running cost</span><b className="rp-num">{money(cost.perMonth)} a month</b>
        </div>
      )}
      {cost.priced && cost.unpriced.length > 0 && (
        <div className="rp-note">Without a cost: {listWords(cost.unpriced.map((id) => labelOf(doc, id)), 5)} (not counted).</div>
      )}
      {cost.clients.length > 0 && (
        <div className="rp-cost-row" data-testid="downtime-cost" data-value={String(cost.downtimePerYear)}>
          <span>Expected downtime cost</span><b className="rp-num">{money(cost.downtimePerYear)} a year</b>
        </div>
      )}
      {cost.clients.length > 1 && (
        <ul className="rp-list">
          {cost.clients.map((c) => (
            <li key={c.id} className="rp-row rp-row-text" data-testid="client-downtime-cost" data-element-id={c.id} data-value={String(c.downtimePerYear)}>
              <span className="rp-row-main">{labelOf(doc, c.id)}: {downtimeAYear(c.downtimeHoursPerYear / 8766)} a year at {money(c.downtimeCostPerHour)} an hour</span>
              <span className="rp-row-side rp-num">{money(c.downtimePerYear)}</span>
            </li>
          ))}
        </ul>
      )}
      {cost.clients.length === 0 && (
        <div className="rp-note">No downtime cost given: set one on a client (or the design) to see what outages cost and what each fix saves.</div>
      )}
    </div>
  );
}
