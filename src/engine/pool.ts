// The BDD of a pool: at least k of its n instances work, instance i working when its
// own variable and every domain above it are up. The domains sit above the instances in
// the variable order (order.ts), so the function is built without any apply: split on
// each domain variable (Shannon), and under each assignment of the domains count the
// surviving instances' variables with the usual threshold lattice (O(n k) nodes).
import { FALSE, TRUE, type Bdd } from './bdd';

/** Beyond this many instances (a bit mask per alive set) or domains, use the generic threshold. */
const MAX_MASK_INSTANCES = 30;
const MAX_SPLIT_DOMAINS = 12;

export function poolAtLeast(
  bdd: Bdd, k: number, instances: { level: number; domainLevels: number[] }[],
): number {
  const n = instances.length;
  if (k <= 0) return TRUE;
  if (k > n) return FALSE;
  const domainLevels = [...new Set(instances.flatMap((i) => i.domainLevels))].sort((a, b) => a - b);
  let topInstance = Infinity;
  for (const i of instances) topInstance = Math.min(topInstance, i.level);
  const domainsAbove = domainLevels.length === 0 || domainLevels[domainLevels.length - 1] < topInstance;
  if (n > MAX_MASK_INSTANCES || domainLevels.length > MAX_SPLIT_DOMAINS || !domainsAbove) {
    return bdd.atLeast(k, instances.map((i) => chain(bdd, [i.level, ...i.domainLevels])));
  }
  const sorted = [...instances].sort((a, b) => a.level - b.level);
  // under[d]: the instances (as a bit mask) that domain d takes down.
  const under = domainLevels.map((l) => sorted.reduce((m, inst, b) => (inst.domainLevels.includes(l) ? m | (1 << b) : m), 0));
  const leaves = new Map<number, number>();
  const split = (d: number, alive: number): number => {
    if (popcount(alive) < k) return FALSE;
    // Skip domains that no surviving instance sits in.
    while (d < domainLevels.length && (alive & under[d]) === 0) d++;
    if (d === domainLevels.length) {
      let leaf = leaves.get(alive);
      if (leaf === undefined) {
        leaf = threshold(bdd, k, sorted.filter((_, b) => alive & (1 << b)).map((i) => i.level));
        leaves.set(alive, leaf);
      }
      return leaf;
    }
    return bdd.mk(domainLevels[d], split(d + 1, alive & ~under[d]), split(d + 1, alive));
  };
  return split(0, (1 << n) - 1);
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v !== 0; v &= v - 1) c++;
  return c;
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
