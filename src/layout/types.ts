// Shared shapes of the auto-layout. Coordinates follow React Flow's sub-flow
// convention: a node's position is RELATIVE TO ITS PARENT CONTAINER (the domain
// that holds it), and absolute only for nodes at the root. See containers.ts for
// which container holds which node.
import type { ElkNode } from 'elkjs/lib/elk-api.js';

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export type Direction = 'TB' | 'LR';

/** The one thing the layout needs from ELK; an `elk.bundled.js` or `elk-api.js` instance both fit. */
export interface ElkLayouter {
  layout(graph: ElkNode): Promise<ElkNode>;
}

export interface LayoutOptions {
  /** Dependencies flow top to bottom (TB, the default) or left to right (LR). Absent: the document's `view.direction`. */
  direction?: Direction;
  /** Measured node sizes (React Flow's `node.measured`), by node id; they win over `view.sizes` and the defaults. */
  sizes?: Record<string, Size>;
  /** Lay out only these node ids (a domain brings everything inside it); every other node keeps its position. */
  only?: string[];
}

export interface LayoutResult {
  /**
   * Every node's position relative to its parent container (absolute at the root). With `only`, the nodes
   * outside the selection keep their `view.positions` entry unchanged (and stay absent if they had none).
   */
  positions: Record<string, Point>;
  /**
   * The size of every container (domain) that was laid out or had to grow to fit its new children, merged
   * over `view.sizes`. Component sizes are not written: components size themselves on the canvas.
   */
  sizes: Record<string, Size>;
}

/** A node the layout knows nothing of; a component's own size is its card's (src/model/nodeCard.ts). */
export const DEFAULT_COMPONENT_SIZE: Size = { width: 184, height: 64 };
/** A domain with nothing inside still needs room for its title and to be a drop target. */
export const EMPTY_CONTAINER_SIZE: Size = { width: 220, height: 120 };
/** Room inside a container: the title bar on top, a margin elsewhere (as src/store/geometry.ts CONTAINER_PADDING). */
export const CONTAINER_PADDING = { top: 48, left: 32, bottom: 32, right: 32 } as const;
