// From the engine's report to what the canvas draws: which nodes and links carry the
// SPOF mark, which the lighter pair mark, what their tooltips say, and in what-if mode
// what is down and which clients are still served. Pure (no React), unit-tested.
import type { Report, SpofReport } from '../engine';
import { linkElementId, linkType, type Topology } from '../model';
import { elementName, implicitClientTarget, labelOf, listWords } from './elementNames';
import { linkKey } from './ids';
import { othersDown, othersDownCount, othersDownWords } from '../engine/spofOthers';
export { othersDown, othersDownCount };

export interface CanvasMarks {
  /** Node ids and link keys marked as single points of failure. */
  spofIds: Set<string>;
  /** Node ids and link keys in a pair of failures that hurts (and not SPOFs themselves). */
  pairIds: Set<string>;
  /** Tooltip per marked node or link: what its failure takes down. */
  notes: NoteMap & { delete(id: string): void };
}

/**
 * The node or link that draws an element: a component is its node; an instance `id#i`
 * and a failover event `failover:id` mark their component (the pool, the standby);
 * a domain is its container; a link its edge.
 */
export function canvasIdOf(t: Topology, elementId: string): string | undefined {
  const index = indexOf(t);
  if (index.nodes.has(elementId)) return elementId;
  const stripped = elementId.replace(/^failover:/, '').replace(/#\d+$/, '');
  if (index.nodes.has(stripped)) return stripped;
  return linksOf(t, index, elementId)?.get(elementId);
}

interface CanvasIndex {
  nodes: Set<string>;
  /** Link keys by element id: made when a link's id is first asked for (linksOf). */
  links: Map<string, string> | null;
  /** The links' own ids: a link without one is `from->to`. */
  linkIds: Set<string>;
}

// Documents are immutable: one index per document keeps marking a large report linear.
const indexes = new WeakMap<Topology, CanvasIndex>();

function indexOf(t: Topology): CanvasIndex {
  let index = indexes.get(t);
  if (!index) {
    const nodes = new Set<string>();
    for (const c of t.components) nodes.add(c.id);
    for (const d of t.domains) nodes.add(d.id);
    const linkIds = new Set<string>();
    for (const l of t.links) if (l.id !== undefined) linkIds.add(l.id);
    index = { nodes, links: null, linkIds };
    indexes.set(t, index);
  }
  return index;
}

/**
 * The links by element id, when `id` can be one. Made for every analysis of the estate's
 * 100,000 links (two built strings each) it was 1.4 s of the page's task when the answer came
 * (load 7), for SPOFs and pairs that were components and instances.
 */
function linksOf(t: Topology, index: CanvasIndex, id: string): Map<string, string> | null {
  if (!index.linkIds.has(id) && !id.includes('->')) return null;
  if (!index.links) {
    index.links = new Map();
    for (const l of t.links) if (l.type !== 'replication') index.links.set(linkElementId(l), linkKey(l));
  }
  return index.links;
}

/**
 * What one SPOF's failure does: "Cuts off Users; DNS and Web 1 can no longer serve Users."
 * Those others do not fail: they lose what they need, and stop serving. Each is said to
 * serve only the clients whose path reaches it: a worker nothing calls served no one, and
 * an admin tool served the admins, not the shoppers.
 */
export function spofEffect(t: Topology, s: SpofReport): string {
  // The canvas's tooltip and the report's list say it for the same report object.
  const known = effects.get(s);
  if (known?.t === t) return known.text;
  const text = effectOf(t, s);
  effects.set(s, { t, text });
  return text;
}

const effects = new WeakMap<SpofReport, { t: Topology; text: string }>();

/**
 * Past this many others a sentence counts them and names a few, as an SRE would say it ("cuts
 * off Users; 4,999 others that need it stop serving: c0, c1 ..."), instead of grouping them by
 * the clients each served: twenty grouped names and "4,979 more" read as a list, not a sentence,
 * and every other of a 20,000-long chain checked against 200 clients held the page for minutes.
 */
const GROUPED_OTHERS = 10;

function effectOf(t: Topology, s: SpofReport): string {
  const names = (ids: readonly string[], total = ids.length) => listWords(ids.slice(0, NAMES_SHOWN).map((id) => labelOf(t, id)), NAMES_SHOWN, total);
  const clients = names(s.clients);
  const total = othersDownCount(s);
  if (total > GROUPED_OTHERS) return `Cuts off ${clients}; ${othersDownWords(s)}: ${names(othersDown(s, NAMES_SHOWN), total)}.`;
  // Others grouped by the clients they served, in the order they come.
  const groups = new Map<string, { served: string[]; ids: string[] }>();
  for (const id of othersDown(s)) {
    const served = servedBy(t, s.clients, id);
    const key = served.join('\u0000');
    if (!groups.has(key)) groups.set(key, { served, ids: [] });
    groups.get(key)!.ids.push(id);
  }
  const clauses = [...groups.values()].map(({ served, ids }) => {
    if (served.length > 0) return `${names(ids)} can no longer serve ${names(served)}`;
    return `${names(ids)} ${ids.length === 1 ? 'stops' : 'stop'} too`;
  });
  return `Cuts off ${clients}${clauses.map((c) => `; ${c}`).join('')}.`;
}

// The SPOFs of one chain share one list of clients (engine/analyze.ts), and name the same first others.
const served = new WeakMap<Topology, WeakMap<readonly string[], Map<string, string[]>>>();

/** The clients of `clients` whose path reaches `id`. */
function servedBy(t: Topology, clients: readonly string[], id: string): string[] {
  let byList = served.get(t);
  if (!byList) served.set(t, (byList = new WeakMap()));
  let byId = byList.get(clients);
  if (!byId) byList.set(clients, (byId = new Map()));
  let list = byId.get(id);
  if (!list) byId.set(id, (list = clients.filter((c) => reaches(t, c, id))));
  return list;
}

/** listWords' default: names shown before "and N more". */
const NAMES_SHOWN = 5;

/** The dependency links as arrays of indices, and what each set of first steps reaches. */
interface ReachIndex {
  index: Map<string, number>;
  /** Node i's next nodes are next[first[i]] to next[first[i + 1]]. */
  first: Int32Array;
  next: Int32Array;
  /** What is reached from a set of first steps (its key): a 20,000-long chain's 200 clients all call its head. */
  bySteps: Map<string, Uint8Array>;
  byClient: Map<string, { start: number; reached: Uint8Array }>;
}

// Documents are immutable: the dependency links are read once per document, and what each
// client reaches once per distinct set of first steps. Each client's reach was a Set of
// names, walked again for each of the 200 clients of the 20,000-long chain: 1.8 s of the
// page's task when its answer came (load 5).
const reachIndexes = new WeakMap<Topology, ReachIndex>();

function reachIndexOf(t: Topology): ReachIndex {
  let r = reachIndexes.get(t);
  if (r) return r;
  const index = new Map<string, number>();
  const at = (id: string) => {
    let i = index.get(id);
    if (i === undefined) index.set(id, (i = index.size));
    return i;
  };
  for (const c of t.components) at(c.id);
  const deps = t.links.filter((l) => linkType(l) === 'dependency');
  const from = deps.map((l) => at(l.from));
  const to = deps.map((l) => at(l.to));
  const first = new Int32Array(index.size + 1);
  for (const f of from) first[f + 1]++;
  for (let i = 0; i < index.size; i++) first[i + 1] += first[i];
  const fill = first.slice(0, index.size);
  const next = new Int32Array(deps.length);
  for (let k = 0; k < deps.length; k++) next[fill[from[k]]++] = to[k];
  r = { index, first, next, bySteps: new Map(), byClient: new Map() };
  reachIndexes.set(t, r);
  return r;
}

/** Whether a client's path reaches `id` along dependency links (optional ones too: they serve it, degraded); an implicit client starts at its entry point. */
function reaches(t: Topology, client: string, id: string): boolean {
  const r = reachIndexOf(t);
  let mine = r.byClient.get(client);
  if (!mine) {
    const entry = implicitClientTarget(client);
    const own = r.index.get(client);
    const hasSteps = own !== undefined && r.first[own + 1] > r.first[own];
    const startId = entry !== undefined && !hasSteps ? entry : client;
    const start = r.index.get(startId) ?? -1;
    const steps = start < 0 ? [] : [...r.next.subarray(r.first[start], r.first[start + 1])].sort((a, b) => a - b);
    const key = steps.join(' ');
    let reached = r.bySteps.get(key);
    if (!reached) r.bySteps.set(key, (reached = reachedFrom(r, steps)));
    mine = { start, reached };
    r.byClient.set(client, mine);
  }
  const i = r.index.get(id);
  return i !== undefined && (i === mine.start || mine.reached[i] === 1);
}

function reachedFrom(r: ReachIndex, steps: number[]): Uint8Array {
  const reached = new Uint8Array(r.index.size);
  const stack = [...steps];
  for (const s of steps) reached[s] = 1;
  while (stack.length > 0) {
    const n = stack.pop()!;
    for (let k = r.first[n]; k < r.first[n + 1]; k++) {
      const to = r.next[k];
      if (reached[to]) continue;
      reached[to] = 1;
      stack.push(to);
    }
  }
  return reached;
}

/** What one SPOF's failure does, in a sentence naming it. */
export function spofSentence(t: Topology, s: SpofReport): string {
  const effect = spofEffect(t, s);
  return `If ${elementName(t, s.id)} fails, it ${effect.charAt(0).toLowerCase()}${effect.slice(1)}`;
}

export function marksOf(t: Topology, report: Report): CanvasMarks {
  const spofIds = new Set<string>();
  const pairIds = new Set<string>();
  const notes = new Notes(t);
  for (const s of report.spofs) {
    const id = canvasIdOf(t, s.id);
    if (id === undefined) continue;
    spofIds.add(id);
    notes.add(id, s);
  }
  for (const p of report.pairs) {
    const ids = p.ids.map((e) => canvasIdOf(t, e));
    ids.forEach((id, i) => {
      if (id === undefined || spofIds.has(id)) return;
      pairIds.add(id);
      notes.add(id, p.ids[1 - i]);
    });
  }
  notes.spofIds = spofIds;
  return { spofIds, pairIds, notes };
}

/** A tooltip per marked node or link; only those read are written. */
export interface NoteMap {
  get(id: string): string | undefined;
}

/**
 * The tooltips, each written when first read: the canvas draws only what is on screen, and
 * writing all of them held the page for most of a second per analysis at 10,000 SPOFs.
 */
class Notes implements NoteMap {
  spofIds: ReadonlySet<string> = new Set();
  /** Per node: the SPOFs drawn by it, and the elements it fails together with. */
  private readonly sources = new Map<string, (SpofReport | string)[]>();
  private readonly written = new Map<string, string>();

  constructor(private readonly t: Topology) {}

  add(id: string, source: SpofReport | string): void {
    const list = this.sources.get(id);
    if (list) list.push(source);
    else this.sources.set(id, [source]);
  }

  delete(id: string): void {
    this.sources.delete(id);
    this.written.delete(id);
  }

  get(id: string): string | undefined {
    const known = this.written.get(id);
    if (known !== undefined) return known;
    const sources = this.sources.get(id);
    if (!sources) return undefined;
    // A SPOF's sentence names it, so no two are alike; pairs with the same other element are said once.
    const spofs = sources.filter((x): x is SpofReport => typeof x !== 'string');
    const pairs = [...new Set(sources.filter((x): x is string => typeof x === 'string').map((other) => `Fails the system together with ${elementName(this.t, other)}.`))];
    const count = spofs.length + pairs.length;
    // Long lists would make a tooltip a page: keep the first few.
    const shown = count > 4 ? 4 : count;
    const lines = [...spofs.slice(0, shown).map((x) => spofSentence(this.t, x)), ...pairs].slice(0, shown);
    if (count > shown) lines.push(`… and ${count - shown} more.`);
    const head = this.spofIds.has(id) ? 'Single point of failure.' : 'Part of a pair of failures that still hurts.';
    const note = [head, ...lines].join('\n');
    this.written.set(id, note);
    return note;
  }
}

/**
 * The marks the canvas shows: the design's SPOFs and pairs; in what-if mode the what-if
 * report's (the elements that would now also fail a client still served), and never a
 * mark on an element that is failed or down already.
 */
export function shownMarksOf(t: Topology, report: Report, whatIf: Report | null): CanvasMarks {
  const w = whatIf?.whatIf;
  if (!whatIf || !w) return marksOf(t, report);
  const marks = marksOf(t, whatIf);
  const gone = new Set<string>([...w.down]);
  for (const id of w.failed) {
    const c = canvasIdOf(t, id);
    // One failed instance leaves its pool up: only a whole failed element loses its marks.
    if (c !== undefined && !/#\d+$/.test(id)) gone.add(c);
  }
  for (const id of gone) {
    marks.spofIds.delete(id);
    marks.pairIds.delete(id);
    marks.notes.delete(id);
  }
  return marks;
}

export interface WhatIfMarks {
  /** Components down because of the forced failures (the failed ones included). */
  down: Set<string>;
  /** Clients still served. */
  served: Set<string>;
  /** Clients that lost service. */
  clientsDown: Set<string>;
}

export function whatIfMarksOf(whatIf: Report | null): WhatIfMarks {
  const w = whatIf?.whatIf;
  return {
    down: new Set(w?.down ?? []),
    served: new Set(w?.clientsServed ?? []),
    clientsDown: new Set(w?.clientsDown ?? []),
  };
}

/**
 * The what-if failures the engine can take: element ids, components (a pool's id fails
 * all its instances), domains that can fail, dependency links. Ids that no longer exist
 * (the element was deleted) or cannot fail (a group, a replication link) are dropped.
 */
export function failableIds(t: Topology, failed: Iterable<string>): string[] {
  const ok = new Set<string>([
    ...t.components.map((c) => c.id),
    ...t.domains.filter((d) => d.kind !== 'group').map((d) => d.id),
    ...t.links.filter((l) => l.type !== 'replication' && !l.optional).map((l) => linkElementId(l)),
  ]);
  const out: string[] = [];
  for (const id of failed) {
    const instance = /^(.*)#(\d+)$/.exec(id);
    const c = instance ? t.components.find((x) => x.id === instance[1]) : undefined;
    if (ok.has(id) || (c && Number(instance![2]) <= (c.replicas ?? 1))) out.push(id);
  }
  return out;
}
