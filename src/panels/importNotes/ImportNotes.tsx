// The import notes' place: after an import, one line above the canvas ("12 guesses to check",
// a button to show them) that moves the canvas down rather than covering the diagram; shown,
// the list (ImportNotesPanel.tsx, loaded the first time) floats over the canvas's corner.
import { ChevronDown, ListChecks, X } from 'lucide-react';
import { Suspense } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { lazyComponent } from '../../lazyChunks';
import { useImportNotes } from '../../store/importNotes';
import './importNotes.css';

const Panel = lazyComponent(() => import('./ImportNotesPanel').then((m) => m.ImportNotesPanel));

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function Summary({ file, count, warnings }: { file: string; count: number; warnings: number }) {
  const { setCollapsed, clear } = useImportNotes.getState();
  return (
    <div className="import-notes-strip" data-testid="import-notes-summary" role="status">
      <ListChecks size={15} aria-hidden />
      <span className="import-notes-strip-text">
        <strong>{count > 0 ? `${plural(count, 'guess', 'guesses')} to check` : 'Mermaid refuses this diagram as written'}</strong> from the import of {file}
      </span>
      {warnings > 0 && <span className="import-notes-pill-warn">{plural(warnings, 'warning', 'warnings')}</span>}
      <button type="button" className="btn btn-small" data-testid="import-notes-toggle" aria-expanded={false} onClick={() => setCollapsed(false)}>
        Show <ChevronDown size={13} aria-hidden />
      </button>
      <button type="button" className="btn btn-icon btn-ghost" aria-label="Close the import notes" onClick={clear}>
        <X size={14} />
      </button>
    </div>
  );
}

export function ImportNotes() {
  const { file, count, warnings, corrected, collapsed } = useImportNotes(useShallow((s) => ({
    file: s.file,
    count: s.notes.length,
    warnings: s.notes.reduce((n, note) => n + (note.kind === 'warning' ? 1 : 0), 0),
    corrected: s.correctedText !== undefined,
    collapsed: s.collapsed,
  })));
  if (file === undefined || (count === 0 && !corrected)) return null;
  if (collapsed) return <Summary file={file} count={count} warnings={warnings} />;
  return <Suspense fallback={null}><Panel /></Suspense>;
}
