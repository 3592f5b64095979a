// Pairs without a BDD (the Monte Carlo path). Two elements that are not SPOFs fail a
// client together only if some pool or group loses members to both and, together, more
// than its slack (alive − minimum): any other combination is just the union of two
// harmless blast radii. So only such candidates are tried, by propagation.
import type { Propagator } from './propagate';
import type { Structure } from './structure';

export function pairsByPropagation(
  s: Structure, prop: Propagator, spofs: ReadonlySet<number>, forced: ReadonlySet<number>,
): Map<string, { a: number; b: number; clients: Set<number> }> {
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
  const candidates = new Set<string>();
  const tried: [number, number][] = [];
  for (const [key, list] of weakening) {
    const slack = slackOf.get(key)!;
    list.sort((x, y) => y.decrement - x.decrement);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length && list[i].decrement + list[j].decrement > slack; j++) {
        const a = Math.min(list[i].element, list[j].element);
        const b = Math.max(list[i].element, list[j].element);
        const k = `${a},${b}`;
        if (candidates.has(k)) continue;
        candidates.add(k);
        tried.push([a, b]);
      }
    }
  }
  const alreadyDown = new Set(s.clients.filter((c) => prop.componentDown[c]));
  const out = new Map<string, { a: number; b: number; clients: Set<number> }>();
  for (const [a, b] of tried) {
    const mark = prop.mark();
    const fallen = prop.fail([a, b]);
    const clients = new Set(fallen.filter((c) => s.components[c].isClient && !alreadyDown.has(c)));
    if (clients.size > 0) out.set(`${a},${b}`, { a, b, clients });
    prop.undo(mark);
  }
  return out;
}
