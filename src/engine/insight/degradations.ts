// What each optional dependency's failure degrades (DESIGN section 3, "Degradations").
// An optional link is excluded from availability; here it is reported instead: when its
// target fails, the source keeps working without that feature. If the failure takes the
// source or a client down anyway, the dependency is optional in name only.
import { linkElementId, linkType, type Topology } from '../../model';
import { BLAST_RADIUS_BUDGET, BLAST_RADIUS_KEPT } from '../analyze';
import { addBit, andInto, Closures, has, orInto } from '../closures';
import { Propagator } from '../propagate';
import { structureOf } from '../structure';
import { resolveFailed } from '../whatIf';
import { componentElements, componentMap, dependencyReach, memo, named, namesOf } from './structure';
import type { Degradation } from './types';

export function degradations(t: Topology): Degradation[] {
  // The findings ask too (optional-required): propagate once per document.
  return memo(t, 'degradations', () => compute(t)).list;
}

/** Does the optional link's source go down with its target? (A cut `down` list may not show it.) */
export function sourceGoesDown(t: Topology, d: Degradation): boolean {
  return memo(t, 'degradations', () => compute(t)).sourceDown.has(d);
}

function compute(t: Topology): { list: Degradation[]; sourceDown: Set<Degradation> } {
  const byId = componentMap(t);
  const out: Degradation[] = [];
  const sourceDown = new Set<Degradation>();
  const optional = t.links.filter((l) => linkType(l) === 'dependency' && l.optional);
  if (optional.length === 0) return { list: out, sourceDown };
  // What a target's failure takes down is its closure (engine/closures.ts), one per target: a
  // 20,000-long chain with 80,000 optional shortcuts made 80,000 propagations of 10,000 steps.
  const s = structureOf(t);
  const prop = new Propagator(s);
  const closures = new Closures(s, prop);
  const index = (id: string) => s.componentIndex.get(id)!;
  const base = new Int32Array(closures.words);
  for (const c of prop.baseDown) addBit(base, c);
  const clients = t.components.filter((c) => c.kind === 'client').map((c) => index(c.id));
  // The down lists name the document's components that are not clients.
  const listed = new Int32Array(closures.words);
  for (const c of t.components) {
    if (c.kind === 'client') continue;
    addBit(listed, index(c.id));
  }
  const failing = new Set<string>([...s.elementIndex.keys(), ...s.slots.map((slot) => slot.linkId)]);
  const baseEmpty = prop.baseDown.length === 0;
  const scratch = new Int32Array(closures.words);
  // One record per distinct failure: the shortcuts into one target share it.
  const byFailure = new Map<string, { down: Int32Array; count: number; clientsDown: string[]; served: string[]; degrades: string[]; whole?: string[]; kept?: string[] }>();
  // An optional link whose source needs its target anyway (the source falls with it) never
  // degrades anyone: whatever takes the target down takes the source too. Only the others are read.
  const degraders = new Map<number, { from: number; at: number }[]>();
  const degraderTargets = new Int32Array(closures.words);
  optional.forEach((x, at) => {
    const from = s.componentIndex.get(x.from);
    const to = s.componentIndex.get(x.to);
    if (from === undefined || to === undefined || has(closures.ofComponent(to), from)) return;
    if (!degraders.has(to)) degraders.set(to, []);
    degraders.get(to)!.push({ from, at });
    addBit(degraderTargets, to);
  });
  const reach = dependencyReach(t);
  let names = 0;
  for (const l of optional) {
    const target = byId.get(l.to);
    if (!target) continue;
    // Fail every instance of the target (and the link itself when it can fail).
    const failed = [...componentElements(target), ...(l.availability !== undefined && l.availability < 1 && failing.has(linkElementId(l)) ? [linkElementId(l)] : [])];
    const key = failed.join('\u0000');
    let known = byFailure.get(key);
    if (!known) {
      const forced = resolveFailed(s, failed);
      const fallen = closures.ofFailures(forced.elements, forced.components, forced.slots);
      const down = baseEmpty ? fallen : orInto(Int32Array.from(fallen), base);
      known = {
        down,
        count: closures.count(andInto(scratch, down, listed)),
        clientsDown: clients.filter((c) => has(down, c)).map((c) => s.components[c].id),
        served: clients.filter((c) => !has(down, c)).map((c) => s.components[c].id),
        // Every component that reaches a down component only through optional links loses a feature.
        degrades: degradedBy(down, degraders, degraderTargets, closures).map((c) => s.components[c].id),
      };
      byFailure.set(key, known);
    }
    const { down, count, clientsDown, served, degrades } = known;
    const isDown = (id: string) => s.componentIndex.has(id) && has(down, index(id));
    const inFactRequired = isDown(l.from) || clientsDown.length > 0;
    // Past a budget of names (a long chain's shortcuts each take down thousands), a list keeps
    // its first names and the count. The shortcuts into one target share its lists: 80,000
    // lists kept alive were most of the time of a 20,000-long chain's findings (collections).
    const whole = names + count <= BLAST_RADIUS_BUDGET;
    const downIds = whole
      ? (known.whole ??= closures.list(andInto(scratch, down, listed)).map((c) => s.components[c].id))
      : (known.kept ??= closures.list(andInto(scratch, down, listed), BLAST_RADIUS_KEPT).map((c) => s.components[c].id));
    names += downIds.length;
    const d: Degradation = {
      link: linkElementId(l),
      from: l.from,
      to: l.to,
      degrades,
      clients: inFactRequired ? served : served.filter((c) => degrades.some((x) => reach.reaches(c, x))),
      down: downIds,
      ...(whole ? {} : { downCount: count }),
      inFactRequired,
      message: inFactRequired
        ? `If ${named(t, l.to)} fails, it is not a mere degradation: ${isDown(l.from) ? `${named(t, l.from)} goes down` : 'it'}${clientsDown.length ? ` ${isDown(l.from) ? 'and ' : ''}takes down ${namesOf(t, clientsDown)}` : ''}.`
        : `If ${named(t, l.to)} fails, ${namesOf(t, degrades)} keep${degrades.length === 1 ? 's' : ''} working without it (degraded).`,
    };
    out.push(d);
    if (isDown(l.from)) sourceDown.add(d);
  }
  return { list: out, sourceDown };
}

/**
 * The sources of optional links into a down component from one still up, in the order of
 * their first such link: read off the links into what fell, not every optional link again
 * (quadratic in their number).
 */
function degradedBy(down: Int32Array, degraders: Map<number, { from: number; at: number }[]>, targets: Int32Array, closures: Closures): number[] {
  const first = new Map<number, number>();
  for (const to of closures.list(andInto(new Int32Array(down.length), down, targets))) {
    for (const { from, at } of degraders.get(to)!) {
      if (!has(down, from) && !(first.get(from)! <= at)) first.set(from, at);
    }
  }
  return [...first].sort((a, b) => a[1] - b[1]).map(([from]) => from);
}
