// The order of the background work when a large design without positions opens. With two
// cores the layout worker, the analysis worker (its analysis, then its simulation) and V8's
// compiler threads took both at once, and the page's own tasks (drawing the opened design,
// its analysis, the laid-out design) waited for a core: 190-280 ms of wall time for 20-40 ms
// of CPU at 1,000 components (issue 20's aim: no task over 200 ms while opening 1,000). So
// one worker at a time: the analysis first (what the person opened the design for; the rough
// placement is on screen meanwhile), then the layout, then the simulation once the laid-out
// design is drawn. An edit meanwhile is analysed and simulated as any edit is.
import { create } from 'zustand';
import type { Topology } from '../model';

/** Components past which the opening's work is ordered. */
export const ORDERED_PAST = 300;

/**
 * `design`: the opened design whose layout is not drawn yet; null when nothing waits for one.
 * `openings`: how many designs replaced the one on the page (beginOpening).
 */
export const useOpeningOrder = create<{ design: Topology | null; openings: number }>()(() => ({ design: null, openings: 0 }));

/**
 * Call when a design replaces the one on the page (a file, a share link, a template, New, a
 * restored version), before it is loaded: what runs for the design it replaces stops (the
 * analysis driver cancels its simulation), so that none of it delays the new design's work.
 */
export function beginOpening(): void {
  useOpeningOrder.setState((s) => ({ openings: s.openings + 1 }));
}

/**
 * Call before loading a design that will be laid out: the analysis driver reacts to the load
 * at once. A small design is not ordered: its layout may first load ELK (1.5 MB), which would
 * delay it by more than the two workers cost each other.
 */
export function beginOpeningLayout(opened: Topology): void {
  useOpeningOrder.setState({ design: opened.components.length > ORDERED_PAST ? opened : null });
}

/** The layout of `opened` is drawn, failed or dropped: what waited for it may go (a newer opening's wait stays). */
export function endOpeningLayout(opened: Topology): void {
  if (useOpeningOrder.getState().design === opened) useOpeningOrder.setState({ design: null });
}
