// Delete, select all, copy, cut, paste and duplicate the selection.
import { ClipboardPaste, Copy, CopyPlus, Scissors, Trash2 } from 'lucide-react';
import { openPastedDefinitions, openPastedDesign } from './documents';
import { looksLikeInfrastructure } from './infraImport';
import { isMermaidDiagram } from '../io/mermaidStart';
import type { Fragment } from '../store/clipboard';
import { fragmentFromText, fragmentToText } from '../store/clipboardText';
import { useDocument } from '../store/document';
import { useSelection } from '../store/selection';
import { useUi } from '../store/ui';
import { key, mod, type Command } from './types';

const PASTE_STEP = 32;
// The last fragment copied here or pasted from the system clipboard, and its text: the
// system clipboard carries it between tabs; this copy serves where the system one cannot.
let clipboard: Fragment | null = null;
let clipboardText: string | null = null;
let pasteCount = 0;
/**
 * Whether this tab's last copy reached the system clipboard. When it did, other text found
 * there on paste was copied since (in another app): the last copy here is stale and is not
 * what the user means to paste.
 */
let copyOnSystemClipboard = false;

/** Copies the selected nodes; returns the fragment's text for the system clipboard. */
function copySelection(): string | null {
  const fragment = useDocument.getState().copy(useSelection.getState().nodeIds);
  if (!fragment) return null;
  clipboard = fragment;
  clipboardText = fragmentToText(fragment);
  pasteCount = 0;
  return clipboardText;
}

/** From a menu there is no clipboard event to write into: the asynchronous API, when allowed. */
function writeSystemClipboard(text: string): void {
  const api = (globalThis as { navigator?: Navigator }).navigator?.clipboard;
  copyOnSystemClipboard = false;
  api?.writeText(text).then(() => { copyOnSystemClipboard = true; }, () => { /* the in-app copy still pastes */ });
}

/** Pastes and selects what came in; a paste that would break the design changes nothing and says why. */
function pasteAndSelect(fragment: Fragment, offset: { x: number; y: number }): void {
  const { ids, problems } = useDocument.getState().paste(fragment, offset);
  if (problems.length) {
    useUi.getState().showError('Nothing was pasted: the design would not be valid with it', problems);
    return;
  }
  useSelection.getState().select(ids);
}

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
  // The keys go through the browser's copy event (onClipboardEvent), which can write the system clipboard.
  shortcut: 'Ctrl+C',
  predicate: () => useSelection.getState().nodeIds.length > 0,
  perform: () => {
    const text = copySelection();
    if (text) writeSystemClipboard(text);
  },
};

export const cut: Command = {
  id: 'cut',
  label: 'Cut',
  icon: Scissors,
  shortcut: 'Ctrl+X',
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
  predicate: () => clipboard !== null,
  perform: () => {
    if (!clipboard) return;
    pasteCount++;
    const step = PASTE_STEP * pasteCount;
    pasteAndSelect(clipboard, { x: step, y: step });
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
    pasteAndSelect(fragment, { x: PASTE_STEP, y: PASTE_STEP });
  },
};

/**
 * The browser's copy, cut and paste events (Ctrl+C, Ctrl+X, Ctrl+V outside a text field):
 * copy and cut put the selection on the system clipboard as text; paste takes a fragment
 * from it (copied in this tab or another), or else this tab's own last copy.
 */
export function onClipboardEvent(e: ClipboardEvent): void {
  if (e.type === 'copy' || e.type === 'cut') {
    if (!copy.predicate!()) return;
    const text = copySelection();
    if (!text) return;
    e.clipboardData?.setData('text/plain', text);
    copyOnSystemClipboard = e.clipboardData !== null;
    e.preventDefault();
    if (e.type === 'cut') {
      deleteSelection.perform();
      pasteCount = -1;
    }
    return;
  }
  if (e.type !== 'paste') return;
  const text = e.clipboardData?.getData('text/plain') ?? '';
  const read = fragmentFromText(text);
  if (read.kind === 'broken') {
    e.preventDefault();
    useUi.getState().showError('Nothing was pasted: the clipboard holds a SPOF Studio fragment that cannot be read', read.problems);
    return;
  }
  if (read.kind === 'other' && looksLikeInfrastructure(text)) {
    // A compose file, manifests or Terraform pasted onto the page: imported as a design.
    e.preventDefault();
    void openPastedDefinitions(text);
    return;
  }
  if (read.kind === 'other' && text.trim() !== '') {
    const design = pastedDesignExtension(text);
    if (design) {
      // A whole design or a Mermaid flowchart: opened as its file would be (asking over unsaved work).
      e.preventDefault();
      void openPastedDesign(text, design);
      return;
    }
    if (!clipboard || copyOnSystemClipboard) {
      // Words, a web page, another app's shapes: pasting this tab's last copy instead was a surprise.
      e.preventDefault();
      useUi.getState().showNotice('Nothing was pasted: the clipboard holds text that is not part of a design', [
        'copy components here or in another SPOF Studio tab, or paste a whole design (.spof.json), a Mermaid flowchart, a compose file, Kubernetes manifests or Terraform',
      ]);
      return;
    }
  }
  if (read.kind === 'fragment' && text !== clipboardText) {
    clipboard = read.fragment;
    clipboardText = text;
    pasteCount = 0;
  }
  if (!clipboard) return;
  e.preventDefault();
  paste.perform();
}

/** A whole design or a Mermaid diagram in pasted text: the extension of the file it would be. */
function pastedDesignExtension(text: string): '.spof.json' | '.mmd' | undefined {
  if (/^\s*\{/.test(text) && /"format"\s*:\s*"spof-topology"/.test(text)) return '.spof.json';
  if (isMermaidDiagram(text)) return '.mmd';
  return undefined;
}
