// Undo and redo: one step is one action of the document store.
import { Redo2, Undo2 } from 'lucide-react';
import { canRedo, canUndo, redo as redoDoc, undo as undoDoc } from '../store/document';
import { key, mod, type Command } from './types';

export const undo: Command = {
  id: 'undo',
  label: 'Undo',
  icon: Undo2,
  shortcut: 'Ctrl+Z',
  keyTest: (e) => mod(e) && !e.shiftKey && key(e, 'z'),
  predicate: canUndo,
  perform: undoDoc,
};

export const redo: Command = {
  id: 'redo',
  label: 'Redo',
  icon: Redo2,
  shortcut: 'Ctrl+Shift+Z',
  keyTest: (e) => mod(e) && ((e.shiftKey && key(e, 'z')) || key(e, 'y')),
  predicate: canRedo,
  perform: redoDoc,
};
