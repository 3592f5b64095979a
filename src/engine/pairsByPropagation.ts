// Pairs without a BDD (the Monte Carlo path). Two elements that are not SPOFs fail a
// client together only if some pool or group loses members to both and, together, more
// than its slack (alive − minimum): any other combination is just the union of two
// harmless blast radii. So only such candidates are tried, by propagation, up to `cap` pairs
// found and MAX_PAIR_TRIES candidates tried (a pool of 1,000 that needs 999 has 499,500
// pairs; 80 such pools made 40 million candidates and never ended).
import type { Propagator } from './propagate';
import type { Structure } from './structure';

/** Candidate pairs tried by propagation at most (a few seconds of propagations). */
export const MAX_PAIR_TRIES = 1_000_000;

export function pairsByPropagation(
  s: Structure, prop: Propagator, spofs: ReadonlySet<number>, forced: ReadonlySet<number>, cap: number,
): { pairs: Map<string, { a: number; b: number; clients: Set<number> }>; capped: false | 'pairs' | 'tries' } {
  const weakening = new Map<number, { element: number; decrement: number }[]>();
  const slackOf = new Map<number, number>();
  s.elements.forEach((e, i) => {
    if (e.type === 'failover' || e.availability >= 1 || spofs.has(i) || forced.has(i)) return;
    const mark = prop.mark();
    prop.fail([i]);
    for (const w of prop.weakenedSince(mark)) {
      let list = weakening.get(w.key);
      if (!list) weakening.set(w.key, (list = []));
      list.push({ element: i, decrement: w.decrement });
      slackOf.set(w.key, w.slack);
    }
    prop.undo(mark);
  });
  const alreadyDown = new Set(s.clients.filter((c) => prop.componentDown[c]));
  const out = new Map<string, { a: number; b: number; clients: Set<number> }>();
  // Each candidate is tried once, as it is met (a number key: a string per candidate cost seconds).
  const tried = new Set<number>();
  const n = s.elements.length;
  for (const [key, list] of weakening) {
    const slack = slackOf.get(key)!;
    list.sort((x, y) => y.decrement - x.decrement);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length && list[i].decrement + list[j].decrement > slack; j++) {
        const a = Math.min(list[i].element, list[j].element);
        const b = Math.max(list[i].element, list[j].element);
        if (tried.has(a * n + b)) continue;
        if (tried.size >= MAX_PAIR_TRIES) return { pairs: out, capped: 'tries' };
        tried.add(a * n + b);
        const mark = prop.mark();
        const fallen = prop.fail([a, b]);
        const clients = new Set(fallen.filter((c) => s.components[c].isClient && !alreadyDown.has(c)));
        prop.undo(mark);
        if (clients.size === 0) continue;
        out.set(`${a},${b}`, { a, b, clients });
        if (out.size >= cap) return { pairs: out, capped: 'pairs' };
      }
    }
  }
  return { pairs: out, capped: false };
}
