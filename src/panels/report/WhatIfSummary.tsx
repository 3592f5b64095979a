// What-if mode in place of the downtime table: each client served (with its availability
// and downtime while the failures last) or down, and what can no longer serve.
import type { Report, WhatIfReport } from '../../engine';
import { formatDowntime } from '../../engine/downtime';
import type { Topology } from '../../model';
import { labelOf, listWords } from '../../store/elementNames';
import { formatAvailability } from './format';

export function WhatIfSummary({ doc, whatIf, w }: { doc: Topology; whatIf: Report; w: WhatIfReport }) {
  const down = new Set(w.clientsDown);
  const failed = new Set(w.failed);
  const stopped = w.down.filter((id) => !down.has(id) && !failed.has(id));
  return (
    <div className="rp-what-if-summary" data-testid="what-if-summary">
      <table className="rp-table">
        <thead>
          <tr><th>Client</th><th>while these failures last</th></tr>
        </thead>
        <tbody>
          {whatIf.clients.map((c) => (
            <tr key={c.id} data-client={c.id} data-served={down.has(c.id) ? 'false' : 'true'}>
              <td>{labelOf(doc, c.id)}</td>
              {down.has(c.id)
                ? <td className="rp-num is-danger">down</td>
                : <td className="rp-num">{formatAvailability(c.availability, c.nines)} · {formatDowntime(c.downtime.perYearSeconds)} a year</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {stopped.length > 0 && (
        <div className="rp-outages" data-testid="what-if-stopped-list">
          Can no longer serve: {listWords(stopped.map((id) => labelOf(doc, id)), 8)}.
        </div>
      )}
    </div>
  );
}
