// What the documents features show around the canvas: the Mermaid drawer and its direction,
// the share-link popover, and the overlay while a file is dragged over the page. UI only:
// never part of the document or its undo history.
import { create } from 'zustand';

export type Direction = 'TB' | 'LR';

export interface SharedLink {
  url: string;
  /** Whether the link reached the clipboard; when not, the popover asks for Ctrl+C. */
  copied: boolean;
}

export interface DocumentsUiState {
  mermaidOpen: boolean;
  /** The preview's direction; undefined follows the document's own `view.direction`. */
  mermaidDirection: Direction | undefined;
  share: SharedLink | null;
  dragging: boolean;
  setMermaidOpen: (open: boolean) => void;
  setMermaidDirection: (direction: Direction) => void;
  showShare: (share: SharedLink | null) => void;
  setDragging: (dragging: boolean) => void;
}

export const useDocumentsUi = create<DocumentsUiState>()((set) => ({
  mermaidOpen: false,
  mermaidDirection: undefined,
  share: null,
  dragging: false,
  setMermaidOpen: (mermaidOpen) => set({ mermaidOpen }),
  setMermaidDirection: (mermaidDirection) => set({ mermaidDirection }),
  showShare: (share) => set({ share }),
  setDragging: (dragging) => set({ dragging }),
}));
