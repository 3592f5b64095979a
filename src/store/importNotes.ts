// What the last import said (src/import/notes.ts), kept beside the design it opened so the
// person can check each guess and correct it; shown by src/panels/importNotes. Replaced by
// the next import, cleared when another document replaces the imported one.
import { create } from 'zustand';
import type { ImportNote, ImportNoteKind } from '../import/notes';

export type NoteFilter = 'all' | ImportNoteKind;

export interface ImportNotesState {
  /** The file the notes are about; undefined when there is nothing to show. */
  file?: string;
  notes: ImportNote[];
  /** The input rewritten so that it parses, when the import read it leniently (Mermaid). */
  correctedText?: string;
  collapsed: boolean;
  filter: NoteFilter;
  show: (file: string, notes: ImportNote[], correctedText?: string) => void;
  clear: () => void;
  setCollapsed: (collapsed: boolean) => void;
  setFilter: (filter: NoteFilter) => void;
}

export const useImportNotes = create<ImportNotesState>()((set) => ({
  notes: [],
  collapsed: false,
  filter: 'all',
  show: (file, notes, correctedText) => set({ file, notes, correctedText, collapsed: false, filter: 'all' }),
  clear: () => set({ file: undefined, notes: [], correctedText: undefined }),
  setCollapsed: (collapsed) => set({ collapsed }),
  setFilter: (filter) => set({ filter }),
}));
