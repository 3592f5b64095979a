// Compiles the clients' "works" functions to BDDs.
//
// A component works when it is up and all its groups hold (DESIGN section 2). Most
// groups have a single target, so W(c) is mostly a big conjunction: W(c) = own(c) ∧
// W(t1) ∧ W(t2) ... Building a BDD for every component would rebuild each shared
// sub-conjunction again and again (a BDD of its whole closure per component). Instead
// each component keeps its own factors (its k-of-n instances, its link variables, the
// groups with alternatives) and the components it needs outright; a BDD is built only
// where one is needed: for the targets of a group with alternatives, and for the
// clients, by conjoining the factors of the whole closure once, in variable order.
// Cycles (strongly connected components) are solved by iteration from "everything
// works" down to the greatest fixed point.
import { Bdd, FALSE, TRUE } from './bdd';
import type { VariableOrder } from './order';
import { poolAtLeast } from './pool';
import { sccsFromClients } from './scc';
import type { Structure } from './structure';

interface Factor {
  node: number;
  /** Where the factor's own variables start: factors are conjoined deepest first. */
  key: number;
}

/** The BDD of each client's "works" function (and of every component that had to be built); -1 elsewhere. */
export function compileWorks(
  s: Structure, bdd: Bdd, order: VariableOrder,
  forced: { components: ReadonlySet<number>; slots: ReadonlySet<number> },
): Int32Array {
  const n = s.components.length;
  const built = new Int32Array(n).fill(-1);
  const own: Factor[][] = Array.from({ length: n }, () => []);
  const needs: number[][] = Array.from({ length: n }, () => []);
  const anchor = new Int32Array(n).fill(-1);
  const variable = (e: number) => bdd.variable(order.levelOf[e]);
  const closureMemo = new Map<string, number>();
  // Members of a cycle of plain needs all need each other: their closures are one and the
  // same, kept under one member's number. Clients entering a 20,000-long ring at 200 places
  // built that closure 200 times (12 s of CPU); now once. (A member a what-if cuts is FALSE,
  // and every other member reaches a FALSE factor, so their closures are still equal.)
  const sameClosure = new Int32Array(n).fill(-1);
  const closureKey = (roots: number[]) => {
    const reps = new Set(roots.map((d) => (sameClosure[d] >= 0 ? sameClosure[d] : d)));
    return [...reps].sort((a, b) => a - b).join(',');
  };

  /** W(c) as one BDD: its factors and those of everything it needs outright. */
  const build = (c: number): number => {
    if (built[c] >= 0) return built[c];
    if (needs[c].length === 0) return (built[c] = bdd.andAll(own[c].map((f) => f.node)));
    const key = closureKey(needs[c]);
    let rest = closureMemo.get(key);
    if (rest === undefined) {
      rest = conjoinClosure(needs[c]);
      closureMemo.set(key, rest);
    }
    return (built[c] = bdd.and(bdd.andAll(own[c].map((f) => f.node)), rest));
  };

  const conjoinClosure = (roots: number[]): number => {
    const seen = new Set<number>();
    const stack = [...roots];
    const factors = new Map<number, number>();
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (seen.has(c)) continue;
      seen.add(c);
      for (const f of own[c]) factors.set(f.node, Math.max(factors.get(f.node) ?? -1, f.key));
      for (const d of needs[c]) if (!seen.has(d)) stack.push(d);
    }
    // Deepest first, one at a time: each new factor's own variables lie above what is
    // already built, so each step only copies the new factor (no garbage to speak of).
    const sorted = [...factors].sort((a, b) => b[1] - a[1]).map(([node]) => node);
    let acc = TRUE;
    for (const f of sorted) acc = bdd.and(f, acc);
    return acc;
  };

  const keyOfTarget = (t: number) => (anchor[t] >= 0 ? anchor[t] : Infinity);

  /** Fills own[c] and needs[c]; `current` gives W of a target inside the same cycle. */
  const describe = (c: number, current: ((t: number) => number) | null) => {
    own[c] = [];
    needs[c] = [];
    if (forced.components.has(c)) {
      own[c].push({ node: FALSE, key: 0 });
      return;
    }
    const node = s.components[c];
    if (!node.isClient) {
      const instances = node.instances.map((inst) => ({ level: order.levelOf[inst.element], domainLevels: inst.domains.map((d) => order.levelOf[d]) }));
      own[c].push({ node: poolAtLeast(bdd, node.minHealthy, instances), key: anchor[c] });
      if (node.poolFailover >= 0) own[c].push({ node: variable(node.poolFailover), key: order.levelOf[node.poolFailover] });
    }
    for (const g of node.groups) {
      const group = s.groups[g];
      const single = group.slots.length === 1 && group.min <= 1 && group.failover < 0;
      if (single && current === null) {
        const { target, link } = s.slots[group.slots[0]];
        if (forced.slots.has(group.slots[0])) {
          own[c].push({ node: FALSE, key: 0 });
          continue;
        }
        if (link >= 0) own[c].push({ node: variable(link), key: order.levelOf[link] });
        needs[c].push(target);
        continue;
      }
      let key = Infinity;
      const alternatives = group.slots.map((slot) => {
        const { target, link } = s.slots[slot];
        if (forced.slots.has(slot)) return FALSE;
        key = Math.min(key, keyOfTarget(target), link >= 0 ? order.levelOf[link] : Infinity);
        const w = current ? current(target) : build(target);
        return link >= 0 ? bdd.and(variable(link), w) : w;
      });
      let f = bdd.atLeast(group.min, alternatives);
      if (group.failover >= 0) {
        f = bdd.and(f, variable(group.failover));
        key = Math.min(key, order.levelOf[group.failover]);
      }
      own[c].push({ node: f, key: Number.isFinite(key) ? key : 0 });
    }
    needs[c] = [...new Set(needs[c])].sort((a, b) => a - b);
  };

  for (const scc of sccsFromClients(s)) {
    for (const c of scc) {
      const node = s.components[c];
      anchor[c] = node.instances.length > 0 ? Math.min(...node.instances.map((i) => order.levelOf[i.element])) : -1;
      if (anchor[c] < 0) {
        // A client (no variables of its own) sorts with the shallowest thing it needs.
        let a = Infinity;
        for (const g of node.groups) for (const slot of s.groups[g].slots) a = Math.min(a, keyOfTarget(s.slots[slot].target));
        anchor[c] = Number.isFinite(a) ? Math.max(0, a - 1) : 0;
      }
    }
    if ((scc.length === 1 && !selfDependent(s, scc[0])) || conjunctiveCycle(s, scc)) {
      // No cycle, or a cycle held together only by plain "needs": its greatest fixed point
      // is the conjunction over everything reachable, which the closure builds directly.
      if (scc.length > 1) for (const c of scc) sameClosure[c] = scc[0];
      for (const c of scc) describe(c, null);
      continue;
    }
    // A cycle: start from "everything works" and recompute until nothing changes. Each
    // sweep can only remove states (the functions are monotone), so it stops at the
    // greatest fixed point. Members are then built whole; they need nothing further.
    const inCycle = new Set(scc);
    const value = new Map(scc.map((c) => [c, TRUE]));
    const current = (t: number) => (inCycle.has(t) ? value.get(t)! : build(t));
    let changed = true;
    while (changed) {
      changed = false;
      for (const c of scc) {
        describe(c, current);
        const w = bdd.andAll(own[c].map((f) => f.node));
        if (w !== value.get(c)) {
          value.set(c, w);
          changed = true;
        }
      }
    }
    for (const c of scc) {
      own[c] = [{ node: value.get(c)!, key: anchor[c] }];
      needs[c] = [];
      built[c] = value.get(c)!;
    }
  }
  for (const c of s.clients) build(c);
  return built;
}

/** True when every dependency between members of the cycle is a group of one target (min 1, no failover). */
function conjunctiveCycle(s: Structure, scc: number[]): boolean {
  const inCycle = new Set(scc);
  for (const c of scc) {
    for (const g of s.components[c].groups) {
      const group = s.groups[g];
      const single = group.slots.length === 1 && group.min <= 1 && group.failover < 0;
      if (!single && group.slots.some((slot) => inCycle.has(s.slots[slot].target))) return false;
    }
  }
  return true;
}

function selfDependent(s: Structure, c: number): boolean {
  const { start, items } = s.targetsOfComponent;
  for (let j = start[c]; j < start[c + 1]; j++) if (items[j] === c) return true;
  return false;
}
