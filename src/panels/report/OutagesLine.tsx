// How often and how long (DESIGN section 3, "Outages over time"): the exact expected number
// of outages a year and the mean outage, under the downtime table (not shown in what-if
// mode, where the what-if summary takes the table's place).
import type { OutageFigures } from '../../engine';
import { formatDowntime } from '../../engine/downtime';
import { ALMOST_ALWAYS_DOWN_WHY, ALMOST_ALWAYS_DOWN_WORDS, almostAlwaysDown, outageCount, upAtATime } from '../../engine/outageWords';

export function OutagesLine({ outages }: { outages: OutageFigures }) {
  const f = outages.failuresPerYear;
  const forGood = !(f > 0) && outages.meanDownHours === Infinity;
  return (
    <div className="rp-outages" data-testid="outages-per-year" data-value={String(f)} data-mean-down-hours={String(outages.meanDownHours)}
      title={`${f} outages a year expected (exact); mean outage ${outages.meanDownHours} h; mean time between outages ${outages.meanUpHours} h`}>
      {forGood ? (
        <span>Down for good</span>
      ) : almostAlwaysDown(outages) ? (
        <>
          <span className="rp-outages-count">{capitalised(ALMOST_ALWAYS_DOWN_WORDS)}</span>
          <span className="rp-muted">: {ALMOST_ALWAYS_DOWN_WHY} · {upAtATime(outages.meanUpHours)}</span>
        </>
      ) : f > 0 ? (
        <>
          <span className="rp-outages-count">{capitalised(outageCount(f))}</span>
          <span className="rp-muted">, {formatDowntime(outages.meanDownHours * 3600)} each on average{Number.isFinite(outages.meanUpHours) ? ` · ${formatDowntime(outages.meanUpHours * 3600)} between outages` : ''}</span>
        </>
      ) : (
        <span>No outage expected</span>
      )}
    </div>
  );
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
