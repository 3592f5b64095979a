// Plain-language findings with the change that removes each; a click selects the
// elements it is about.
import type { Finding } from '../../engine/insight';
import { useState } from 'react';
import { revealElements } from './reveal';

/** A large estate can have hundreds of findings: the first ones, then a button for the rest. */
const FIRST = 12;

export function Findings({ findings }: { findings: Finding[] }) {
  const [all, setAll] = useState(false);
  if (findings.length === 0) return <div className="rp-empty is-ok">No findings: nothing stands out.</div>;
  const shown = all ? findings : findings.slice(0, FIRST);
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
    {shown.length < findings.length && (
      <button type="button" className="rp-link rp-more" onClick={() => setAll(true)}>Show all {findings.length} findings</button>
    )}
    </>
  );
}
