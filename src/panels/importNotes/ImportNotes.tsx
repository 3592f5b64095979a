// The import notes' place over the canvas: the panel (ImportNotesPanel.tsx, with its
// corrections) is loaded the first time an import leaves notes.
import { Suspense } from 'react';
import { lazyComponent } from '../../lazyChunks';
import { useImportNotes } from '../../store/importNotes';

const Panel = lazyComponent(() => import('./ImportNotesPanel').then((m) => m.ImportNotesPanel));

export function ImportNotes() {
  const shown = useImportNotes((s) => s.file !== undefined && (s.notes.length > 0 || s.correctedText !== undefined));
  return shown ? <Suspense fallback={null}><Panel /></Suspense> : null;
}
