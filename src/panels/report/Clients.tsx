// Per-client figures (one entry point or user journey each) with their own targets.
import type { ClientReport, Outages } from '../../engine';
import { outageSummary } from '../../engine/outageWords';
import { formatAvailability, formatNines, formatTarget } from './format';
import { revealElements } from './reveal';

export function Clients({ clients, outages }: { clients: ClientReport[]; outages: Outages['clients'] }) {
  return (
    <ul className="rp-list" data-testid="client-list">
      {clients.map((c, i) => (
        <li key={c.id} className="rp-row" data-testid="client-item" data-element-id={c.id} data-value={String(c.availability)}>
          <button type="button" className="rp-row-main" onClick={() => revealElements([c.id])}>
            <span className="rp-row-title">{c.label}</span>
            <span className="rp-row-text">
              {formatAvailability(c.availability, c.nines)} · {formatNines(c.nines)}
              {c.interval && ` · 95%: ${formatAvailability(c.interval.low, c.nines)} – ${formatAvailability(c.interval.high, c.nines)}`}
            </span>
            {outages[i] && outages[i].failuresPerYear > 0 && (
              <span className="rp-row-text rp-muted" data-testid="client-outages" data-value={String(outages[i].failuresPerYear)}>{outageSummary(outages[i])}</span>
            )}
          </button>
          {c.slo && (
            <span className={`rp-pill ${c.slo.met ? 'is-ok' : 'is-danger'}`} title={`target ${formatTarget(c.slo.target)}`}>
              SLO {formatTarget(c.slo.target)} {c.slo.met ? 'met' : 'missed'}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
