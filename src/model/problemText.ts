// A problem as a person reads it: the element it is about, by its label and id, before the
// path and the message ("Web server" (web), components[4].availability: must be ...), never
// a raw JSON path alone. Pure: the app and the CLI share it.
import { formatProblem, WARNING_CODES, type Problem } from './issues';

/** The document as far as naming goes (a document that failed validation is still an object). */
interface Named { components?: unknown; domains?: unknown; links?: unknown }

const LIST = /^(components|domains|links)\[(\d+)\]/;

/** `"Label" (id)` of the element a path points into, or undefined. */
export function elementOfPath(doc: Named, path: string): string | undefined {
  const m = LIST.exec(path);
  if (!m) return undefined;
  const list = doc[m[1] as keyof Named];
  const item = Array.isArray(list) ? (list[Number(m[2])] as Record<string, unknown> | undefined) : undefined;
  if (!item || typeof item !== 'object') return undefined;
  const text = (x: unknown) => (typeof x === 'string' && x !== '' ? x : undefined);
  if (m[1] === 'links') {
    const from = text(item.from);
    const to = text(item.to);
    if (!from || !to) return undefined;
    const id = text(item.id) ?? `${from}->${to}`;
    return `the link ${labelIn(doc, from)} → ${labelIn(doc, to)} (${id})`;
  }
  const id = text(item.id);
  if (!id) return undefined;
  const label = text(item.label);
  return label && label !== id ? `"${label}" (${id})` : `"${id}"`;
}

function labelIn(doc: Named, id: string): string {
  for (const key of ['components', 'domains'] as const) {
    const list = doc[key];
    if (!Array.isArray(list)) continue;
    const hit = list.find((x) => x && typeof x === 'object' && (x as { id?: unknown }).id === id) as { label?: unknown } | undefined;
    if (hit) return typeof hit.label === 'string' && hit.label !== '' ? hit.label : id;
  }
  return id;
}

/** A path that is a whole list (`components`): the message speaks of the list itself ("no client component"). */
const WHOLE_LIST = /^(components|domains|links)$/;

/**
 * `"Web server" (web), components[4].availability: must be > 0 and <= 1 (got 1.5)`. A problem
 * of a whole list reads as its message alone: "components: no client component" opened with a raw path.
 */
export function problemText(doc: Named, p: Problem): string {
  if (WHOLE_LIST.test(p.path)) return p.message;
  const element = elementOfPath(doc, p.path);
  return element ? `${element}, ${formatProblem(p)}` : formatProblem(p);
}

/**
 * A warning the app's report says in a card of its own, with its fix: no client (the
 * entry-points card names the entry points and adds a client in one click; with nothing
 * connected, the card says to draw one). Listed beside the card, or in the notice on
 * opening, it would be said twice; the CLI, which has no card, prints it.
 */
export function saidByReportCard(p: Problem): boolean {
  return p.code === WARNING_CODES.noClient;
}

/** The warnings the notice on opening a design lists, as words; those a report card says are left to it. */
export function noticeWarnings(doc: Named, warnings: readonly Problem[]): string[] {
  return warnings.filter((p) => !saidByReportCard(p)).map((p) => problemText(doc, p));
}

/** The document as far as it is an object, to name the elements a problem is about ({} when it is not JSON). */
export function documentOf(text: string): object {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}
