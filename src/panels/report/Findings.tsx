// Plain-language findings with the change that removes each; a click selects the
// elements it is about.
import type { Finding } from '../../engine/insight';
import { useMoreRows } from './MoreRows';
import { revealElements } from './reveal';
import { RowsLoading, useRowsWanted } from './rowsWanted';

/** A large estate can have hundreds of findings: the first ones, then a button for more. */
const FIRST = 12;

/** `total`: how many there are; the answer may hold only the first of them (worker/pageAnswer.ts). */
export function Findings({ findings, total = findings.length }: { findings: Finding[]; total?: number }) {
  const { shown: count, more } = useMoreRows(total, 'findings', FIRST);
  useRowsWanted('findings', count, findings.length);
  if (total === 0) return <div className="rp-empty is-ok">No findings: nothing stands out.</div>;
  const shown = findings.slice(0, count);
  return (
    <>
    <ul className="rp-list" data-testid="finding-list">
      {shown.map((f, i) => (
        <li key={`${f.code}-${i}`} className={`rp-finding is-${f.severity}`} data-testid="finding-item" data-code={f.code}>
          <button type="button" className="rp-row-main" onClick={() => revealElements(f.ids)} disabled={f.ids.length === 0}>
            <span className="rp-finding-head"><span className={`rp-severity is-${f.severity}`}>{f.severity}</span>{f.message}</span>
            <span className="rp-suggestion">{f.suggestion}</span>
          </button>
        </li>
      ))}
    </ul>
    <RowsLoading shown={count} have={findings.length} noun="findings" />
    {more}
    </>
  );
}
