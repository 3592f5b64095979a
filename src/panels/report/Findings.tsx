// Plain-language findings with the change that removes each; a click selects the
// elements it is about.
import type { Finding } from '../../engine/insight';
import { revealElements } from './reveal';

export function Findings({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return <div className="rp-empty is-ok">No findings: nothing stands out.</div>;
  return (
    <ul className="rp-list" data-testid="finding-list">
      {findings.map((f, i) => (
        <li key={`${f.code}-${i}`} className={`rp-finding is-${f.severity}`} data-testid="finding-item" data-code={f.code}>
          <button type="button" className="rp-row-main" onClick={() => revealElements(f.ids)} disabled={f.ids.length === 0}>
            <span className="rp-finding-head"><span className={`rp-severity is-${f.severity}`}>{f.severity}</span>{f.message}</span>
            <span className="rp-suggestion">{f.suggestion}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
