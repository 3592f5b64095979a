// One pass over the single failures without a BDD (the Monte Carlo path): which elements
// are SPOFs (with what falls, for their blast radii) and which thresholds each other element
// weakens (for the pairs, pairsByPropagation.ts). Instances of one pool placed in the same
// failure domains are interchangeable: swapping two of them maps every state to one that
// fails the same components. So one propagation stands for all of them, alone or paired (a
// pool of 1,000 is then one to three propagations instead of 1,000, and its 499,500 pairs one).
import { Closures } from './closures';
import type { Propagator } from './propagate';
import type { Structure } from './structure';

export interface SingleScan {
  /** Each element's class (its first member), or -1 when it is not a candidate. */
  classOf: Int32Array;
  /** The members of each class of more than one element, in element order, by class. */
  members: Map<number, number[]>;
  /** Elements whose failure alone fails a client still served, in element order. */
  spofs: number[];
  /** Per SPOF class: the components its failure takes down, in document order (while within `keep` in all). */
  fallen: Map<number, Int32Array>;
  /** Per threshold weakened without failing (pools by component c, groups by −(g + 1)): the classes that weaken it and by how much. */
  weakening: Map<number, { cls: number; decrement: number }[]>;
  /** Per weakened threshold: how many more losses it takes before it fails. */
  slackOf: Map<number, number>;
  /** The closures built by the scan, if it built them: the blast radii past `keep` read them again. */
  closures?: Closures;
}

/** Members of a class: itself when it has no others. */
export function membersOf(scan: SingleScan, cls: number): number[] {
  return scan.members.get(cls) ?? [cls];
}

/**
 * Classes of interchangeable candidates: a pool's instances with the same chain of domains
 * (swapped, every state maps to one that fails the same components; their availability is
 * the component's), and elements that take down the same instances and nothing else (a
 * chain of nested domains holding the same racks, a zone holding one instance and that
 * instance: failing either changes the same counters). Every other candidate is its own class.
 */
export function interchangeable(s: Structure, candidate: (e: number) => boolean): { classOf: Int32Array; members: Map<number, number[]> } {
  const classOf = new Int32Array(s.elements.length).fill(-1);
  for (let e = 0; e < s.elements.length; e++) if (candidate(e)) classOf[e] = e;
  const members = new Map<number, number[]>();
  const join = (first: number, e: number) => {
    classOf[e] = first;
    let list = members.get(first);
    if (!list) members.set(first, (list = [first]));
    list.push(e);
  };
  for (const node of s.components) {
    if (node.instances.length < 2) continue;
    const byChain = new Map<string, number>();
    for (const { element, domains } of node.instances) {
      if (!candidate(element)) continue;
      const key = domains.join(',');
      const first = byChain.get(key);
      if (first === undefined) byChain.set(key, element);
      else join(first, element);
    }
  }
  // Same instances taken down, found by a hash of the row and then compared whole.
  const { start, items } = s.instancesOf;
  const byRow = new Map<number, number[]>();
  const sameRow = (a: number, b: number) => {
    const n = start[a + 1] - start[a];
    if (start[b + 1] - start[b] !== n) return false;
    for (let j = 0; j < n; j++) if (items[start[a] + j] !== items[start[b] + j]) return false;
    return true;
  };
  for (let e = 0; e < s.elements.length; e++) {
    if (classOf[e] !== e || members.has(e) || s.linkSlotsOf.has(e) || s.failoverGroupsOf.has(e) || s.failoverPoolsOf.has(e)) continue;
    let h = start[e + 1] - start[e];
    for (let j = start[e]; j < start[e + 1]; j++) h = Math.imul(h ^ items[j], 0x01000193);
    const bucket = byRow.get(h);
    const first = bucket?.find((f) => sameRow(f, e));
    if (first !== undefined) join(first, e);
    else if (bucket) bucket.push(e);
    else byRow.set(h, [e]);
  }
  return { classOf, members };
}

/**
 * One propagation per class from the propagator's state (what-if failures included).
 * `keep`: components recorded in all SPOFs' lists at most (past it, fallen has no entry).
 */
export function scanSingleFailures(s: Structure, prop: Propagator, candidate: (e: number) => boolean, keep: number): SingleScan {
  const { classOf, members } = interchangeable(s, candidate);
  const spofClasses = new Set<number>();
  const fallen = new Map<number, Int32Array>();
  const weakening = new Map<number, { cls: number; decrement: number }[]>();
  const slackOf = new Map<number, number>();
  let kept = 0;
  // Falls are propagated until that has cost as much as building every component's closure
  // (closures.ts: a bit set of `words` each, built from each other), or an eighth of it once
  // the falls are larger on average than a closure; from then on what falls is taken from the
  // closures, and only an element that cuts off no client is propagated, for the thresholds
  // it weakens. 20,000 services in one cycle of needs each took all of it down (over a minute
  // propagated), while the estate's falls are small and building its closures was a second
  // of its analysis.
  let closures: Closures | undefined;
  const words = (s.components.length + 31) >>> 5;
  const closuresCost = s.components.length * words;
  let spent = 0;
  let falls = 0;
  /** A SPOF class, and what falls with it (in document order) while within `keep` in all. */
  const spof = (e: number, count: number, list: () => Int32Array) => {
    spofClasses.add(e);
    if (kept + count <= keep) {
      kept += count;
      fallen.set(e, list());
    }
  };
  const weakens = (e: number, mark: number) => {
    for (const w of prop.weakenedSince(mark)) {
      let list = weakening.get(w.key);
      if (!list) weakening.set(w.key, (list = []));
      list.push({ cls: e, decrement: w.decrement });
      slackOf.set(w.key, w.slack);
    }
  };
  for (let e = 0; e < s.elements.length; e++) {
    if (classOf[e] !== e) continue;
    const mark = prop.mark();
    if (!closures) {
      const down = prop.failWithin(e, closuresCost - spent);
      spent += prop.mark() - mark;
      if (down) {
        if (down.some((c) => s.components[c].isClient)) spof(e, down.length, () => Int32Array.from(down).sort());
        else weakens(e, mark);
        prop.undo(mark);
        if (++falls * words < spent && spent > closuresCost / 8) closures = new Closures(s, prop);
        continue;
      }
      prop.undo(mark);
      closures = new Closures(s, prop);
    }
    const bits = closures.ofElement(e);
    if (closures.hasClient(bits)) spof(e, closures.count(bits), () => Int32Array.from(closures!.list(bits)));
    else {
      prop.fail([e]);
      weakens(e, mark);
      prop.undo(mark);
    }
  }
  const spofs: number[] = [];
  for (let e = 0; e < s.elements.length; e++) if (classOf[e] >= 0 && spofClasses.has(classOf[e])) spofs.push(e);
  return { classOf, members, spofs, fallen, weakening, slackOf, closures };
}
