// Plain-language findings with the change that removes each; a click selects the
// elements it is about.
import type { Finding } from '../../engine/insight';
import { useMoreRows } from './MoreRows';
import { revealElements } from './reveal';

/** A large estate can have hundreds of findings: the first ones, then a button for more. */
const FIRST = 12;

export function Findings({ findings }: { findings: Finding[] }) {
  const { shown: count, more } = useMoreRows(findings.length, 'findings', FIRST);
  if (findings.length === 0) return <div className="rp-empty is-ok">No findings: nothing stands out.</div>;
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
    {more}
    </>
  );
}
