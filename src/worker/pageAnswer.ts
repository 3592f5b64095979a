// What the analysis worker hands the page, and how the page reads it back. The structured
// clone of a whole answer held the page: the 20,000-long chain's was 122 MB (its 100,000
// findings 50, its 80,000 degradations 46, its SPOFs' blast radii 22), 5.4 s of one 9.6 s
// task at load 5, and the 10,000-long chain's 21 MB were 2.8 s of a 3.9 s task. The page
// shows a few rows of each list and names a few of each SPOF's others, so:
// - each SPOF's blast radius goes as indices into one table of names (typed arrays, copied
//   whole), made names again only when a sentence reads it (the rows shown, a tooltip);
// - findings and degradations go as their first ROWS_SENT rows and their count; the page
//   asks the worker for more when the person shows more (rowsOf);
// - what to fix first (`report.importance`, sorted, one row per element) goes as its first
//   ROWS_SENT rows: the report shows six;
// - the per-element figures (`report.elements`), which the page does not show, stay behind.
// Everything else goes as it is: the marks need every SPOF and pair.
import type { Report, SpofReport } from '../engine';
import type { Degradation, Finding } from '../engine/insight';
import type { AnalysisResult } from './engineApi';

/** Rows of each long list sent with an answer (the report shows 12 or 50 first, 50 more a click). */
export const ROWS_SENT = 200;

/** Lists sent in part: their rows are asked for again by answer and position. */
export type PartialList = 'findings' | 'degradations';
export type RowOf<L extends PartialList> = L extends 'findings' ? Finding : Degradation;

/** Every SPOF's `down`, one after the other, as indices into `names`. */
interface PackedSpofs {
  spofs: Omit<SpofReport, 'down'>[];
  names: string[];
  /** spofs[i]'s names are items[offsets[i]] to items[offsets[i + 1]]. */
  offsets: Int32Array;
  items: Int32Array;
}

type PackedReport = Omit<Report, 'spofs' | 'elements'> & { spofs: PackedSpofs };

/** The wire form of an answer (AnalysisClient.run reads it back with unpackAnswer). */
export type PackedAnswer =
  | (Omit<AnalysisResult, 'report' | 'whatIf' | 'partial'> & { report: PackedReport; whatIf: PackedReport | null; answer: string; totals: Record<PartialList, number> })
  | { ok: false; errors: AnalysisResult['warnings']; warnings: AnalysisResult['warnings'] };

/** The worker's side: `answer` names the analysis whose further rows rowsOf gives. */
export function packAnswer(result: AnalysisResult | Extract<PackedAnswer, { ok: false }>, answer: string): PackedAnswer {
  if (!result.ok) return result;
  const { findings, degradations } = result.insight;
  return {
    ok: true,
    answer,
    report: packReport(result.report),
    whatIf: result.whatIf && packReport(result.whatIf),
    insight: { ...result.insight, findings: findings.slice(0, ROWS_SENT), degradations: degradations.slice(0, ROWS_SENT) },
    totals: { findings: findings.length, degradations: degradations.length },
    warnings: result.warnings,
    elapsedMs: result.elapsedMs,
  };
}

function packReport(r: Report): PackedReport {
  const { elements: _elements, spofs, importance, ...rest } = r;
  const index = new Map<string, number>();
  const names: string[] = [];
  let total = 0;
  for (const s of spofs) total += s.down.length;
  const offsets = new Int32Array(spofs.length + 1);
  const items = new Int32Array(total);
  let at = 0;
  const bare = spofs.map((s, i) => {
    for (const id of s.down) {
      let k = index.get(id);
      if (k === undefined) index.set(id, (k = names.push(id) - 1));
      items[at++] = k;
    }
    offsets[i + 1] = at;
    const { down: _down, ...b } = s;
    return b;
  });
  return { ...rest, importance: importance.slice(0, ROWS_SENT), spofs: { spofs: bare, names, offsets, items } };
}

/** The page's side: the answer as the report panel and the canvas read it. */
export function unpackAnswer(p: PackedAnswer): AnalysisResult | Extract<PackedAnswer, { ok: false }> {
  if (!p.ok) return p;
  return {
    ok: true,
    report: unpackReport(p.report),
    whatIf: p.whatIf && unpackReport(p.whatIf),
    insight: p.insight,
    warnings: p.warnings,
    elapsedMs: p.elapsedMs,
    partial: { answer: p.answer, ...p.totals },
  };
}

function unpackReport(r: PackedReport): Report {
  const { spofs: packed, ...rest } = r;
  const { names, offsets, items } = packed;
  const spofs = packed.spofs.map((s, i) => {
    const spof = s as SpofReport;
    // Made names on first reading, then kept: most SPOFs of a long chain are never read.
    Object.defineProperty(spof, 'down', {
      configurable: true,
      enumerable: true,
      get() {
        const down = Array.from(items.subarray(offsets[i], offsets[i + 1]), (k) => names[k]);
        Object.defineProperty(spof, 'down', { value: down, enumerable: true, writable: true });
        return down;
      },
    });
    return spof;
  });
  return { ...rest, elements: [], spofs };
}
