// The single points of failure: what each is (an instance, a zone, a switchover shown
// readably), what it takes down; a click selects and centres it on the canvas.
import type { Report } from '../../engine';
import type { Topology } from '../../model';
import { othersDownCount, spofEffect } from '../../store/analysisMarks';
import { elementName } from '../../store/elementNames';
import { revealElements } from './reveal';

const TYPE_WORDS: Record<string, string> = {
  component: 'component', instance: 'instance', domain: 'failure domain', link: 'network link', failover: 'switchover',
};

/** "3 others stop serving": besides the failed element and the clients cut off (counting them read "DNS: 2 stop serving" for a DNS that cuts off Users alone). */
function OthersSide({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <span className="rp-row-side" title="components that need it and can no longer serve, besides it and the clients it cuts off">
      {count.toLocaleString('en-US')} other{count === 1 ? '' : 's'} stop{count === 1 ? 's' : ''} serving
    </span>
  );
}

export function SpofList({ doc, report }: { doc: Topology; report: Report }) {
  if (report.spofs.length === 0) {
    const w = report.whatIf;
    // What-if: only the clients still served can be cut off, and some may be down already.
    const text = !w ? 'No single point of failure: every element can fail alone and every client is still served.'
      : w.clientsServed.length === 0 ? 'No client is served while these failures last.'
        : 'No further single failure would cut off a client still served.';
    return <div className={`rp-empty${w && w.clientsDown.length > 0 ? '' : ' is-ok'}`} data-testid="spof-list" data-count="0">{text}</div>;
  }
  return (
    <ul className="rp-list" data-testid="spof-list" data-count={report.spofs.length}>
      {report.spofs.map((s) => (
        <li key={s.id} className="rp-row is-spof" data-testid="spof-item" data-element-id={s.id}>
          <button type="button" className="rp-row-main" onClick={() => revealElements([s.id])} title={`Select ${s.id} on the canvas`}>
            <span className="rp-row-title">
              {elementName(doc, s.id)}
              <span className="rp-tag">{TYPE_WORDS[s.type] ?? s.type}</span>
            </span>
            <span className="rp-row-text">{spofEffect(doc, s)}</span>
          </button>
          <OthersSide count={othersDownCount(s)} />
        </li>
      ))}
    </ul>
  );
}
