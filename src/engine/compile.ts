// Compiles each component's "works" function to a BDD. Strongly connected components
// of the dependency graph (cycles) are solved by iteration from "everything works"
// down to the greatest fixed point (DESIGN section 2); the rest in dependency order.
import { Bdd, FALSE, TRUE } from './bdd';
import type { VariableOrder } from './order';
import type { Structure } from './structure';

/** The BDD of each component's "works" function; -1 for components no client needs. */
export function compileWorks(
  s: Structure, bdd: Bdd, order: VariableOrder, forcedComponents: ReadonlySet<number>,
): Int32Array {
  const works = new Int32Array(s.components.length).fill(-1);
  const variable = (e: number) => bdd.variable(order.levelOf[e]);
  // A conjunction of variables is built directly as a chain, bottom level first.
  const allOf = (elements: number[]) => {
    const levels = elements.map((e) => order.levelOf[e]).sort((a, b) => b - a);
    let node = TRUE;
    for (const l of levels) node = bdd.mk(l, FALSE, node);
    return node;
  };

  const worksOf = (c: number): number => {
    if (forcedComponents.has(c)) return FALSE;
    const node = s.components[c];
    const parts: number[] = [];
    if (!node.isClient) {
      const instances = node.instances.map((inst) => allOf([inst.element, ...inst.domains]));
      parts.push(bdd.atLeast(node.minHealthy, instances));
      if (node.poolFailover >= 0) parts.push(variable(node.poolFailover));
    }
    for (const g of node.groups) {
      const group = s.groups[g];
      const alternatives = group.slots.map((slot) => {
        const { target, link } = s.slots[slot];
        const w = works[target];
        return link >= 0 ? bdd.and(variable(link), w) : w;
      });
      let f = bdd.atLeast(group.min, alternatives);
      if (group.failover >= 0) f = bdd.and(f, variable(group.failover));
      parts.push(f);
    }
    return bdd.andAll(parts);
  };

  for (const scc of sccsFromClients(s)) {
    if (scc.length === 1 && !selfDependent(s, scc[0])) {
      works[scc[0]] = worksOf(scc[0]);
      continue;
    }
    // Start from "everything works" and recompute until nothing changes. Each sweep can
    // only remove states (the functions are monotone), so it stops at the greatest fixed point.
    for (const c of scc) works[c] = TRUE;
    let changed = true;
    while (changed) {
      changed = false;
      for (const c of scc) {
        const w = worksOf(c);
        if (w !== works[c]) {
          works[c] = w;
          changed = true;
        }
      }
    }
  }
  return works;
}

function selfDependent(s: Structure, c: number): boolean {
  return s.components[c].groups.some((g) => s.groups[g].slots.some((slot) => s.slots[slot].target === c));
}

/** Tarjan's algorithm, iterative, over what the clients reach: SCCs in dependency order (dependencies first). */
export function sccsFromClients(s: Structure): number[][] {
  const n = s.components.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const out: number[][] = [];
  const targetsOf = (c: number) => s.components[c].groups.flatMap((g) => s.groups[g].slots.map((slot) => s.slots[slot].target));
  let counter = 0;
  for (const root of s.clients) {
    if (index[root] >= 0) continue;
    const frames: { c: number; targets: number[]; i: number }[] = [];
    const open = (c: number) => {
      index[c] = low[c] = counter++;
      stack.push(c);
      onStack[c] = 1;
      frames.push({ c, targets: targetsOf(c), i: 0 });
    };
    open(root);
    while (frames.length > 0) {
      const f = frames[frames.length - 1];
      if (f.i < f.targets.length) {
        const t = f.targets[f.i++];
        if (index[t] < 0) open(t);
        else if (onStack[t]) low[f.c] = Math.min(low[f.c], index[t]);
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1].c;
        low[parent] = Math.min(low[parent], low[f.c]);
      }
      if (low[f.c] === index[f.c]) {
        const scc: number[] = [];
        let x: number;
        do {
          x = stack.pop()!;
          onStack[x] = 0;
          scc.push(x);
        } while (x !== f.c);
        out.push(scc);
      }
    }
  }
  return out;
}
