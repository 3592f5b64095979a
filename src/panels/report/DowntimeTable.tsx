// The downtime the availability means, per year, month, week and day, beside what the
// SLO allows (the error budget), like the nines table everyone knows.
import type { AvailabilityFigures, Downtime } from '../../engine';
import { downtimeOf, formatDowntime } from '../../engine/downtime';

const ROWS: { key: keyof Downtime; label: string }[] = [
  { key: 'perYearSeconds', label: 'a year' },
  { key: 'perMonthSeconds', label: 'a month' },
  { key: 'perWeekSeconds', label: 'a week' },
  { key: 'perDaySeconds', label: 'a day' },
];

export function DowntimeTable({ figures, target }: { figures: AvailabilityFigures; target?: number }) {
  const budget = target === undefined ? undefined : downtimeOf(1 - target);
  return (
    <table className="rp-table rp-downtime" data-testid="downtime-table">
      <thead>
        <tr><th>Downtime</th><th>expected</th>{budget && <th>SLO allows</th>}</tr>
      </thead>
      <tbody>
        {ROWS.map((r) => {
          const over = budget !== undefined && figures.downtime[r.key] > budget[r.key];
          return (
            <tr key={r.key} data-period={r.key}>
              <td>{r.label}</td>
              <td className={`rp-num${over ? ' is-danger' : ''}`}>{formatDowntime(figures.downtime[r.key])}</td>
              {budget && <td className="rp-num rp-muted">{formatDowntime(budget[r.key])}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
