// What a reviewer reads of a design diff, worst news first: the verdict, a short table of
// figures before and after, then lists (new SPOFs, clients that lost availability, new
// findings and pairs, then what got better, then the structure). Rendered as Markdown for
// a pull-request comment (diffMarkdown) or as plain text for the terminal.
import { formatDowntime } from '../engine/downtime';
import type { PairReport, SpofReport } from '../engine';
import type { Finding } from '../engine/insight';
import { isLower, type DesignDiff, type FiguresChange, type FiguresPoint, type ListChange } from './diff';
import { formatAvailability, formatMoney, formatPoints, formatRate, signed } from './format';
import { element, joined, type Rich } from './rich';

export interface DiffRow {
  label: string;
  before: string;
  after: string;
  change: string;
}

export interface DiffSection {
  title: string;
  items: Rich[];
  /** How many more there are than the items shown. */
  more: number;
}

export interface DiffView {
  title: string;
  verdict: Rich;
  rows: DiffRow[];
  sections: DiffSection[];
}

/** Lists in a review comment stop here; the JSON output has them all. */
export const LIST_LIMIT = 10;
const SECONDS_PER_YEAR = 365.25 * 86_400;

export function diffView(d: DesignDiff): DiffView {
  const title = d.base.name === d.head.name ? `Design review: ${d.head.name}` : `Design review: ${d.base.name} → ${d.head.name}`;
  return { title, verdict: verdict(d), rows: rows(d), sections: sections(d) };
}

function verdict(d: DesignDiff): Rich {
  const [before, after] = [d.system.before!, d.system.after!];
  const figures = `system availability ${pct(before)} → ${pct(after)} (${points(after.availability - before.availability)})`;
  if (d.regression.regressed) {
    const parts: Rich = [{ strong: 'Regression:' }, ' '];
    const n = d.spofs.added.length;
    if (n > 0) parts.push(`${n} new single point${n === 1 ? '' : 's'} of failure (`, ...joined(d.spofs.added.slice(0, LIST_LIMIT).map((s) => [{ code: s.id }])), n > LIST_LIMIT ? ', ...)' : ')', isLower(after, before) ? '; ' : `; ${figures}.`);
    if (isLower(after, before)) parts.push(`${figures}.`);
    return parts;
  }
  const better = d.spofs.removed.length > 0 ? `; ${d.spofs.removed.length} single point${d.spofs.removed.length === 1 ? '' : 's'} of failure removed` : '';
  return [{ strong: 'No regression:' }, ` no new single point of failure; ${figures}${better}.`];
}

/** Differences below rounding noise (0.003 s a year) are no change. */
function points(delta: number): string {
  return Math.abs(delta) < 1e-13 ? 'no change' : formatPoints(delta);
}

function pct(p: FiguresPoint): string {
  return formatAvailability(p.availability, p.nines ?? Infinity);
}

function nines(p: FiguresPoint): string {
  return p.nines === null ? 'never down' : p.nines.toFixed(2);
}

function figureRows(label: string, c: FiguresChange): DiffRow[] {
  const { before: a, after: b } = c;
  const show = (p: FiguresPoint | undefined, f: (p: FiguresPoint) => string) => (p ? f(p) : '—');
  const delta = (f: (p: FiguresPoint) => number | undefined, format: (x: number) => string) => {
    const [x, y] = [a && f(a), b && f(b)];
    return x === undefined || y === undefined ? (a ? 'removed' : 'added') : signed(y - x, format);
  };
  const out: DiffRow[] = [
    { label: `${label} availability`, before: show(a, pct), after: show(b, pct), change: a && b ? points(b.availability - a.availability) : a ? 'removed' : 'added' },
    { label: `${label} nines`, before: show(a, nines), after: show(b, nines), change: delta((p) => p.nines ?? undefined, (x) => x.toFixed(2)) },
    { label: `${label} downtime a year`, before: show(a, (p) => formatDowntime(p.downtimePerYearSeconds)), after: show(b, (p) => formatDowntime(p.downtimePerYearSeconds)), change: delta((p) => p.downtimePerYearSeconds, formatDowntime) },
  ];
  if (a?.failuresPerYear !== undefined || b?.failuresPerYear !== undefined) {
    out.push(
      { label: `${label} outages a year`, before: show(a, (p) => opt(p.failuresPerYear, formatRate)), after: show(b, (p) => opt(p.failuresPerYear, formatRate)), change: delta((p) => p.failuresPerYear, formatRate) },
      { label: `${label} mean outage`, before: show(a, (p) => opt(p.meanDownHours, hours)), after: show(b, (p) => opt(p.meanDownHours, hours)), change: delta((p) => p.meanDownHours, hours) },
    );
  }
  return out;
}

const opt = (x: number | undefined, f: (x: number) => string) => (x === undefined ? '—' : f(x));
const hours = (h: number) => formatDowntime(h * 3600);

function rows(d: DesignDiff): DiffRow[] {
  const out = figureRows('System', d.system);
  // One client with the system's figures says nothing new; several, or a change of clients, do.
  const clientsMatter = d.clients.length > 1 || d.clients.some((c) => !c.before || !c.after);
  if (clientsMatter) {
    for (const c of d.clients) {
      const [row] = figureRows(c.label === c.id ? c.id : `${c.label} (${c.id})`, c);
      out.push(row);
    }
  }
  const { before: s0, after: s1 } = d.stage;
  out.push({ label: 'Redundancy stage', before: `${s0.level} of 7`, after: `${s1.level} of 7`, change: signed(s1.level - s0.level, String) });
  out.push(count('Single points of failure', d.spofs), count('Pairs of failures', d.pairs), count('Findings', d.findings));
  if (d.cost) out.push(...costRows(d.cost));
  return out;
}

function count<T>(label: string, c: ListChange<T>): DiffRow {
  const [before, after] = [c.unchanged + c.removed.length, c.unchanged + c.added.length];
  return { label, before: String(before), after: String(after), change: signed(after - before, String) };
}

function costRows(c: NonNullable<DesignDiff['cost']>): DiffRow[] {
  const { before: a, after: b } = c;
  const sameCurrency = a && b && a.currency === b.currency;
  const row = (label: string, f: (x: { perMonth: number; downtimePerYear: number }) => number): DiffRow => ({
    label,
    before: a ? formatMoney(f(a), a.currency) : '—',
    after: b ? formatMoney(f(b), b.currency) : '—',
    change: sameCurrency ? signed(f(b) - f(a), (x) => formatMoney(x, b.currency)) : '—',
  });
  return [row('Cost a month', (x) => x.perMonth), row('Expected downtime cost a year', (x) => x.downtimePerYear)];
}

function sections(d: DesignDiff): DiffSection[] {
  const out: DiffSection[] = [];
  const add = (title: string, items: Rich[]) => {
    if (items.length > 0) out.push({ title: `${title} (${items.length})`, items: items.slice(0, LIST_LIMIT), more: Math.max(0, items.length - LIST_LIMIT) });
  };
  add('New single points of failure', d.spofs.added.map(spofItem));
  // With one client the system's figures are that client's: the table says it already.
  const kept = d.clients.length > 1 ? d.clients.filter((c) => c.before && c.after) : [];
  add('Clients with lower availability', kept.filter((c) => isLower(c.after!, c.before!)).map(clientItem));
  add('New findings', d.findings.added.map(findingItem));
  add('New pairs of failures', d.pairs.added.map(pairItem));
  add('Single points of failure removed', d.spofs.removed.map(spofItem));
  add('Clients with higher availability', kept.filter((c) => isLower(c.before!, c.after!)).map(clientItem));
  add('Findings resolved', d.findings.removed.map(findingItem));
  add('Pairs of failures removed', d.pairs.removed.map(pairItem));
  add('Clients added', d.clients.filter((c) => !c.before).map((c) => element(c.id, c.label)));
  add('Clients removed', d.clients.filter((c) => !c.after).map((c) => element(c.id, c.label)));
  const s = d.structure;
  add('Elements added', s.added.map((e) => [...element(e.id, e.label), ` (${e.type})`]));
  add('Elements removed', s.removed.map((e) => [...element(e.id, e.label), ` (${e.type})`]));
  add('Elements changed', s.changed.map((e) => [...element(e.id, e.label), `: ${e.fields.join(', ')}`]));
  add('Renamed (not a change of structure)', s.renamed.map((r) => [{ code: r.id }, ` "${r.before}" → "${r.after}"`]));
  return out;
}

function spofItem(s: SpofReport): Rich {
  return [...element(s.id, s.label), ` (${s.type}): fails `, ...joined(s.clients.map((c) => [{ code: c }]))];
}

function clientItem(c: FiguresChange): Rich {
  return [...element(c.id, c.label), `: ${pct(c.before!)} → ${pct(c.after!)} (${points(c.after!.availability - c.before!.availability)})`];
}

function findingItem(f: Finding): Rich {
  return [{ strong: f.severity }, ' ', { code: f.code }, ` ${f.message}`];
}

function pairItem(p: PairReport): Rich {
  return [{ code: p.ids[0] }, ' + ', { code: p.ids[1] }, `: ${formatDowntime(p.probability * SECONDS_PER_YEAR)} a year together`];
}
