// Strongly connected components of a dependency graph (cycles of dependency).
import type { Csr } from './csr';
import type { Structure } from './structure';

/**
 * Tarjan's algorithm, iterative, over what `roots` reach along the rows of `next`:
 * the strongly connected components in dependency order (dependencies first).
 */
export function stronglyConnected(n: number, next: Csr, roots: Iterable<number>): number[][] {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const out: number[][] = [];
  const { start, items } = next;
  let counter = 0;
  for (const root of roots) {
    if (index[root] >= 0) continue;
    const frames: { c: number; i: number }[] = [];
    const open = (c: number) => {
      index[c] = low[c] = counter++;
      stack.push(c);
      onStack[c] = 1;
      frames.push({ c, i: start[c] });
    };
    open(root);
    while (frames.length > 0) {
      const f = frames[frames.length - 1];
      if (f.i < start[f.c + 1]) {
        const t = items[f.i++];
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

/** The cycles of what the clients need, dependencies first. */
export function sccsFromClients(s: Structure): number[][] {
  return stronglyConnected(s.components.length, s.targetsOfComponent, s.clients);
}
