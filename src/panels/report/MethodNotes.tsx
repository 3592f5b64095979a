// How the figures were found (exact, or Monte Carlo with its interval) and what they
// assume: elements taken as perfect, and the preset figures with their sources.
import type { Report } from '../../engine';
import { scopeWarnings, unreachedSentence } from '../../engine/scopeWarnings';
import { DOMAIN_PRESETS, KIND_PRESETS, type Topology } from '../../model';
import { elementName } from '../../store/elementNames';
import { formatAvailability, formatTarget } from './format';

/** Kinds whose preset is in use (no availability or MTBF of their own). */
function presetsInUse(doc: Topology): { what: string; availability: number; source: string }[] {
  const out = new Map<string, { what: string; availability: number; source: string }>();
  for (const c of doc.components) {
    if (c.kind === 'client' || c.availability !== undefined || c.mtbfHours !== undefined) continue;
    const p = KIND_PRESETS[c.kind];
    out.set(`c:${c.kind}`, { what: c.kind, availability: p.availability, source: p.source });
  }
  for (const d of doc.domains) {
    if (d.kind === 'group' || d.availability !== undefined || d.mtbfHours !== undefined) continue;
    const p = DOMAIN_PRESETS[d.kind];
    out.set(`d:${d.kind}`, { what: d.kind, availability: p.availability, source: p.source });
  }
  return [...out.values()];
}

/**
 * The report's warnings less what ReportPanel says at the top of the report: the sentence of
 * the entry-points card (with its one-click fix) and the components not part of the figures
 * (the Unreached line, each one a link). Each was said twice, here folded at the bottom too.
 */
function warningsNotShownAbove(doc: Topology, report: Report): string[] {
  if (report.basis === 'unconnected') return report.warnings;
  const scope = { basis: report.basis, clients: [], entryPoints: report.entryPoints, unreached: report.unreached };
  const above = new Set([
    ...(report.basis === 'entry-points' ? scopeWarnings(doc, scope).slice(0, 1) : []),
    ...(report.unreached.length > 0 ? [unreachedSentence(doc, scope)] : []),
  ]);
  return report.warnings.filter((w) => !above.has(w));
}

export function MethodNotes({ doc, report }: { doc: Topology; report: Report }) {
  const presets = presetsInUse(doc);
  const warnings = warningsNotShownAbove(doc, report);
  return (
    <div className="rp-notes" data-testid="method" data-method={report.method}>
      <p>
        {report.method === 'exact'
          ? 'Exact: the structure function compiled to a binary decision diagram; failures assumed independent.'
          : `Monte Carlo estimate (the design is too large for the exact method), 95% interval ${report.interval ? `${formatAvailability(report.interval.low, report.system.nines)} – ${formatAvailability(report.interval.high, report.system.nines)}` : 'not available'}.`}
        {' '}Switchovers to standbys count as failure events of their own (an approximation).
      </p>
      {report.assumptions.length > 0 && (
        <p><b>Taken as never failing:</b> {report.assumptions.map((a) => elementName(doc, a.id)).join(', ')}.</p>
      )}
      {presets.length > 0 && (
        <>
          <p><b>Preset figures in use</b> (set your own in the inspector):</p>
          <ul className="rp-presets">
            {presets.map((p) => <li key={p.what}><b>{p.what}</b> {formatTarget(p.availability)}: {p.source}</li>)}
          </ul>
        </>
      )}
      {warnings.length > 0 && (
        <ul className="rp-warnings">{warnings.map((w) => <li key={w}>{w}</li>)}</ul>
      )}
    </div>
  );
}
