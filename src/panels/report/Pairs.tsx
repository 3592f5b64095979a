// Pairs of failures that still hurt: no SPOF in them, most probable first.
import type { Report } from '../../engine';
import type { Topology } from '../../model';
import { elementName } from '../../store/elementNames';
import { downtimeAYear } from './format';
import { revealElements } from './reveal';

const SHOWN = 8;

export function Pairs({ doc, report }: { doc: Topology; report: Report }) {
  if (report.pairs.length === 0) return <div className="rp-empty">No pair of failures takes a client down.</div>;
  const shown = report.pairs.slice(0, SHOWN);
  return (
    <>
      <ul className="rp-list" data-testid="pair-list">
        {shown.map((p) => (
          <li key={p.ids.join('+')} className="rp-row" data-testid="pair-item" data-element-ids={p.ids.join(' ')}>
            <button type="button" className="rp-row-main" onClick={() => revealElements(p.ids)}>
              <span className="rp-row-title">{elementName(doc, p.ids[0])} + {elementName(doc, p.ids[1])}</span>
              <span className="rp-row-text">both down about {downtimeAYear(p.probability)} a year</span>
            </button>
          </li>
        ))}
      </ul>
      {report.pairs.length > SHOWN && (
        <div className="rp-note">{report.pairs.length - SHOWN} more{report.pairsTruncated ? ` (listed up to ${report.pairCap})` : ''}.</div>
      )}
    </>
  );
}
