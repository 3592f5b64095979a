// Long designs folded into columns (TB) or rows (LR), so that they keep a screen-like shape.
//
// wrap.ts handles a drawing too wide across its layers; a long chain is the other way: one
// component per layer, 10,000 layers, a 184 x 1,280,000 px line that a fitted view shows at a
// zoom of 0.0003, where nothing paints. As ELK's layer wrapping and draw.io do for long
// sequences, the layers are cut into runs and the runs are set side by side (TB: columns left
// to right, each read top down; LR: rows top to bottom, each read left to right). A link that
// crosses a cut goes from the end of one run to the start of the next.
//
// Only the top-level nodes move, each as a whole: a cut never goes through a container, so
// a design inside one region that spans every layer stays as it is.
import type { Placed } from './bands';
import { SCREEN_ASPECT } from './wrap';
import type { Direction } from './types';

/**
 * Shorter drawings are not folded: what a 1,600 px screen shows at the canvas's usual lowest
 * zoom (0.2). Below it a design reads as drawn (a Mermaid pipeline stays one line).
 */
export const FOLD_FROM = 8000;
/** Folded only when the drawing is this many times longer than it is broad (the layout's bound, README). */
export const LONGEST = 4;
/** Between two runs: wider than the gap between nodes, so each run reads as one. */
export const RUN_GAP = 120;
const SEARCH_STEPS = 12;

interface Block {
  ids: string[];
  /** Along the layers: start and end. */
  start: number;
  end: number;
  /** Across the layers: start and end. */
  low: number;
  high: number;
}

/**
 * Moves the top-level nodes of `placed` (positions absolute) into runs side by side when the
 * drawing is long; nothing changes otherwise. `topLevel`: the ids of the top-level nodes.
 */
export function foldLong(placed: Map<string, Placed>, topLevel: string[], direction: Direction): void {
  const tb = direction === 'TB';
  const main = (p: Placed) => (tb ? [p.position.y, p.position.y + p.size.height] : [p.position.x, p.position.x + p.size.width]);
  const cross = (p: Placed) => (tb ? [p.position.x, p.position.x + p.size.width] : [p.position.y, p.position.y + p.size.height]);
  const blocks = blocksAlong(topLevel, (id) => main(placed.get(id)!), (id) => cross(placed.get(id)!));
  if (blocks.length < 2) return;
  const length = blocks.at(-1)!.end - blocks[0].start;
  const breadth = highest(blocks) - lowest(blocks);
  if (length < FOLD_FROM || length < LONGEST * breadth) return;

  // Width over height of the folded drawing, as a screen shows it.
  const aspect = (runs: Block[][]) => {
    const { along, across } = extent(runs);
    return tb ? across / along : along / across;
  };
  const score = (runs: Block[][]) => Math.abs(Math.log(aspect(runs) / SCREEN_ASPECT));
  // The run length sought: longer runs make fewer of them (TB: narrower, LR: wider). Bisected on
  // the ratio of its bounds, as wrap.ts's row width.
  let low = 1;
  for (const b of blocks) low = Math.max(low, b.end - b.start);
  let high = length;
  let best = runsOf(blocks, high);
  for (let step = 0; step < SEARCH_STEPS && high / low > 1.01; step++) {
    const runLength = Math.sqrt(low * high);
    const runs = runsOf(blocks, runLength);
    if (score(runs) < score(best)) best = runs;
    // Too long a run: the drawing is still too narrow (TB) or too wide (LR).
    const tooLong = tb ? aspect(runs) < SCREEN_ASPECT : aspect(runs) > SCREEN_ASPECT;
    if (tooLong) high = runLength;
    else low = runLength;
  }
  if (best.length < 2) return;

  const mainOrigin = blocks[0].start;
  let crossAt = lowest(blocks);
  for (const run of best) {
    const [start, low] = [run[0].start, lowest(run)];
    for (const block of run) {
      for (const id of block.ids) {
        const p = placed.get(id)!;
        const [m, c] = tb ? [p.position.y, p.position.x] : [p.position.x, p.position.y];
        const [nm, nc] = [m - start + mainOrigin, c - low + crossAt];
        p.position = tb ? { x: nc, y: nm } : { x: nm, y: nc };
      }
    }
    crossAt += highest(run) - low + RUN_GAP;
  }
}

/** The top-level nodes grouped where no node spans from one group to the next, in order along the layers. */
function blocksAlong(ids: string[], main: (id: string) => number[], cross: (id: string) => number[]): Block[] {
  const sorted = [...ids].sort((a, b) => main(a)[0] - main(b)[0]);
  const blocks: Block[] = [];
  for (const id of sorted) {
    const [start, end] = main(id);
    const [low, high] = cross(id);
    const last = blocks.at(-1);
    if (last && start < last.end) {
      last.ids.push(id);
      last.end = Math.max(last.end, end);
      last.low = Math.min(last.low, low);
      last.high = Math.max(last.high, high);
    } else {
      blocks.push({ ids: [id], start, end, low, high });
    }
  }
  return blocks;
}

/** The blocks cut into runs no longer than `runLength` (a block longer than that is a run of its own). */
function runsOf(blocks: Block[], runLength: number): Block[][] {
  const runs: Block[][] = [];
  let run: Block[] = [];
  for (const b of blocks) {
    if (run.length > 0 && b.end - run[0].start > runLength) {
      runs.push(run);
      run = [];
    }
    run.push(b);
  }
  runs.push(run);
  return runs;
}

/** The folded drawing's extent along the layers (the longest run) and across them (the runs side by side). */
function extent(runs: Block[][]): { along: number; across: number } {
  let along = 0;
  let across = -RUN_GAP;
  for (const run of runs) {
    along = Math.max(along, run.at(-1)!.end - run[0].start);
    across += highest(run) - lowest(run) + RUN_GAP;
  }
  return { along, across };
}

const lowest = (blocks: Block[]) => blocks.reduce((m, b) => Math.min(m, b.low), Infinity);
const highest = (blocks: Block[]) => blocks.reduce((m, b) => Math.max(m, b.high), -Infinity);
