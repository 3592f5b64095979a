// RPO (the writes that can be lost) and RTO (the time to recover) per data store: the
// figures up front, how they come about underneath.
import type { DataProtection as Entry } from '../../engine/insight';
import { formatSeconds } from '../../store/elementNames';
import { revealElements } from './reveal';

/** "1 s: asynchronous replication ..." -> "asynchronous replication ..." (the figure is shown apart). */
const reason = (text: string) => text.replace(/^[^:"]*:\s*/, '');

export function DataProtection({ stores }: { stores: Entry[] }) {
  if (stores.length === 0) return <div className="rp-empty">No data store in the design.</div>;
  return (
    <ul className="rp-list" data-testid="data-protection">
      {stores.map((d) => (
        <li key={d.id} className="rp-row" data-element-id={d.id} data-rpo-seconds={d.rpoSeconds ?? ''} data-rto-seconds={d.rtoSeconds}>
          <button type="button" className="rp-row-main" onClick={() => revealElements([d.id])}>
            <span className="rp-row-title">
              {d.label}
              <span className={`rp-pill${d.rpoSeconds === null ? ' is-danger' : d.rpoSeconds === 0 ? ' is-ok' : ''}`} title="data that can be lost">
                RPO {d.rpoSeconds === null ? (d.rpoBasis === 'none' ? 'unbounded' : 'not stated') : formatSeconds(d.rpoSeconds)}
              </span>
              <span className={`rp-pill${d.rtoSeconds === 0 ? ' is-ok' : ''}`} title="time to recover">RTO {formatSeconds(d.rtoSeconds)}</span>
            </span>
            <span className="rp-row-text">RPO: {reason(d.rpo)}. RTO: {reason(d.rto)}.</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
