// What the failure of an optional dependency degrades (without taking the system down).
// The 20,000-long chain's 80,000 shortcuts were 80,000 rows: the first ones, then more a click.
import type { Degradation } from '../../engine/insight';
import { useMoreRows } from './MoreRows';
import { revealElements } from './reveal';
import { RowsLoading, useRowsWanted } from './rowsWanted';

/** `total`: how many there are; the answer may hold only the first of them (worker/pageAnswer.ts). */
export function Degradations({ items, total = items.length }: { items: Degradation[]; total?: number }) {
  const { shown: count, more } = useMoreRows(total, 'degradations');
  useRowsWanted('degradations', count, items.length);
  return (
    <>
    <ul className="rp-list" data-testid="degradations">
      {items.slice(0, count).map((d) => (
        <li key={d.link} className={`rp-row${d.inFactRequired ? ' is-spof' : ''}`}>
          <button type="button" className="rp-row-main" onClick={() => revealElements([d.link, d.to])}>
            <span className="rp-row-text">{d.message}</span>
          </button>
        </li>
      ))}
    </ul>
    <RowsLoading shown={count} have={items.length} noun="degradations" />
    {more}
    </>
  );
}
