// Delete, select all, copy, cut, paste and duplicate the selection.
import { ClipboardPaste, Copy, CopyPlus, Scissors, Trash2 } from 'lucide-react';
import type { Fragment } from '../store/clipboard';
import { useDocument } from '../store/document';
import { useSelection } from '../store/selection';
import { key, mod, type Command } from './types';

const PASTE_STEP = 32;
let clipboard: Fragment | null = null;
let pasteCount = 0;

const hasSelection = () => {
  const s = useSelection.getState();
  return s.nodeIds.length > 0 || s.edgeIds.length > 0;
};

export const deleteSelection: Command = {
  id: 'delete',
  label: 'Delete',
  icon: Trash2,
  shortcut: 'Delete',
  keyTest: (e) => !mod(e) && (e.key === 'Delete' || e.key === 'Backspace'),
  predicate: hasSelection,
  perform: () => {
    const { nodeIds, edgeIds, clear } = useSelection.getState();
    useDocument.getState().deleteElements(nodeIds, edgeIds);
    clear();
  },
};

export const selectAll: Command = {
  id: 'select-all',
  label: 'Select all',
  shortcut: 'Ctrl+A',
  keyTest: (e) => mod(e) && key(e, 'a'),
  perform: () => {
    const { doc } = useDocument.getState();
    useSelection.getState().select([...doc.domains.map((d) => d.id), ...doc.components.map((c) => c.id)]);
  },
};

export const deselect: Command = {
  id: 'deselect',
  label: 'Select nothing',
  shortcut: 'Escape',
  keyTest: (e) => e.key === 'Escape',
  predicate: hasSelection,
  perform: () => useSelection.getState().clear(),
};

export const copy: Command = {
  id: 'copy',
  label: 'Copy',
  icon: Copy,
  shortcut: 'Ctrl+C',
  keyTest: (e) => mod(e) && key(e, 'c'),
  predicate: () => useSelection.getState().nodeIds.length > 0,
  perform: () => {
    const fragment = useDocument.getState().copy(useSelection.getState().nodeIds);
    if (fragment) {
      clipboard = fragment;
      pasteCount = 0;
    }
  },
};

export const cut: Command = {
  id: 'cut',
  label: 'Cut',
  icon: Scissors,
  shortcut: 'Ctrl+X',
  keyTest: (e) => mod(e) && key(e, 'x'),
  predicate: () => useSelection.getState().nodeIds.length > 0,
  perform: () => {
    copy.perform();
    deleteSelection.perform();
    // A cut pastes back where it was.
    pasteCount = -1;
  },
};

export const paste: Command = {
  id: 'paste',
  label: 'Paste',
  icon: ClipboardPaste,
  shortcut: 'Ctrl+V',
  keyTest: (e) => mod(e) && key(e, 'v'),
  predicate: () => clipboard !== null,
  perform: () => {
    if (!clipboard) return;
    pasteCount++;
    const step = PASTE_STEP * pasteCount;
    const ids = useDocument.getState().paste(clipboard, { x: step, y: step });
    useSelection.getState().select(ids);
  },
};

export const duplicate: Command = {
  id: 'duplicate',
  label: 'Duplicate',
  icon: CopyPlus,
  shortcut: 'Ctrl+D',
  keyTest: (e) => mod(e) && key(e, 'd'),
  predicate: () => useSelection.getState().nodeIds.length > 0,
  perform: () => {
    const fragment = useDocument.getState().copy(useSelection.getState().nodeIds);
    if (!fragment) return;
    const ids = useDocument.getState().paste(fragment, { x: PASTE_STEP, y: PASTE_STEP });
    useSelection.getState().select(ids);
  },
};
