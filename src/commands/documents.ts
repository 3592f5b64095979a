// New, open, save and templates: the ways a whole document comes and goes.
import { fileSave } from 'browser-fs-access';
import { FilePlus, FolderOpen, Save } from 'lucide-react';
import { getFlowInstance } from '../canvas/flowBridge';
import { formatImportNote } from '../import/notes';
import { TOPOLOGY_EXTENSION, topologyFileName } from '../io/files';
import { serializeTopology, type Topology } from '../model';
import { useDocument } from '../store/document';
import { emptyDocument, isEmptyDocument } from '../store/edits';
import { layoutOpenedDocument, needsLayout } from '../store/layoutAction';
import { ensurePositions } from '../store/placement';
import { useSelection } from '../store/selection';
import { useUi } from '../store/ui';
import { templateById } from '../templates';
import { importerFor } from './importers';
import { key, mod, type Command } from './types';

/** Whether the design differs from what was last saved, opened or started from. */
export function hasUnsavedWork(): boolean {
  const { doc } = useDocument.getState();
  return !isEmptyDocument(doc) && doc !== useUi.getState().savedDoc;
}

/** Asks before throwing away unsaved work; true when it is fine to go on. */
export function confirmDiscard(action: string): boolean {
  if (!hasUnsavedWork()) return true;
  return window.confirm(`${action} will replace the current design, which has changes not saved to a file. Continue?`);
}

/** Replaces the design (one undo step) and clears the selection. */
export function replaceDocument(doc: Topology, label: string): void {
  const placed = ensurePositions(doc);
  useDocument.getState().loadDocument(placed, label);
  useUi.getState().markSaved(placed);
  useSelection.getState().clear();
  // Show the whole new design once React Flow has measured it.
  const fit = () => setTimeout(() => void getFlowInstance()?.fitView({ padding: 0.12, maxZoom: 1 }), 50);
  fit();
  // No positions (Mermaid, a hand-written file): the auto-layout replaces the rough placement, same undo step.
  if (needsLayout(doc)) void layoutOpenedDocument().then((applied) => applied && fit());
}

export const newDocument: Command = {
  id: 'new',
  label: 'New',
  icon: FilePlus,
  perform: () => {
    if (!confirmDiscard('A new design')) return;
    replaceDocument(emptyDocument(), 'New design');
    useUi.getState().dismiss();
  },
};

/** Opens a file's text; on any problem the design stays as it is and the error names the paths. */
export async function openDocumentFile(file: File): Promise<boolean> {
  const ui = useUi.getState();
  const importer = importerFor(file.name);
  if (!importer) {
    ui.showError(`Cannot open ${file.name}`, ['expected a .spof.json / .json topology or a .mmd Mermaid flowchart']);
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    ui.showError(`Cannot read ${file.name}`, [(e as Error).message]);
    return false;
  }
  const result = await importer(text, file.name);
  if (!result.ok) {
    ui.showError(`${file.name} was not opened`, result.errors);
    return false;
  }
  if (!confirmDiscard(`Opening ${file.name}`)) return false;
  replaceDocument(result.topology, `Open ${file.name}`);
  const notes = result.notes;
  if (notes.length) {
    // An import guesses kinds and roles from the labels: say which, so they can be checked.
    const what = `${notes.length} guess${notes.length === 1 ? '' : 'es'}`;
    ui.showNotice(`Opened ${file.name}: the import made ${what}; check them in the inspector`, [...result.warnings, ...notes.map(formatImportNote)]);
  } else if (result.warnings.length) ui.showNotice(`Opened ${file.name} with warnings`, result.warnings);
  else ui.dismiss();
  return true;
}

export const openFile: Command = {
  id: 'open',
  label: 'Open…',
  icon: FolderOpen,
  shortcut: 'Ctrl+O',
  keyTest: (e) => mod(e) && key(e, 'o'),
  // The toolbar's file input (test id `import-file`) does the picking.
  perform: () => document.querySelector<HTMLInputElement>('[data-testid="import-file"]')?.click(),
};

/** `Three-tier web app` -> `three-tier-web-app` (accents folded: `Café` -> `cafe`). */
export function fileStem(name: string): string {
  return topologyFileName({ name }).slice(0, -TOPOLOGY_EXTENSION.length);
}

export const saveJson: Command = {
  id: 'export-json',
  label: 'Save',
  icon: Save,
  shortcut: 'Ctrl+S',
  keyTest: (e) => mod(e) && key(e, 's'),
  perform: async () => {
    const { doc } = useDocument.getState();
    const blob = new Blob([serializeTopology(doc)], { type: 'application/json' });
    try {
      await fileSave(blob, { fileName: topologyFileName(doc), extensions: ['.json'], description: 'SPOF Studio topology' });
      useUi.getState().markSaved(doc);
    } catch (e) {
      if ((e as Error).name !== 'AbortError') useUi.getState().showError('The design was not saved', [(e as Error).message]);
    }
  },
};

export function openTemplate(id: string): void {
  const template = templateById(id);
  if (!template) return;
  if (!confirmDiscard(`The template "${template.name}"`)) return;
  replaceDocument(structuredClone(template.topology), `Template ${template.name}`);
  useUi.getState().dismiss();
}
