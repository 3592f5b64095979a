// Auto-layout entry point, called by the `layout` command (toolbar button `layout`).
//
// TODO(layout): implemented by the auto-layout work (elkjs in a worker, src/layout).
// This is deliberately a no-op until then. The implementation should:
//   1. read the document: `useDocument.getState().doc` (src/store/document.ts);
//   2. compute `view.positions` (top-left RELATIVE TO THE NODE'S CONTAINER, see
//      src/store/geometry.ts) and `view.sizes` for containers, nesting-aware;
//   3. write it in ONE undo step: `useDocument.getState().applyTopology(next, 'Auto-layout')`.
import type { Topology } from '../model';

export async function runAutoLayout(_doc: Topology): Promise<void> {
  // Intentionally empty: see the TODO above.
}
