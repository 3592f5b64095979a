// While a large design opened without positions is laid out, its analysis waits. With two
// cores the layout worker, the analysis worker (its analysis, then its simulation) and V8's
// compiler threads took both, and the page's own tasks (drawing the opened design, then the
// laid-out one) waited for a core: 190-280 ms of wall time for 20-40 ms of CPU (issue 20's aim
// is no task over 200 ms while opening 1,000 components). The layout goes first, since it
// changes what the person looks at; the analysis starts once the laid-out design is drawn.
// Edited meanwhile, the design is analysed at once (the layout will be dropped anyway).
import { create } from 'zustand';
import type { Topology } from '../model';

/** Components past which the analysis of an opened design waits for its layout. */
export const HELD_PAST = 300;

/** The opened design being laid out, whose analysis waits; null when nothing waits. */
export const useAnalysisHold = create<{ design: Topology | null }>()(() => ({ design: null }));

/**
 * Call before loading a design that will be laid out: the analysis driver reacts to the load
 * at once. A small design is not held: its layout may first load ELK (1.5 MB), which would
 * delay its analysis by more than the two workers cost each other.
 */
export function holdAnalysisForLayout(opened: Topology): void {
  useAnalysisHold.setState({ design: opened.components.length > HELD_PAST ? opened : null });
}

/** The layout of `opened` is drawn, failed or dropped: its analysis may go (a newer hold stays). */
export function releaseAnalysisHold(opened: Topology): void {
  if (useAnalysisHold.getState().design === opened) useAnalysisHold.setState({ design: null });
}
