// The BDD of a pool: at least k of its n instances work, instance i working when its
// own variable and every domain above it are up. The domains sit above the instances in
// the variable order (order.ts), so the function is built without any apply: split on
// each domain variable (Shannon), and under each assignment of the domains count the
// surviving instances' variables with the threshold lattice (O(n min(k, n - k)) nodes).
import { FALSE, TRUE, type Bdd } from './bdd';

/** Beyond this many domains, use the generic threshold (each split on a domain doubles the diagram's top). */
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
  if (domainLevels.length > MAX_SPLIT_DOMAINS || !domainsAbove) {
    return bdd.atLeast(k, instances.map((i) => chain(bdd, [i.level, ...i.domainLevels])));
  }
  const sorted = [...instances].sort((a, b) => a.level - b.level);
  // inside[d]: the instances (their indices in `sorted`) that domain d takes down.
  const inside = domainLevels.map((l) => sorted.flatMap((inst, b) => (inst.domainLevels.includes(l) ? [b] : [])));
  const leaves = new Map<string, number>();
  const down = new Uint8Array(n);
  const split = (d: number, alive: number): number => {
    if (alive < k) return FALSE;
    // Skip domains that no surviving instance sits in.
    while (d < domainLevels.length && inside[d].every((b) => down[b] > 0)) d++;
    if (d === domainLevels.length) {
      const key = Array.from(down).join('');
      let leaf = leaves.get(key);
      if (leaf === undefined) {
        leaf = threshold(bdd, k, sorted.filter((_, b) => down[b] === 0).map((i) => i.level));
        leaves.set(key, leaf);
      }
      return leaf;
    }
    const up = split(d + 1, alive);
    let lost = 0;
    for (const b of inside[d]) if (down[b]++ === 0) lost++;
    const failed = split(d + 1, alive - lost);
    for (const b of inside[d]) down[b]--;
    return bdd.mk(domainLevels[d], failed, up);
  };
  return split(0, n);
}

/**
 * At least k of the variables at `levels` (sorted, top first) are up, built bottom-up with
 * `mk` alone. Row i holds "at least j among levels[i..]" only for the j that can matter: at
 * least k - i (the i variables above can add no more) and at most what is left below.
 */
function threshold(bdd: Bdd, k: number, levels: number[]): number {
  const m = levels.length;
  if (k > m) return FALSE;
  let row = new Array<number>(k + 1).fill(FALSE);
  row[0] = TRUE;
  for (let i = m - 1; i >= 0; i--) {
    const next = new Array<number>(k + 1).fill(FALSE);
    next[0] = TRUE;
    for (let j = Math.max(1, k - i); j <= Math.min(k, m - i); j++) next[j] = bdd.mk(levels[i], row[j], row[j - 1]);
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
