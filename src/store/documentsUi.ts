// What the documents features show around the canvas: the Mermaid drawer, its diagram and direction,
// the share-link popover, and the overlay while a file is dragged over the page. UI only:
// never part of the document or its undo history.
import { create } from 'zustand';

export type Direction = 'TB' | 'LR';
/** Which Mermaid diagram the drawer shows: the flowchart renders in more places, so it is the default. */
export type MermaidDiagramKind = 'flowchart' | 'architecture';

export interface SharedLink {
  url: string;
  /** Whether the link reached the clipboard; when not, the popover asks for Ctrl+C. */
  copied: boolean;
}

export interface DocumentsUiState {
  mermaidOpen: boolean;
  /** The preview's direction; undefined follows the document's own `view.direction`. */
  mermaidDirection: Direction | undefined;
  mermaidDiagram: MermaidDiagramKind;
  share: SharedLink | null;
  dragging: boolean;
  /** The drafts and versions panel (kept-aside drafts, the local history). */
  draftsOpen: boolean;
  setMermaidOpen: (open: boolean) => void;
  setMermaidDirection: (direction: Direction) => void;
  setMermaidDiagram: (diagram: MermaidDiagramKind) => void;
  showShare: (share: SharedLink | null) => void;
  setDragging: (dragging: boolean) => void;
  setDraftsOpen: (open: boolean) => void;
}

export const useDocumentsUi = create<DocumentsUiState>()((set) => ({
  mermaidOpen: false,
  mermaidDirection: undefined,
  mermaidDiagram: 'flowchart',
  share: null,
  dragging: false,
  draftsOpen: false,
  setMermaidOpen: (mermaidOpen) => set({ mermaidOpen }),
  setMermaidDirection: (mermaidDirection) => set({ mermaidDirection }),
  setMermaidDiagram: (mermaidDiagram) => set({ mermaidDiagram }),
  showShare: (share) => set({ share }),
  setDragging: (dragging) => set({ dragging }),
  setDraftsOpen: (draftsOpen) => set({ draftsOpen }),
}));
