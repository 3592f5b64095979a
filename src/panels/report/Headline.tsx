// The system's availability and nines, the method, and in what-if mode the what-if
// headline: which clients are down, and the availability of those still served (never the
// 0% of a client that is down read as the figure of the whole system).
import type { Report, WhatIfReport } from '../../engine';
import type { Topology } from '../../model';
import { elementNames, labelOf, listWords } from '../../store/elementNames';
import { formatAvailability, formatNines, formatTarget } from './format';

export function Headline({ doc, report, whatIf }: { doc: Topology; report: Report; whatIf: Report | null }) {
  const w = whatIf?.whatIf;
  if (whatIf && w) return <WhatIfHeadline doc={doc} report={report} whatIf={whatIf} w={w} />;
  const sys = report.system;
  const slo = report.system.slo;
  return (
    <div className="rp-headline">
      <div className="rp-figure-row">
        <div className="rp-availability" data-testid="system-availability" data-value={String(sys.availability)} title={`${sys.availability}`}>
          {formatAvailability(sys.availability, sys.nines)}
        </div>
        <div className="rp-nines" data-testid="system-nines" data-value={Number.isFinite(sys.nines) ? String(sys.nines) : 'Infinity'}>
          {report.method === 'monte-carlo' && !Number.isFinite(sys.nines) ? 'no outage sampled' : formatNines(sys.nines)}
        </div>
      </div>
      <div className="rp-subline">
        <span>
          System availability{report.basis === 'entry-points' ? ', from the entry points' : ''}
          {report.clients.length > 1 ? ` (the weakest ${report.basis === 'entry-points' ? 'entry point' : 'client'})` : ''}
        </span>
        {slo && (
          <span className={`rp-pill ${slo.met ? 'is-ok' : 'is-danger'}`}>SLO {formatTarget(slo.target)} {slo.met ? 'met' : 'not met'}</span>
        )}
        <MethodPill method={report.method} />
      </div>
      {report.interval && (
        <div className="rp-interval">
          95% interval {formatAvailability(report.interval.low, sys.nines)} – {formatAvailability(report.interval.high, sys.nines)}
        </div>
      )}
    </div>
  );
}

function MethodPill({ method }: { method: Report['method'] }) {
  return (
    <span className="rp-pill" title={method === 'exact' ? 'computed exactly (binary decision diagram)' : 'estimated by Monte Carlo sampling'}>
      {method === 'exact' ? 'exact' : 'Monte Carlo'}
    </span>
  );
}

function WhatIfHeadline({ doc, report, whatIf, w }: { doc: Topology; report: Report; whatIf: Report; w: WhatIfReport }) {
  const served = w.weakestServed;
  const names = (ids: readonly string[]) => listWords(ids.map((id) => labelOf(doc, id)));
  const downWords = w.clientsDown.length === 0 ? '' : `Cut off: ${names(w.clientsDown)}`;
  // What the figure stands for: the clients still served (the weakest of them).
  const figureWords = !served ? 'No client is served while these failures last'
    : w.clientsServed.length === 1 ? `${labelOf(doc, served.id)}, still served`
      : `${w.clientsDown.length === 0 ? 'Every client still served' : `${names(w.clientsServed)}, still served`}; the weakest, ${labelOf(doc, served.id)}`;
  const before = served ? report.clients.find((c) => c.id === served.id) : undefined;
  const interval = served && whatIf.method === 'monte-carlo' ? whatIf.clients.find((c) => c.id === served.id)?.interval : undefined;
  // What stops serving besides what was failed by hand and the clients cut off (as the summary lists it).
  const stopped = w.down.filter((id) => !w.clientsDown.includes(id) && !w.failed.includes(id)).length;
  return (
    <div className="rp-headline is-what-if" data-testid="what-if-headline">
      <div className="rp-what-if-label">What-if: {elementNames(doc, w.failed).join(', ')} failed</div>
      {downWords && <div className="rp-what-if-down" data-testid="what-if-down">{downWords}</div>}
      <div className="rp-figure-row">
        <div className="rp-availability" data-testid="system-availability" data-value={String(served ? served.availability : 0)}
          data-what-if="true" data-client={served?.id} title={served ? `${served.availability}` : 'every client is down'}>
          {served ? formatAvailability(served.availability, served.nines) : 'All clients down'}
        </div>
        {served && (
          <div className="rp-nines" data-testid="system-nines" data-value={Number.isFinite(served.nines) ? String(served.nines) : 'Infinity'}>
            {whatIf.method === 'monte-carlo' && !Number.isFinite(served.nines) ? 'no outage sampled' : formatNines(served.nines)}
          </div>
        )}
      </div>
      <div className="rp-subline">
        <span>{figureWords}</span>
        <MethodPill method={whatIf.method} />
      </div>
      {interval && (
        <div className="rp-interval">
          95% interval {formatAvailability(interval.low, served!.nines)} – {formatAvailability(interval.high, served!.nines)}
        </div>
      )}
      <div className="rp-subline" data-testid="what-if-before">
        {/* The same client without the failures: the design's figure is its weakest client, maybe another one (it read as if the failure raised the figure). */}
        {before ? <span>{labelOf(doc, before.id)} without failures: <b>{formatAvailability(before.availability, before.nines)}</b></span>
          : <span>Design without failures: <b>{formatAvailability(report.system.availability, report.system.nines)}</b></span>}
      </div>
      <div className="rp-clients-served" data-testid="what-if-clients">
        {[...w.clientsServed.map((id) => ({ id, ok: true })), ...w.clientsDown.map((id) => ({ id, ok: false }))].map(({ id, ok }) => (
          <span key={id} className={`rp-pill ${ok ? 'is-ok' : 'is-danger'}`} data-client={id} data-served={ok ? 'true' : 'false'}>
            {labelOf(doc, id)}: {ok ? 'served' : 'down'}
          </span>
        ))}
        <span className="rp-muted" data-testid="what-if-stopped" data-count={stopped}>
          {stopped === 0 ? 'no other component stops serving' : `${stopped} ${stopped === 1 ? 'component' : 'components'} can no longer serve`}
        </span>
      </div>
      {whatIf.spofs.length > 0 && w.clientsServed.length > 0 && (
        <div className="rp-row-text rp-one-more" data-testid="what-if-spofs">
          {w.clientsDown.length === 0 ? 'Now one failure away from an outage' : `One more failure would also cut off ${names(w.clientsServed)}`}:{' '}
          {listWords(elementNames(doc, whatIf.spofs.map((s) => s.id)), 6)}.
        </div>
      )}
    </div>
  );
}
