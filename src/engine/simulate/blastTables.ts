// What each element's failure does on its own, worked out once by propagation, so that
// the simulator can decide most states without propagating: the clients it cuts off, and
// the thresholds it weakens without crossing them (a pool that loses instances but keeps
// its minHealthy; a group that loses alternatives but keeps its minimum), with by how much.
//
// Why that decides a state exactly: let S be the elements down. If no threshold is weakened
// by the elements of S together past its slack (alive − minimum, in the starting state),
// the union of their single blast radii is closed under propagation (every pool and group
// still alive in each radius keeps its minimum in the union, since it lost at most the sum
// of what each took), so it is the least fixed point of failing S: the clients down are
// those some element of S cuts off alone. A threshold loaded past its slack is the only
// case that needs propagation (the sum can overstate a loss shared by two radii: then it
// propagates for nothing, never wrongly).
import type { Propagator } from '../propagate';
import type { Structure } from '../structure';

export interface BlastTables {
  /** Clients (indices into s.clients) element e alone cuts off: soloItems[soloStart[e] .. soloStart[e + 1]). */
  soloStart: Int32Array;
  soloItems: Int32Array;
  /**
   * Thresholds element e weakens and by how much: weakThreshold / weakBy [weakStart[e] ..
   * weakStart[e + 1]); only those its fellow contributors could load past their slack.
   */
  weakStart: Int32Array;
  weakThreshold: Int32Array;
  weakBy: Int32Array;
  /** Per threshold (pool of component c: c; group g: components + g), what it can lose and still hold. */
  slack: Int32Array;
  /** The elements that weaken threshold h, and by how much: contributor / contributorBy [contributorStart[h] .. contributorStart[h + 1]). */
  contributorStart: Int32Array;
  contributor: Int32Array;
  contributorBy: Int32Array;
}

/**
 * The tables for `elements` (those that fail), from the propagator's current state (left as
 * it was found). `clientOf[component]` is the client index, or −1.
 */
export function buildBlastTables(s: Structure, prop: Propagator, elements: Iterable<number>, clientOf: Int32Array): BlastTables {
  const n = s.elements.length;
  const solo: number[][] = Array.from({ length: n }, () => []);
  const weak: { threshold: number; by: number }[][] = Array.from({ length: n }, () => []);
  const slack = new Int32Array(s.components.length + s.groups.length);
  for (const e of elements) {
    const mark = prop.mark();
    for (const c of prop.fail([e])) if (clientOf[c] >= 0) solo[e].push(clientOf[c]);
    for (const w of prop.weakenedSince(mark)) {
      const threshold = w.key >= 0 ? w.key : s.components.length - w.key - 1;
      weak[e].push({ threshold, by: w.decrement });
      slack[threshold] = w.slack;
    }
    prop.undo(mark);
  }
  // A threshold that all its contributors together cannot overload never needs watching.
  const total = new Int32Array(slack.length);
  for (const list of weak) for (const w of list) total[w.threshold] += w.by;
  for (let e = 0; e < n; e++) weak[e] = weak[e].filter((w) => total[w.threshold] > slack[w.threshold]);
  const weakList = weak.flat();
  const contributors: { element: number; by: number }[][] = Array.from({ length: slack.length }, () => []);
  weak.forEach((list, e) => list.forEach((w) => contributors[w.threshold].push({ element: e, by: w.by })));
  const contributorList = contributors.flat();
  return {
    soloStart: offsets(solo.map((r) => r.length)),
    soloItems: Int32Array.from(solo.flat()),
    weakStart: offsets(weak.map((r) => r.length)),
    weakThreshold: Int32Array.from(weakList, (w) => w.threshold),
    weakBy: Int32Array.from(weakList, (w) => w.by),
    slack,
    contributorStart: offsets(contributors.map((r) => r.length)),
    contributor: Int32Array.from(contributorList, (c) => c.element),
    contributorBy: Int32Array.from(contributorList, (c) => c.by),
  };
}

function offsets(lengths: number[]): Int32Array {
  const start = new Int32Array(lengths.length + 1);
  for (let i = 0; i < lengths.length; i++) start[i + 1] = start[i] + lengths[i];
  return start;
}
