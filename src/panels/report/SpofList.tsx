// The single points of failure: what each is (an instance, a zone, a switchover shown
// readably), what it takes down; a click selects and centres it on the canvas. What stops
// besides the clients is said once, in the sentence (the canvas tooltip's words, counted by
// src/engine/spofOthers.ts): a count beside it said "997 others" next to "... and 993 more".
import type { Report } from '../../engine';
import type { Topology } from '../../model';
import { neverServedSentence } from '../../report/format';
import { spofEffect } from '../../store/analysisMarks';
import { elementName } from '../../store/elementNames';
import { useMoreRows } from './MoreRows';
import { revealElements } from './reveal';

const TYPE_WORDS: Record<string, string> = {
  component: 'component', instance: 'instance', domain: 'failure domain', link: 'network link', failover: 'switchover',
};

export function SpofList({ doc, report }: { doc: Topology; report: Report }) {
  const { shown, more } = useMoreRows(report.spofs.length, 'single points of failure');
  if (report.spofs.length === 0) {
    const w = report.whatIf;
    // What-if: only the clients still served can be cut off, and some may be down already.
    const never = w ? '' : neverServedSentence(report, doc);
    const text = never ? `No single point of failure. ${never}`
      : !w ? 'No single point of failure: every element can fail alone and every client is still served.'
      : w.clientsServed.length === 0 ? 'No client is served while these failures last.'
        : 'No further single failure would cut off a client still served.';
    return <div className={`rp-empty${never || (w && w.clientsDown.length > 0) ? '' : ' is-ok'}`} data-testid="spof-list" data-count="0">{text}</div>;
  }
  return (
    <>
    <ul className="rp-list" data-testid="spof-list" data-count={report.spofs.length}>
      {report.spofs.slice(0, shown).map((s) => (
        <li key={s.id} className="rp-row is-spof" data-testid="spof-item" data-element-id={s.id}>
          <button type="button" className="rp-row-main" onClick={() => revealElements([s.id])} title={`Select ${s.id} on the canvas`}>
            <span className="rp-row-title">
              {elementName(doc, s.id)}
              <span className="rp-tag">{TYPE_WORDS[s.type] ?? s.type}</span>
            </span>
            <span className="rp-row-text">{spofEffect(doc, s)}</span>
          </button>
        </li>
      ))}
    </ul>
    {more}
    </>
  );
}
