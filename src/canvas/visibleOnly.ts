// Large designs draw only what is on screen (React Flow's `onlyRenderVisibleElements`):
// every mounted node and edge runs its store selectors on each pan, drag and analysis
// update, so at 1,000 components a fully mounted canvas spends hundreds of milliseconds per
// frame on nodes nobody sees. Small designs keep everything mounted (nothing to gain). An
// image export needs every node in the DOM: it asks for them all while it draws.
import { create } from 'zustand';

/** From this many nodes (components and containers) on, only the visible ones are drawn. */
export const VISIBLE_ONLY_FROM = 200;

const useDrawAll = create<{ requests: number }>()(() => ({ requests: 0 }));

/** Whether the canvas should draw only its visible nodes and edges. */
export function useVisibleOnly(nodeCount: number): boolean {
  const drawAll = useDrawAll((s) => s.requests > 0);
  return nodeCount >= VISIBLE_ONLY_FROM && !drawAll;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Runs `draw` with every node and edge mounted; `drawn` says when they are (the DOM holds
 * them all, measured). Gives up waiting after `timeoutMs` and draws what there is.
 */
export async function withEveryNodeDrawn<T>(drawn: () => boolean, draw: () => Promise<T>, timeoutMs = 5000): Promise<T> {
  useDrawAll.setState((s) => ({ requests: s.requests + 1 }));
  try {
    const deadline = performance.now() + timeoutMs;
    await frame();
    while (!drawn() && performance.now() < deadline) await frame();
    // One more frame: nodes measured in the last one get their edges drawn in this one.
    await frame();
    return await draw();
  } finally {
    useDrawAll.setState((s) => ({ requests: s.requests - 1 }));
  }
}
