// What the last import guessed, as a list over the canvas, once the person asks for it (the
// import opens it as a one-line summary above the canvas: ImportNotes.tsx): each note names
// its element first, then what was decided and why, with the line it came from and, where
// there is one, the correction in one click. Works for every importer's notes
// (src/import/notes.ts): Mermaid, Compose, Kubernetes, Terraform.
import { ChevronUp, Copy, FileWarning, ListChecks, X } from 'lucide-react';
import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatImportSource, type ImportNote } from '../../import/notes';
import type { Topology } from '../../model';
import { COMPONENT_KIND_LABELS, DOMAIN_KIND_LABELS } from '../../store/labels';
import { useDocument } from '../../store/document';
import { correctionOf, patchComponent, patchDomain, setRole, subjectName, subjectOf, type Correction } from '../../store/importCorrections';
import { useImportNotes, type NoteFilter } from '../../store/importNotes';
import { revealElements } from '../report/reveal';

const FILTERS: { value: NoteFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'warning', label: 'Warnings' },
  { value: 'assumed', label: 'Assumed' },
  { value: 'inferred', label: 'Inferred' },
];
const ROLE_LABELS = { primary: 'Primary', replica: 'Replica', standby: 'Standby' } as const;

function apply(label: string, edit: (doc: Topology) => Topology): void {
  const { doc, applyTopology } = useDocument.getState();
  const next = edit(doc);
  if (next !== doc) applyTopology(next, label);
}

export function ImportNotesPanel() {
  const { file, notes, correctedText, filter } = useImportNotes(
    useShallow((s) => ({ file: s.file, notes: s.notes, correctedText: s.correctedText, filter: s.filter })),
  );
  const doc = useDocument((s) => s.doc);
  const shown = useMemo(() => {
    const picked = filter === 'all' ? notes : notes.filter((n) => n.kind === filter);
    // As the file reads: by line; notes of no line (about the whole design) first.
    return [...picked].sort((a, b) => (a.source?.line ?? 0) - (b.source?.line ?? 0));
  }, [notes, filter]);
  // Several files (a folder of manifests): each note names its file; one file: its line says enough.
  const files = new Set(notes.map((n) => n.source?.file).filter((f) => f !== undefined));
  if (file === undefined || (notes.length === 0 && correctedText === undefined)) return null;
  const { setCollapsed, setFilter, clear } = useImportNotes.getState();
  const count = (k: NoteFilter) => (k === 'all' ? notes.length : notes.filter((n) => n.kind === k).length);

  return (
    <section className="import-notes" data-testid="import-notes" aria-label={`What the import of ${file} guessed`}>
      <header className="import-notes-head">
        <ListChecks size={16} aria-hidden />
        <div className="import-notes-title">
          <strong>What the import of {file} guessed</strong>
          <span>Check each guess; correct it here in one click.</span>
        </div>
        <button type="button" className="btn btn-icon btn-ghost" aria-label="Collapse the import notes" data-testid="import-notes-toggle" aria-expanded onClick={() => setCollapsed(true)}>
          <ChevronUp size={16} />
        </button>
        <button type="button" className="btn btn-icon btn-ghost" aria-label="Close the import notes" onClick={clear}>
          <X size={16} />
        </button>
      </header>
      <div className="import-notes-filters" role="group" aria-label="Show">
        {FILTERS.map((f) => (
          <button key={f.value} type="button" className={`chip${filter === f.value ? ' is-pressed' : ''}`} aria-pressed={filter === f.value} onClick={() => setFilter(f.value)}>
            {f.label} <span className="chip-count">{count(f.value)}</span>
          </button>
        ))}
      </div>
      {correctedText !== undefined && <CorrectedText file={file} text={correctedText} />}
      <ol className="import-notes-list">
        {shown.map((n, i) => (
          <NoteRow key={`${i}:${n.subject ?? ''}:${n.message}`} note={n} doc={doc} withFile={files.size > 1} />
        ))}
      </ol>
    </section>
  );
}

function CorrectedText({ file, text }: { file: string; text: string }) {
  const copy = () => void navigator.clipboard?.writeText(text);
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: file.replace(/(\.\w+)?$/, '.corrected$1') || 'corrected.mmd' });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="import-notes-corrected" data-testid="import-corrected">
      <FileWarning size={16} aria-hidden />
      <span>Mermaid refuses this diagram as written; it was read with the labels quoted. The corrected diagram also renders.</span>
      <button type="button" className="btn btn-small" onClick={copy}>
        <Copy size={13} aria-hidden /> Copy
      </button>
      <button type="button" className="btn btn-small" onClick={download}>
        Download
      </button>
    </div>
  );
}

const NoteRow = memo(function NoteRow({ note, doc, withFile }: { note: ImportNote; doc: Topology; withFile: boolean }) {
  const subject = subjectOf(doc, note.subject);
  const correction = correctionOf(doc, note);
  const line = note.source?.line;
  // A note about no element (an edge to a subgraph, a line mermaid refused) is about its line;
  // one about several or the whole design names them in its own words.
  const label = subjectName(doc, note.subject) ?? (line !== undefined ? `Line ${line}` : undefined);
  const where = note.subject === undefined && !withFile ? '' : line !== undefined && !withFile ? `line ${line}` : formatImportSource(note.source);
  return (
    <li className={`import-note is-${note.kind}`} data-testid="import-note" data-kind={note.kind} data-subject={note.subject ?? ''} data-field={note.field ?? ''}>
      <div className="import-note-main">
        {subject ? (
          <button type="button" className="import-note-subject" title="Show it on the canvas" onClick={() => revealElements([note.subject!])}>
            {label}
          </button>
        ) : label !== undefined && (
          <span className="import-note-subject is-plain">{label}</span>
        )}
        <span className="import-note-message">
          {note.kind !== 'inferred' && <span className={`import-note-tag is-${note.kind}`}>{note.kind}</span>}
          {note.message}
        </span>
      </div>
      <div className="import-note-side">
        {where && <span className="import-note-where" title={formatImportSource(note.source)}>{where}</span>}
        {correction && <CorrectionControl correction={correction} label={label ?? note.subject ?? ''} />}
      </div>
    </li>
  );
});

function CorrectionControl({ correction, label }: { correction: Correction; label: string }) {
  switch (correction.type) {
    case 'component-kind':
      return (
        <select className="import-note-fix" aria-label={`Kind of ${label}`} value={correction.value} onChange={(e) => apply(`Correct the kind of ${label}`, (d) => patchComponent(d, correction.id, { kind: e.target.value as typeof correction.value }))}>
          {correction.options.map((k) => <option key={k} value={k}>{COMPONENT_KIND_LABELS[k]}</option>)}
        </select>
      );
    case 'domain-kind':
      return (
        <select className="import-note-fix" aria-label={`Kind of ${label}`} value={correction.value} onChange={(e) => apply(`Correct the kind of ${label}`, (d) => patchDomain(d, correction.id, { kind: e.target.value as typeof correction.value }))}>
          {correction.options.map((k) => <option key={k} value={k}>{DOMAIN_KIND_LABELS[k]}</option>)}
        </select>
      );
    case 'role':
      return (
        <select className="import-note-fix" aria-label={`Role of ${label}`} value={correction.value} onChange={(e) => apply(`Correct the role of ${label}`, (d) => setRole(d, correction.id, e.target.value as typeof correction.value))}>
          {correction.options.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
        </select>
      );
    case 'action':
      return (
        <button type="button" className="btn btn-small import-note-fix" onClick={() => apply(`${correction.label}: ${label}`, correction.apply)}>
          {correction.label}
        </button>
      );
  }
}
