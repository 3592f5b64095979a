// What the keyboard needs beyond the toolbar's commands: linking the selected component to
// another without a mouse drag, and the list of every shortcut.
import { Cable, Keyboard } from 'lucide-react';
import { useAnalysis } from '../store/analysis';
import { useDialogs } from '../store/dialogs';
import { useDocument } from '../store/document';
import { useSelection } from '../store/selection';
import { key, mod, type Command } from './types';

/** The one selected component, when exactly one is selected. */
export function selectedComponent(): string | undefined {
  const { nodeIds, edgeIds } = useSelection.getState();
  if (nodeIds.length !== 1 || edgeIds.length > 0) return undefined;
  return useDocument.getState().doc.components.some((c) => c.id === nodeIds[0]) ? nodeIds[0] : undefined;
}

export const connectTo: Command = {
  id: 'connect-to',
  label: 'Link the selected component to…',
  icon: Cable,
  shortcut: 'C',
  keyTest: (e) => !mod(e) && !e.altKey && !e.shiftKey && key(e, 'c'),
  predicate: () => selectedComponent() !== undefined && !useAnalysis.getState().whatIf.active
    && useDocument.getState().doc.components.length > 1,
  perform: () => useDialogs.getState().show('connect', selectedComponent()),
};

export const showShortcuts: Command = {
  id: 'shortcuts',
  label: 'Keyboard shortcuts',
  icon: Keyboard,
  shortcut: '?',
  keyTest: (e) => !mod(e) && !e.altKey && e.key === '?',
  perform: () => useDialogs.getState().show('shortcuts'),
};
