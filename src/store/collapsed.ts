// Which containers are drawn collapsed: a view setting of the canvas, like the zoom, so
// it is neither in the document nor in undo history, and the analysis never sees it
// (collapsing a region changes what is drawn, not what is computed). An id that names no
// container of the design on the canvas is ignored (src/canvas/collapse.ts).
import { create } from 'zustand';

export interface CollapsedState {
  ids: ReadonlySet<string>;
  toggle: (id: string) => void;
  /** Expands these containers (the ancestors of an element the find box shows, for instance). */
  expand: (ids: readonly string[]) => void;
}

export const useCollapsed = create<CollapsedState>()((set, get) => ({
  ids: new Set(),
  toggle: (id) => {
    const ids = new Set(get().ids);
    if (!ids.delete(id)) ids.add(id);
    set({ ids });
  },
  expand: (expanded) => {
    if (!expanded.some((id) => get().ids.has(id))) return;
    set({ ids: new Set([...get().ids].filter((id) => !expanded.includes(id))) });
  },
}));
