// The BDD variable order. A good order keeps the diagram near linear in the design's
// size: depth-first from the clients, each component's variables just before those of
// what it needs, the instances of one pool together, and each failure domain (its
// ancestors first) just before the first instance placed in it. Placing every domain
// at the very top instead would multiply, for alternatives that sit in different
// regions, each region's sub-diagram by the states of the other regions' zones.
// Invariant relied on by pool.ts: every domain of an instance sits above the instance.
import type { Structure } from './structure';

export interface VariableOrder {
  /** Level of each element. */
  levelOf: Int32Array;
  /** Element at each level. */
  elementAt: Int32Array;
}

/** The level of every element: depth-first from the clients (see above). */
export function variableOrder(s: Structure): VariableOrder {
  const n = s.elements.length;
  const levelOf = new Int32Array(n).fill(-1);
  const elementAt = new Int32Array(n);
  let next = 0;
  const emit = (e: number) => {
    if (e < 0 || levelOf[e] >= 0) return;
    levelOf[e] = next;
    elementAt[next++] = e;
  };
  const visited = new Uint8Array(s.components.length);
  const visit = (root: number) => {
    const stack = [root];
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (visited[c]) continue;
      visited[c] = 1;
      const node = s.components[c];
      // Every domain of the pool above all its instances (a chain lists the domain
      // first, then its ancestors: emit the outermost first), so that k-of-n can be
      // built by splitting on the domains first (see pool.ts).
      for (const inst of node.instances) for (let k = inst.domains.length - 1; k >= 0; k--) emit(inst.domains[k]);
      for (const inst of node.instances) emit(inst.element);
      emit(node.poolFailover);
      for (const g of node.groups) {
        emit(s.groups[g].failover);
        for (const slot of s.groups[g].slots) emit(s.slots[slot].link);
      }
      // Reversed so the first target is explored first.
      const { start, items } = s.targetsOfComponent;
      for (let j = start[c + 1] - 1; j >= start[c]; j--) if (!visited[items[j]]) stack.push(items[j]);
    }
  };
  for (const c of s.clients) visit(c);
  for (let c = 0; c < s.components.length; c++) visit(c);
  for (let e = 0; e < n; e++) emit(e);
  return { levelOf, elementAt };
}
