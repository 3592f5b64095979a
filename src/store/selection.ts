// The selection and what the canvas is doing: kept apart from the document so that
// selecting never enters undo history and never triggers an analysis.
import { create } from 'zustand';

export type LinkMode = 'dependency' | 'replication';

export interface SelectionState {
  nodeIds: string[];
  edgeIds: string[];
  /** What a newly drawn connection becomes. */
  linkMode: LinkMode;
  /** The container under a node being dragged (highlighted as the drop target). */
  dropTarget: string | null;
  select: (nodeIds: string[], edgeIds?: string[]) => void;
  clear: () => void;
  setLinkMode: (mode: LinkMode) => void;
  setDropTarget: (id: string | null) => void;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export const useSelection = create<SelectionState>()((set, get) => ({
  nodeIds: [],
  edgeIds: [],
  linkMode: 'dependency',
  dropTarget: null,
  select: (nodeIds, edgeIds = []) => {
    const s = get();
    // Unchanged selections keep their arrays, so subscribers do not re-render.
    if (sameList(s.nodeIds, nodeIds) && sameList(s.edgeIds, edgeIds)) return;
    set({ nodeIds, edgeIds });
  },
  clear: () => get().select([], []),
  setLinkMode: (linkMode) => set({ linkMode }),
  setDropTarget: (dropTarget) => {
    if (get().dropTarget !== dropTarget) set({ dropTarget });
  },
}));

/** Drops selected ids that no longer exist (after undo, delete, open). */
export function pruneSelection(exists: (id: string) => boolean, edgeExists: (key: string) => boolean): void {
  const s = useSelection.getState();
  const nodeIds = s.nodeIds.filter(exists);
  const edgeIds = s.edgeIds.filter(edgeExists);
  if (nodeIds.length !== s.nodeIds.length || edgeIds.length !== s.edgeIds.length) s.select(nodeIds, edgeIds);
}
