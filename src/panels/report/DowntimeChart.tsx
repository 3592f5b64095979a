// The simulated years (DESIGN section 3, "Simulation"): the distribution of downtime in a
// year (or a month) with the error budget marked, and the chance of overrunning it, with a
// text summary beside it that says the same for those who do not see the chart. The chart
// is drawn by uPlot (a small canvas charting library), loaded the first time it is shown.
import { useEffect, useRef, useState } from 'react';
import { formatDowntime } from '../../engine/downtime';
import type { SimulationReport } from '../../engine/simulate';
import { useAnalysis } from '../../store/analysis';
import type { DowntimeHistogram } from '../../worker/engineApi';

type Period = 'year' | 'month';

const hours = (h: number) => formatDowntime(h * 3600);
const percent = (x: number) => (x === 0 ? '0%' : x < 0.001 ? '< 0.1%' : `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`);

/** The words beside the chart: what a person would read off it. */
export function simulationSummary(r: SimulationReport, period: Period): string {
  const f = r.system;
  const d = period === 'year' ? f.downtimePerYear : f.downtimePerMonth;
  const per = period === 'year' ? 'year' : 'month';
  const parts = [
    `In ${r.years.toLocaleString('en-US')} simulated years${r.stoppedEarly ? ` (of ${r.requestedYears.toLocaleString('en-US')}: the time allowed ran out)` : ''}, a ${per} had ${hours(d.meanHours)} of downtime on average`,
    `half the ${per}s ${hours(d.p50Hours)} or less, one in ten more than ${hours(d.p90Hours)}, one in a hundred more than ${hours(d.p99Hours)}, the worst ${hours(d.maxHours)}.`,
  ];
  let text = parts.join('; ');
  if (f.budgetOverrun) {
    const b = f.budgetOverrun;
    text += ` The error budget (${hours(period === 'year' ? b.yearBudgetHours : b.monthBudgetHours)} a ${per}) is overrun in ${percent(period === 'year' ? b.year : b.month)} of ${per}s.`;
  }
  text += f.exact.agrees
    ? ' The simulated mean agrees with the exact figure.'
    : ` The simulated mean is outside its 95% interval of the exact figure (${hours(f.exact.meanHours)} a year): one run in twenty does so by chance.`;
  return text;
}

export function DowntimeChartSection() {
  const simulation = useAnalysis((s) => s.simulation);
  const [period, setPeriod] = useState<Period>('year');
  if (simulation.status === 'none') return null;
  if (simulation.status === 'running') return <div className="rp-note rp-simulating" data-testid="simulation-status" data-state="running">Simulating years of failures and repairs…</div>;
  if (simulation.status === 'error') return <div className="rp-note" data-testid="simulation-status" data-state="error">The simulation stopped: {simulation.error}</div>;
  const { report, histogram, monthHistogram } = simulation.result;
  if (report.system.id === null) return null;
  const overrun = report.system.budgetOverrun;
  const budget = overrun ? (period === 'year' ? overrun.yearBudgetHours : overrun.monthBudgetHours) : undefined;
  const summary = simulationSummary(report, period);
  return (
    <div className="rp-chart" data-testid="downtime-chart" data-years={report.years} data-period={period}
      data-mean-hours={String(report.system.downtimePerYear.meanHours)}
      data-overrun-year={overrun ? String(overrun.year) : undefined} data-overrun-month={overrun ? String(overrun.month) : undefined}
      data-agrees={String(report.system.exact.agrees)}>
      <div className="rp-chart-head">
        <span>Downtime in a simulated {period}</span>
        <span className="rp-chart-periods" role="group" aria-label="Period">
          {(['year', 'month'] as const).map((p) => (
            <button key={p} type="button" className={p === period ? 'is-on' : ''} aria-pressed={p === period} onClick={() => setPeriod(p)}>{p}</button>
          ))}
        </span>
      </div>
      <HistogramCanvas histogram={period === 'year' ? histogram : monthHistogram} budgetHours={budget} label={summary} />
      {overrun && (
        <div className="rp-chart-overrun" data-testid="budget-overrun">
          Chance of overrunning the error budget: <b>{percent(overrun.year)}</b> a year, <b>{percent(overrun.month)}</b> a month
        </div>
      )}
      <p className="rp-chart-summary" data-testid="downtime-chart-summary">{summary}</p>
    </div>
  );
}

/** The bars, drawn by uPlot once it has loaded; the canvas is an image whose description is the summary. */
function HistogramCanvas({ histogram, budgetHours, label }: { histogram: DowntimeHistogram; budgetHours?: number; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');
  useEffect(() => {
    let disposed = false;
    let chart: { destroy(): void } | null = null;
    import('./histogramChart')
      .then(({ drawHistogram }) => {
        if (disposed || !host.current) return;
        chart = drawHistogram(host.current, histogram, budgetHours);
        setState('drawn');
      })
      .catch(() => !disposed && setState('failed'));
    return () => {
      disposed = true;
      chart?.destroy();
    };
  }, [histogram, budgetHours]);
  return <div className="rp-chart-canvas" ref={host} role="img" aria-label={label} data-state={state} />;
}
