// The insight sections of the human `spof analyze` report: stage, SLO, findings,
// data protection and degradations, after the engine's figures.
import type { Insight, SloEntry } from '../engine/insight';
import { textLines } from './io';
import { formatGapPoints, formatMinutes, formatTarget } from '../report/format';

export function humanInsight(i: Insight): string {
  const lines: string[] = [];
  lines.push('', `Redundancy s${i.stage.summary.slice(1)}`, `  Next: ${i.stage.next}`);
  const slos = [...(i.slo.system ? [i.slo.system] : []), ...i.slo.clients];
  if (slos.length > 0) {
    lines.push('', 'SLO');
    for (const s of slos) lines.push(`  ${sloLine(s)}`);
  }
  lines.push('', i.findings.length === 0 ? 'No findings' : `Findings (${i.findings.length})`);
  for (const f of i.findings.slice(0, ROWS)) lines.push(`  [${f.severity}] ${f.message}`, `         ${f.suggestion}`);
  more(lines, i.findings.length);
  if (i.dataProtection.length > 0) {
    lines.push('', 'Data protection (RPO: data that can be lost; RTO: time to recover)');
    for (const d of i.dataProtection) lines.push(`  ${d.id}: RPO ${d.rpo}; RTO ${d.rto}`);
  }
  if (i.degradations.length > 0) {
    lines.push('', 'Degradations (optional dependencies)');
    for (const d of i.degradations.slice(0, ROWS)) lines.push(`  ${d.message}`);
    more(lines, i.degradations.length);
  }
  return textLines(lines);
}

/**
 * Rows of a section before the rest is counted: a chain with 80,000 optional shortcuts had
 * 80,000 findings and as many degradations, and a 20,000-long chain 20,000 SPOFs.
 */
export const ROWS = 50;

export function more(lines: string[], count: number): void {
  if (count > ROWS) lines.push(`  ... and ${(count - ROWS).toLocaleString('en-US')} more (all in --json)`);
}

export function sloLine(s: SloEntry): string {
  const pct = formatTarget;
  const who = s.id === 'system' ? 'system' : s.id;
  if (Number.isNaN(s.availability)) return `${who}: target ${pct(s.target)} NOT met: there is no availability (nothing is connected)`;
  // In the words of the app's SLO card and the shared report: "30 d 10 h", never "43826 min".
  const budget = `error budget ${formatMinutes(s.errorBudgetMinutesPerMonth)} a month, expected downtime ${formatMinutes(s.downtimeMinutesPerMonth)}`;
  return s.met
    ? `${who}: target ${pct(s.target)} met (${budget})`
    : `${who}: target ${pct(s.target)} NOT met: short by ${formatGapPoints(s.gapPercent)} percentage points, ${formatMinutes(s.gapMinutesPerMonth)} a month (${budget})`;
}
