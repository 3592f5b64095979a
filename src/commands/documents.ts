// New, open, save and templates: the ways a whole document comes and goes.
import { FilePlus, FolderOpen, Save } from 'lucide-react';
import { fitOpening, fitOpeningAgain } from '../canvas/flowBridge';
import { TOPOLOGY_EXTENSION, topologyFileName } from '../io/files';
import { prefetchWhenIdle } from '../lazyChunks';
import { MAX_DOCUMENT_CHARS, serializeTopology, type Topology } from '../model';
import { useAnalysis } from '../store/analysis';
import { useDocument } from '../store/document';
import { emptyDocument, isEmptyDocument } from '../store/edits';
import { beginOpening, beginOpeningLayout } from '../store/openingOrder';
import { layoutOpenedDocument, needsLayout, rectsBeforeDrawing } from '../store/layoutAction';
import { beginNewDesign, recordVersion } from '../store/persistence';
import { ensurePositions } from '../store/placement';
import { useSelection } from '../store/selection';
import { useImportNotes } from '../store/importNotes';
import { useUi } from '../store/ui';
import { fileSave } from './fileSave';
import { fileTexts } from './fileText';
import { importerFor, runImport, tooLargeMessage, type ImportResult } from './importers';
import { importInfrastructureTexts, isInfraFileName } from './infraImport';
import { key, mod, type Command } from './types';
import { layOutAgain } from './view';

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

const FIT_OPENED = { padding: 0.12, maxZoom: 1 };

/**
 * Replaces the design (one undo step) and clears the selection. The design it replaces is
 * kept in the local history first (persistence.ts), so even a confirmed replace loses nothing.
 */
export function replaceDocument(doc: Topology, label: string, designKey?: string, roughlyPlaced?: Topology): void {
  beginOpening();
  beginNewDesign(useDocument.getState().doc, designKey);
  // The notes of an earlier import are about the design being replaced.
  useImportNotes.getState().clear();
  const placed = roughlyPlaced ?? ensurePositions(doc);
  const laidOutNext = needsLayout(doc);
  // Before the load: the analysis driver reacts to it at once (openingOrder.ts).
  if (laidOutNext) beginOpeningLayout(placed);
  // The view fits the new design before React draws it: a large design is then drawn far out
  // from its first frame (FarLayer.tsx), not first handed to React Flow whole at the old zoom.
  fitOpening(FIT_OPENED, placed);
  useDocument.getState().loadDocument(placed, label);
  useUi.getState().markSaved(placed);
  useSelection.getState().clear();
  // Again once React Flow has measured it, and when the layout lands: only while the view is
  // where the opening put it (a person who moved it meanwhile keeps it).
  setTimeout(() => fitOpeningAgain(FIT_OPENED), 50);
  // No positions (Mermaid, a hand-written file): the auto-layout replaces the rough placement, same undo step.
  if (laidOutNext) void layoutOpenedDocument(layOutAgain, () => fitOpeningAgain(FIT_OPENED));
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

/** A file to open: a picked or dropped File, or one found in a dropped folder (named by its path). */
export interface OpenableFile {
  name: string;
  /** Bytes, when known before reading (a picked or dropped File): a file past the limit is never read. */
  size?: number;
  /** Its bytes: they become text in fileText.ts, strictly UTF-8. */
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Opens a file's text; on any problem the design stays as it is and the error names the paths. */
export async function openDocumentFile(file: OpenableFile): Promise<boolean> {
  const ui = useUi.getState();
  const importer = importerFor(file.name);
  if (!importer) {
    ui.showError(`Cannot open ${file.name}`, ['expected a .spof.json / .json topology, a .mmd Mermaid flowchart, or infrastructure definitions (.yaml, .yml, .tf, .tfvars, terraform show -json)']);
    return false;
  }
  // The report still describes the design shown until the file's replaces it: say what is under way.
  const done = useAnalysis.getState().sayOpening(`Opening ${file.name}…`);
  try {
    const text = await readOpenable(file);
    if (text === null) return false;
    return await applyImport(await runImport(() => importer(text, file.name), [{ name: file.name, text }]), file.name);
  } finally {
    done();
  }
}

/** A file's text, or null after saying why not (too large: refused before it is read). */
async function readOpenable(file: OpenableFile): Promise<string | null> {
  const ui = useUi.getState();
  if (file.size !== undefined && file.size > MAX_DOCUMENT_CHARS) {
    ui.showError(`${file.name} was not opened`, [tooLargeMessage(file.name, file.size)]);
    return null;
  }
  const read = await fileTexts([file]);
  if (read.ok) return read.texts[0].text;
  ui.showError(`${file.name} was not opened`, read.reasons);
  return null;
}

/**
 * Several files picked or dropped at once (a folder of manifests, a Terraform module): one
 * design. Only infrastructure definitions combine; a design or a diagram opens on its own.
 */
export async function openDocumentFiles(files: OpenableFile[]): Promise<boolean> {
  if (files.length <= 1) return files.length === 1 ? openDocumentFile(files[0]) : false;
  const ui = useUi.getState();
  const what = `${files.length} files`;
  const others = files.filter((f) => !isInfraFileName(f.name) && !/\.json$/i.test(f.name));
  if (others.length) {
    ui.showError(`${what} were not opened`, [`${others.map((f) => f.name).join(', ')}: only infrastructure definitions (.yaml, .yml, .json, .tf, .tfvars) open together; open a design or a Mermaid file on its own`]);
    return false;
  }
  const size = files.reduce((n, f) => n + (f.size ?? 0), 0);
  if (size > MAX_DOCUMENT_CHARS) {
    ui.showError(`${what} were not opened`, [tooLargeMessage(what, size)]);
    return false;
  }
  const folder = files[0].name.includes('/') ? files[0].name.split('/')[0] : undefined;
  const done = useAnalysis.getState().sayOpening(`Opening ${folder ?? what}…`);
  try {
    const read = await fileTexts(files);
    if (!read.ok) {
      ui.showError(`${folder ? `The folder ${folder}` : what} ${folder ? 'was' : 'were'} not opened`, read.reasons);
      return false;
    }
    const { texts } = read;
    return await applyImport(await runImport(() => importInfrastructureTexts(texts, folder ?? 'Imported design'), texts), folder ? `the folder ${folder}` : what);
  } finally {
    done();
  }
}

/** Pasted text that reads as a compose file, manifests or Terraform: imported like a file named `clipboard`. */
export async function openPastedDefinitions(text: string): Promise<boolean> {
  const texts = [{ name: 'the pasted text', text }];
  return applyImport(await runImport(() => importInfrastructureTexts([{ name: 'clipboard', text }], 'Pasted definitions'), texts), 'the pasted text');
}

/** A whole design or a Mermaid flowchart pasted onto the page: opened as its file would be. */
export async function openPastedDesign(text: string, extension: '.spof.json' | '.mmd'): Promise<boolean> {
  // The name tells the reader what it holds, as a file's does: a pasted flowchart read as a
  // name without one was parsed as JSON and refused ("No number after minus sign").
  const name = `Pasted design${extension}`;
  const importer = importerFor(name) as NonNullable<ReturnType<typeof importerFor>>;
  return applyImport(await runImport(() => importer(text, name), [{ name: 'the pasted design', text }]), 'the pasted design');
}

/** The shared end of every open: the current design stays untouched unless the result is good and the user agrees. */
async function applyImport(result: ImportResult, what: string): Promise<boolean> {
  const ui = useUi.getState();
  if (!result.ok) {
    if (result.superseded) return false;
    ui.showError(`${what} ${/^[\d,]+ files$/.test(what) ? 'were' : 'was'} not opened`, result.errors);
    return false;
  }
  if (!confirmDiscard(`Opening ${what}`)) return false;
  const placed = result.placed ?? ensurePositions(result.topology);
  await rectsBeforeDrawing(placed);
  replaceDocument(result.topology, `Open ${what}`, undefined, placed);
  if (result.notes.length > 0 || result.correctedText !== undefined) {
    // What the import inferred, assumed and left out, listed over the canvas to check and
    // correct one by one (the design's own warnings are in the report).
    useImportNotes.getState().show(what, result.notes, result.correctedText);
    ui.dismiss();
  } else {
    // An error still up (a file before that did not open) is about something past: it would hide the notice.
    ui.dismiss();
    if (result.warnings.length) ui.showNotice(`Opened ${what} with warnings`, result.warnings);
  }
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
      void recordVersion(doc, 'saved');
    } catch (e) {
      if ((e as Error).name !== 'AbortError') useUi.getState().showError('The design was not saved', [(e as Error).message]);
    }
  },
};

/** The templates load on first use (fetched when the page is first idle): their designs are not part of the first paint's JavaScript (e2e/bundle.spec.ts). */
export const loadTemplates = () => import('../templates');
prefetchWhenIdle(loadTemplates);

export async function openTemplate(id: string): Promise<void> {
  const { templateById } = await loadTemplates();
  const template = templateById(id);
  if (!template) return;
  if (!confirmDiscard(`The template "${template.name}"`)) return;
  replaceDocument(structuredClone(template.topology), `Template ${template.name}`);
  useUi.getState().dismiss();
}
