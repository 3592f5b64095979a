// Which modal dialog is open (the keyboard's link picker, the list of shortcuts): one at a time.
import { create } from 'zustand';

export type DialogName = 'connect' | 'shortcuts';

export interface DialogsState {
  open: DialogName | null;
  /** What the dialog is about (the component a new link starts from). */
  subject: string | null;
  show: (name: DialogName, subject?: string) => void;
  close: () => void;
}

export const useDialogs = create<DialogsState>()((set) => ({
  open: null,
  subject: null,
  show: (open, subject) => set({ open, subject: subject ?? null }),
  close: () => set({ open: null, subject: null }),
}));
