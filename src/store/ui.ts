// Messages to the person: an error that names what is wrong (a bad file, a bad link),
// or a notice (a draft kept aside, a document opened with warnings).
import { create } from 'zustand';

export interface UiAction {
  label: string;
  run: () => void;
  testId?: string;
}

export interface UiMessage {
  title: string;
  /** One line per problem, each naming its path: `components[3].availability: ...` */
  details: string[];
  /** Buttons under the message (open a shared design anyway, show kept-aside drafts). */
  actions?: UiAction[];
}

export interface UiState {
  error: UiMessage | null;
  /** The document as last saved to or opened from a file (or a template): "unsaved" compares with it. */
  savedDoc: unknown;
  markSaved: (doc: unknown) => void;
  notice: UiMessage | null;
  showError: (title: string, details?: string[], actions?: UiAction[]) => void;
  showNotice: (title: string, details?: string[], actions?: UiAction[]) => void;
  dismiss: () => void;
}

export const useUi = create<UiState>()((set) => ({
  error: null,
  notice: null,
  savedDoc: null,
  markSaved: (savedDoc) => set({ savedDoc }),
  showError: (title, details = [], actions) => set({ error: { title, details, ...(actions ? { actions } : {}) }, notice: null }),
  showNotice: (title, details = [], actions) => set({ notice: { title, details, ...(actions ? { actions } : {}) } }),
  dismiss: () => set({ error: null, notice: null }),
}));
