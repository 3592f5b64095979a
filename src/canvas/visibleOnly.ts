// Large designs draw only what is on screen (React Flow's `onlyRenderVisibleElements`):
// every mounted node and edge runs its store selectors on each pan, drag and analysis
// update, so at 1,000 components a fully mounted canvas spends hundreds of milliseconds per
// frame on nodes nobody sees. Small designs keep everything mounted (nothing to gain).
// Image exports are drawn from the document (src/io/svg), not from the DOM.

/** From this many nodes (components and containers) on, only the visible ones are drawn. */
export const VISIBLE_ONLY_FROM = 200;

/** Whether the canvas should draw only its visible nodes and edges. */
export function useVisibleOnly(nodeCount: number): boolean {
  return nodeCount >= VISIBLE_ONLY_FROM;
}
