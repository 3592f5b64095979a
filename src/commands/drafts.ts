// What the person can do with what the browser kept: download or restore a draft that was
// kept aside, browse and restore earlier versions, download the design when autosave fails.
import { topologyFileName } from '../io/files';
import { formatProblem, parseTopology, serializeTopology } from '../model';
import { useDocument } from '../store/document';
import { useDocumentsUi } from '../store/documentsUi';
import { beginNewDesign, deleteAside, recordVersion, useDrafts } from '../store/persistence';
import { useUi } from '../store/ui';
import { confirmDiscard, replaceDocument } from './documents';
import { fileSave } from './fileSave';

/** Saves text as a file (a download where the browser has no save dialog); false when it did not happen. */
export async function saveTextFile(text: string, fileName: string): Promise<boolean> {
  try {
    await fileSave(new Blob([text], { type: 'application/json' }), { fileName, extensions: ['.json'], description: 'SPOF Studio topology' });
    return true;
  } catch (e) {
    if ((e as Error).name !== 'AbortError') useUi.getState().showError('The file was not saved', [(e as Error).message]);
    return false;
  }
}

/** The design as it is now, to a file: the way out when the browser cannot keep it. */
export function downloadCurrentDesign(): Promise<boolean> {
  const { doc } = useDocument.getState();
  return saveTextFile(serializeTopology(doc), topologyFileName(doc));
}

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace(/[T:]/g, '-');

export function downloadAside(id: number): Promise<boolean> {
  const record = useDrafts.getState().aside.find((a) => a.id === id);
  return record ? saveTextFile(record.text, `kept-aside-draft-${stamp(record.keptAt)}.spof.json`) : Promise.resolve(false);
}

/** Opens a kept-aside draft when it parses now (one undo step), and removes it from the list. */
export async function restoreAside(id: number): Promise<boolean> {
  const record = useDrafts.getState().aside.find((a) => a.id === id);
  if (!record) return false;
  const parsed = parseTopology(record.text);
  if (!parsed.ok) {
    useUi.getState().showError('This draft still cannot be read; download it to repair it by hand', parsed.errors.map(formatProblem));
    return false;
  }
  if (!confirmDiscard('Restoring the kept-aside draft')) return false;
  replaceDocument(parsed.topology, 'Restore a kept-aside draft');
  await deleteAside(id);
  useDocumentsUi.getState().setDraftsOpen(false);
  return true;
}

export function downloadVersion(id: number): Promise<boolean> {
  const v = useDrafts.getState().versions.find((x) => x.id === id);
  return v ? saveTextFile(v.text, topologyFileName({ name: `${v.name} ${stamp(v.savedAt)}` })) : Promise.resolve(false);
}

/** Opens an earlier version of a design (one undo step); the design it replaces is kept as a version first. */
export function restoreVersion(id: number): boolean {
  const v = useDrafts.getState().versions.find((x) => x.id === id);
  if (!v) return false;
  const parsed = parseTopology(v.text);
  if (!parsed.ok) {
    useUi.getState().showError('This version cannot be read', parsed.errors.map(formatProblem));
    return false;
  }
  if (!confirmDiscard('Restoring this version')) return false;
  replaceDocument(parsed.topology, 'Restore a version', v.designKey);
  void recordVersion(useDocument.getState().doc, 'restored');
  useDocumentsUi.getState().setDraftsOpen(false);
  return true;
}

export { beginNewDesign };

/** Forgets a kept-aside draft (the person has it, or does not want it). */
export function deleteAsideDraft(id: number): Promise<void> {
  return deleteAside(id);
}
