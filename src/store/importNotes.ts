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
  /** One summary line above the canvas (as an import opens them), or the list over it. */
  collapsed: boolean;
  filter: NoteFilter;
  show: (file: string, notes: ImportNote[], correctedText?: string) => void;
  clear: () => void;
  setCollapsed: (collapsed: boolean) => void;
  setFilter: (filter: NoteFilter) => void;
}

export const useImportNotes = create<ImportNotesState>()((set) => ({
  notes: [],
  collapsed: true,
  filter: 'all',
  // Compact at first: the diagram just opened is what the person wants to see.
  show: (file, notes, correctedText) => set({ file, notes, correctedText, collapsed: true, filter: 'all' }),
  clear: () => set({ file: undefined, notes: [], correctedText: undefined }),
  setCollapsed: (collapsed) => set({ collapsed }),
  setFilter: (filter) => set({ filter }),
}));
