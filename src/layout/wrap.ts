// Wide tiers wrapped into rows, so a large design keeps a screen-like shape (issue 20).
//
// ELK layers the components by their dependencies; a tier of a large estate then holds
// hundreds of services, and one row each made a 1,000-component estate a 40:1 strip that
// no screen shows whole. Here each tier wider than a row splits into as many
// rows as it needs, within every container on its own (a region's share of the tier wraps
// inside the region, so regions stay side by side), in ELK's order. Rows of a tier become
// bands of their own (bands.ts): dependencies still run from an earlier band to a later one.
//
// The row width is searched: the widest that brings the drawing's width over its height
// down to SCREEN_ASPECT (TB), or its height under its width (LR, where wrapping makes
// columns: a screen is wider than tall). Each step of the search places the
// drawing quickly (bands.ts without its order improvements), which is cheap next to ELK.
import { ROOT, type ContainerTree } from './containers';
import type { LeafLayer } from './elkGraph';
import type { Direction } from './types';

/** The widest shape aimed at, width over height: a 16:10 screen. */
export const SCREEN_ASPECT = 1.6;
/**
 * Steps of the row-width search. The bisection halves the ratio of the widest row to the
 * narrowest (the geometric mean of the two): 8 steps from 260 px to 780,000 px (an estate's
 * 3,000 empty zones in one tier) end within 4 % of the width sought, where halving the
 * difference stopped at 3,300 px, still 40 % too wide, and fell back to one box a row.
 */
const SEARCH_STEPS = 8;

export interface Wrapped {
  /** Each component's band (its row) and its order. */
  layers: Map<string, LeafLayer>;
  /** The tier each band belongs to. */
  tierOfBand: number[];
}

/** The drawing's extent across the layers and along them. */
export interface Extent {
  cross: number;
  main: number;
}

/** Whether a drawing is no wider than a screen (TB), or no taller than wide (LR, where wrapping makes columns). */
export function isScreenLike({ cross, main }: Extent, direction: Direction): boolean {
  return cross / main <= aspectLimit(direction);
}

/** The most the drawing's extent across the layers may be over its extent along them. */
export const aspectLimit = (direction: Direction) => (direction === 'TB' ? SCREEN_ASPECT : 1);

/**
 * Wraps the tiers of `layers` (ELK's layering) into rows until the drawing's aspect is
 * screen-like; the tiers as they are when they already fit. `screenLike` is false when no
 * row width made it so (the narrowest rows are then returned).
 */
export function wrapTiers(
  tree: ContainerTree,
  layers: Map<string, LeafLayer>,
  crossSize: (id: string) => number,
  gap: number,
  direction: Direction,
  /** The extent of the drawing placed with these bands. */
  measure: (wrapped: Wrapped) => Extent,
): Wrapped & { screenLike: boolean } {
  const tierCount = Math.max(-1, ...[...layers.values()].map((l) => l.layer)) + 1;
  const tierWidth = new Array<number>(tierCount).fill(0);
  // The components of each (container, tier), in ELK's order. A container around one component
  // and nothing else wraps with that component's siblings, as one: taken as a container of
  // its own, the 1,300 one-component zones of the estate at a tenth all stayed in the first row of their tier.
  const leavesIn = new Map<string, number>();
  for (const id of layers.keys()) {
    for (let cur = tree.parentOf.get(id); cur !== undefined; cur = tree.parentOf.get(cur)) leavesIn.set(cur, (leavesIn.get(cur) ?? 0) + 1);
  }
  const groups = new Map<string, string[]>();
  for (const [id, l] of layers) {
    tierWidth[l.layer] += crossSize(id) + gap;
    let container = tree.parentOf.get(id);
    while (container !== undefined && leavesIn.get(container) === 1) container = tree.parentOf.get(container);
    const key = `${l.layer}\u0000${container ?? ROOT}`;
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  for (const ids of groups.values()) ids.sort((a, b) => layers.get(a)!.order - layers.get(b)!.order);

  const unwrapped: Wrapped = { layers, tierOfBand: tierWidth.map((_, i) => i) };
  const widest = Math.max(0, ...tierWidth);
  if (tierCount === 0 || isScreenLike(measure(unwrapped), direction)) return { ...unwrapped, screenLike: true };

  const narrowest = Math.max(0, ...[...layers.keys()].map((id) => crossSize(id) + gap));
  let fits = withRowWidth(narrowest);
  let screenLike = false;
  let low = narrowest;
  let high = widest;
  for (let step = 0; step < SEARCH_STEPS && high - low > gap; step++) {
    const width = Math.sqrt(low * high);
    const candidate = withRowWidth(width);
    if (isScreenLike(measure(candidate), direction)) {
      fits = candidate;
      screenLike = true;
      low = width;
    } else {
      high = width;
    }
  }
  return { ...fits, screenLike };

  /** Every tier in as many rows as a row of `width` needs, shared out evenly in each container. */
  function withRowWidth(width: number): Wrapped {
    const rows = tierWidth.map((w) => Math.max(1, Math.ceil(w / width)));
    const firstBand: number[] = [];
    const tierOfBand: number[] = [];
    rows.forEach((n, tier) => {
      firstBand.push(tierOfBand.length);
      for (let r = 0; r < n; r++) tierOfBand.push(tier);
    });
    const band = new Map<string, number>();
    for (const ids of groups.values()) {
      const tier = layers.get(ids[0])!.layer;
      const perRow = Math.ceil(ids.length / rows[tier]);
      ids.forEach((id, i) => band.set(id, firstBand[tier] + Math.floor(i / perRow)));
    }
    // A band no container filled (every share of its tier fitted in fewer rows) is dropped.
    const used = [...new Set(band.values())].sort((a, b) => a - b);
    const renumbered = new Map(used.map((b, i) => [b, i]));
    const out = new Map<string, LeafLayer>();
    for (const [id, b] of band) out.set(id, { layer: renumbered.get(b)!, order: layers.get(id)!.order });
    return { layers: out, tierOfBand: used.map((b) => tierOfBand[b]) };
  }
}
