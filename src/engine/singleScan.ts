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
  // What falls is first taken from the closures, built from each other (closures.ts): one
  // propagation per element cost its blast radius, and 20,000 services in one cycle of needs
  // each took all of it down (over a minute). Only an element that cuts off no client is
  // propagated, for the thresholds it weakens.
  const closures = new Closures(s, prop);
  for (let e = 0; e < s.elements.length; e++) {
    if (classOf[e] !== e) continue;
    const bits = closures.ofElement(e);
    if (closures.clients(bits).length > 0) {
      spofClasses.add(e);
      const count = closures.count(bits);
      if (kept + count <= keep) {
        kept += count;
        fallen.set(e, Int32Array.from(closures.list(bits)));
      }
    } else {
      const mark = prop.mark();
      prop.fail([e]);
      for (const w of prop.weakenedSince(mark)) {
        let list = weakening.get(w.key);
        if (!list) weakening.set(w.key, (list = []));
        list.push({ cls: e, decrement: w.decrement });
        slackOf.set(w.key, w.slack);
      }
      prop.undo(mark);
    }
  }
  const spofs: number[] = [];
  for (let e = 0; e < s.elements.length; e++) if (classOf[e] >= 0 && spofClasses.has(classOf[e])) spofs.push(e);
  return { classOf, members, spofs, fallen, weakening, slackOf };
}
