// The system's availability and nines, the method, and in what-if mode the degraded
// figure with the clients still served.
import type { Report } from '../../engine';
import type { Topology } from '../../model';
import { elementNames, labelOf, listWords } from '../../store/elementNames';
import { formatAvailability, formatNines, formatTarget } from './format';

export function Headline({ doc, report, whatIf }: { doc: Topology; report: Report; whatIf: Report | null }) {
  const shown = whatIf ?? report;
  const sys = shown.system;
  const slo = report.system.slo;
  const w = whatIf?.whatIf;
  return (
    <div className={`rp-headline${w ? ' is-what-if' : ''}`}>
      {w && (
        <div className="rp-what-if-label">
          What-if: {elementNames(doc, w.failed).join(', ')} failed
        </div>
      )}
      <div className="rp-figure-row">
        <div className="rp-availability" data-testid="system-availability" data-value={String(sys.availability)}
          data-what-if={w ? 'true' : undefined} title={`${sys.availability}`}>
          {formatAvailability(sys.availability, sys.nines)}
        </div>
        <div className="rp-nines" data-testid="system-nines" data-value={Number.isFinite(sys.nines) ? String(sys.nines) : 'Infinity'}>
          {shown.method === 'monte-carlo' && !Number.isFinite(sys.nines) ? 'no outage sampled' : formatNines(sys.nines)}
        </div>
      </div>
      <div className="rp-subline">
        {w ? (
          <span>Design without failures: <b>{formatAvailability(report.system.availability, report.system.nines)}</b></span>
        ) : (
          <span>
            System availability{report.basis === 'entry-points' ? ', from the entry points' : ''}
            {report.clients.length > 1 ? ` (the weakest ${report.basis === 'entry-points' ? 'entry point' : 'client'})` : ''}
          </span>
        )}
        {!w && slo && (
          <span className={`rp-pill ${slo.met ? 'is-ok' : 'is-danger'}`}>SLO {formatTarget(slo.target)} {slo.met ? 'met' : 'not met'}</span>
        )}
        <span className="rp-pill" title={report.method === 'exact' ? 'computed exactly (binary decision diagram)' : 'estimated by Monte Carlo sampling'}>
          {shown.method === 'exact' ? 'exact' : 'Monte Carlo'}
        </span>
      </div>
      {shown.interval && (
        <div className="rp-interval">
          95% interval {formatAvailability(shown.interval.low, sys.nines)} – {formatAvailability(shown.interval.high, sys.nines)}
        </div>
      )}
      {w && (
        <div className="rp-clients-served" data-testid="what-if-clients">
          {[...w.clientsServed.map((id) => ({ id, ok: true })), ...w.clientsDown.map((id) => ({ id, ok: false }))].map(({ id, ok }) => (
            <span key={id} className={`rp-pill ${ok ? 'is-ok' : 'is-danger'}`} data-client={id} data-served={ok ? 'true' : 'false'}>
              {labelOf(doc, id)}: {ok ? 'served' : 'down'}
            </span>
          ))}
          <span className="rp-muted">{w.down.filter((id) => !w.clientsDown.includes(id)).length} component(s) down</span>
        </div>
      )}
      {w && whatIf && whatIf.spofs.length > 0 && w.clientsServed.length > 0 && (
        <div className="rp-row-text rp-one-more" data-testid="what-if-spofs">
          Now one failure away from an outage: {listWords(elementNames(doc, whatIf.spofs.map((s) => s.id)), 6)}.
        </div>
      )}
    </div>
  );
}
