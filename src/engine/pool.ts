// The BDD of a pool: at least k of its n instances work, instance i working when its
// own variable and every domain above it are up. The domains sit above the instances in
// the variable order (order.ts), so the function is built without any apply: split on
// each domain variable (Shannon), and under each assignment of the domains count the
// surviving instances' variables with the usual threshold lattice (O(n k) nodes).
import { FALSE, TRUE, type Bdd } from './bdd';

/** Beyond this many distinct domains per pool, fall back to the generic threshold. */
const MAX_SPLIT_DOMAINS = 8;

export function poolAtLeast(
  bdd: Bdd, k: number, instances: { level: number; domainLevels: number[] }[],
): number {
  if (k <= 0) return TRUE;
  if (k > instances.length) return FALSE;
  const domainLevels = [...new Set(instances.flatMap((i) => i.domainLevels))].sort((a, b) => a - b);
  const maxInstanceLevel = Math.min(...instances.map((i) => i.level));
  if (domainLevels.length > MAX_SPLIT_DOMAINS || (domainLevels.length > 0 && domainLevels[domainLevels.length - 1] > maxInstanceLevel)) {
    return bdd.atLeast(k, instances.map((i) => chain(bdd, [i.level, ...i.domainLevels])));
  }
  const sorted = [...instances].sort((a, b) => a.level - b.level);
  const down = new Set<number>();
  const split = (d: number): number => {
    if (d === domainLevels.length) {
      const alive = sorted.filter((i) => i.domainLevels.every((l) => !down.has(l))).map((i) => i.level);
      return threshold(bdd, k, alive);
    }
    const level = domainLevels[d];
    down.add(level);
    const lo = split(d + 1);
    down.delete(level);
    const hi = split(d + 1);
    return bdd.mk(level, lo, hi);
  };
  return split(0);
}

/** At least k of the variables at `levels` (sorted, top first) are up. */
function threshold(bdd: Bdd, k: number, levels: number[]): number {
  const m = levels.length;
  if (k > m) return FALSE;
  // row[j] = node for "at least j more among levels[i..]", built bottom-up.
  let row = new Array<number>(k + 1);
  for (let j = 0; j <= k; j++) row[j] = j === 0 ? TRUE : FALSE;
  for (let i = m - 1; i >= 0; i--) {
    const next = new Array<number>(k + 1);
    next[0] = TRUE;
    for (let j = 1; j <= k; j++) next[j] = bdd.mk(levels[i], row[j], row[j - 1]);
    row = next;
  }
  return row[k];
}

/** The conjunction of the variables at `levels`. */
export function chain(bdd: Bdd, levels: number[]): number {
  let node = TRUE;
  for (const l of [...levels].sort((a, b) => b - a)) node = bdd.mk(l, FALSE, node);
  return node;
}
