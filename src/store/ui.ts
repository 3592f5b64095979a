// Messages to the person: an error that names what is wrong (a bad file, a bad link),
// or a notice (a draft kept aside, a document opened with warnings).
import { create } from 'zustand';

export interface UiMessage {
  title: string;
  /** One line per problem, each naming its path: `components[3].availability: ...` */
  details: string[];
}

export interface UiState {
  error: UiMessage | null;
  /** The document as last saved to or opened from a file (or a template): "unsaved" compares with it. */
  savedDoc: unknown;
  markSaved: (doc: unknown) => void;
  notice: UiMessage | null;
  showError: (title: string, details?: string[]) => void;
  showNotice: (title: string, details?: string[]) => void;
  dismiss: () => void;
}

export const useUi = create<UiState>()((set) => ({
  error: null,
  notice: null,
  savedDoc: null,
  markSaved: (savedDoc) => set({ savedDoc }),
  showError: (title, details = []) => set({ error: { title, details }, notice: null }),
  showNotice: (title, details = []) => set({ notice: { title, details } }),
  dismiss: () => set({ error: null, notice: null }),
}));
