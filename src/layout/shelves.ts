// A drawing too wide for wrapping to narrow, cut into shelves stacked along the layers (issue 14).
//
// wrap.ts narrows a drawing by wrapping its wide tiers into rows. It cannot narrow a container
// whose children are columns: a zone whose components sit tiers apart spans every band between
// them, and more rows only make every such zone taller. The whole estate at the limits is that:
// 4,470 zones of about four components spread over 20 tiers, nearly all crossing the middle
// tiers, side by side: a strip 13 to 32 times wider than tall, whatever the rows.
//
// Here the drawing is cut across into strips of one width and the strips are stacked, as a
// long text is set in columns: each strip becomes a shelf with its own copy of the tiers
// (shelf s, tier t is layer s * tiers + t), so tier t sits at the same height in every shelf
// and a link inside a shelf still points down. A container narrower than a strip goes whole
// into the shelf of its middle; a wider one is cut too and spans the shelves of its parts.
// The price: a link from a shelf to one above it points up. Only a drawing that wrapping
// left wider than a screen is cut (layoutTopology.ts), so every other drawing is as it was.
import type { Placed } from './bands';
import { ROOT, type ContainerTree } from './containers';
import type { LeafLayer } from './elkGraph';
import type { Direction } from './types';
import { aspectLimit, isScreenLike, type Extent } from './wrap';

/** Placements tried in the search for the number of shelves: each is a quick placement of the whole drawing. */
const SEARCH_STEPS = 8;

/** Each node's extent across the layers in the drawing placed with the tiers as they are. */
export type CrossExtent = (id: string) => readonly [start: number, end: number];

/**
 * The layering cut into the fewest shelves that make the drawing screen-like (wrap.ts's
 * bound), found by placing it quickly; undefined when no number of shelves does better
 * than the drawing as it is. `place` places a layering (its layers taken as tiers, quickly).
 */
export function stackShelves(
  tree: ContainerTree,
  nodes: Set<string>,
  layers: Map<string, LeafLayer>,
  direction: Direction,
  place: (layers: Map<string, LeafLayer>) => Map<string, Placed>,
  extentOf: (placed: Map<string, Placed>) => Extent,
): Map<string, LeafLayer> | undefined {
  const aspect = ({ cross, main }: Extent) => cross / main;
  const limit = aspectLimit(direction);
  const flat = place(layers);
  const cross = absoluteCross(tree, flat, direction);
  const tried = new Map<number, { layers: Map<string, LeafLayer>; extent: Extent }>();
  const attempt = (count: number) => {
    const l = shelved(tree, nodes, layers, cross, count);
    tried.set(count, { layers: l, extent: extentOf(place(l)) });
    return tried.get(count)!.extent;
  };
  // Shelves of width W / n stacked n high: W / (n * n * H) is the aspect sought.
  let count = Math.max(2, Math.ceil(Math.sqrt(aspect(extentOf(flat)) / limit)));
  let fails = 1;
  let fits: number | undefined;
  for (let step = 0; step < SEARCH_STEPS; step++) {
    const extent = attempt(count);
    if (isScreenLike(extent, direction)) fits = count;
    else fails = count;
    // Past the bound: more shelves, by as many as the aspect says; once one fits, halve the gap.
    if (fits === undefined) count = Math.max(count + 1, Math.ceil(count * Math.sqrt(aspect(extent) / limit)));
    else if (fits - fails > 1) count = Math.floor((fits + fails) / 2);
    else break;
  }
  if (fits !== undefined) return tried.get(fits)!.layers;
  // None fitted within the steps: the closest, if it is closer than the drawing as it is.
  const distance = (e: Extent) => Math.abs(Math.log(aspect(e) / limit));
  const closest = [...tried.values()].sort((a, b) => distance(a.extent) - distance(b.extent))[0];
  return closest && distance(closest.extent) < distance(extentOf(flat)) ? closest.layers : undefined;
}

/** Each node's absolute extent across the layers in a placement (whose positions are relative to their parents). */
function absoluteCross(tree: ContainerTree, placed: Map<string, Placed>, direction: Direction): CrossExtent {
  const starts = new Map<string, number>();
  const startOf = (id: string): number => {
    const known = starts.get(id);
    if (known !== undefined) return known;
    const p = placed.get(id)!.position;
    const parent = tree.parentOf.get(id);
    const start = (direction === 'TB' ? p.x : p.y) + (parent === undefined ? 0 : startOf(parent));
    starts.set(id, start);
    return start;
  };
  return (id) => {
    const size = placed.get(id)!.size;
    const start = startOf(id);
    return [start, start + (direction === 'TB' ? size.width : size.height)];
  };
}

/**
 * The layering with its leaves (components and empty containers) moved to `count` shelves:
 * the drawing's width cut into `count` equal strips, left to right (TB; top to bottom in LR)
 * becoming shelves top to bottom (LR: left to right).
 */
export function shelved(
  tree: ContainerTree,
  nodes: Set<string>,
  layers: Map<string, LeafLayer>,
  cross: CrossExtent,
  count: number,
): Map<string, LeafLayer> {
  let tiers = 0;
  for (const l of layers.values()) tiers = Math.max(tiers, l.layer + 1);
  const kids = (id: string) => (tree.childrenOf.get(id) ?? []).filter((k) => nodes.has(k));
  const top = kids(ROOT);
  const [from, to] = [Math.min(...top.map((id) => cross(id)[0])), Math.max(...top.map((id) => cross(id)[1]))];
  const strip = (to - from) / count;
  const shelfAt = (at: number) => Math.min(count - 1, Math.max(0, Math.floor((at - from) / strip)));

  const out = new Map<string, LeafLayer>();
  // Iterative: domains nest 32 deep.
  const stack: [id: string, shelf: number | undefined][] = top.map((id) => [id, undefined]);
  while (stack.length > 0) {
    const [id, whole] = stack.pop()!;
    const [start, end] = cross(id);
    const shelf = whole ?? (end - start <= strip || !kids(id).length ? shelfAt((start + end) / 2) : undefined);
    const l = layers.get(id);
    if (l) out.set(id, { layer: (shelf ?? shelfAt((start + end) / 2)) * tiers + l.layer, order: l.order });
    for (const k of kids(id)) stack.push([k, shelf]);
  }
  // A tier empty in a shelf (the clients' in every shelf but the first) is no band of it.
  const used = [...new Set([...out.values()].map((l) => l.layer))].sort((a, b) => a - b);
  const renumbered = new Map(used.map((layer, i) => [layer, i]));
  for (const l of out.values()) l.layer = renumbered.get(l.layer)!;
  return out;
}
