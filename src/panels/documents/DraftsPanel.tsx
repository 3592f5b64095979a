// The browser's copies of the work, in a drawer: drafts kept aside because they could not be
// read (`draft-recovery`: each downloadable, restorable once it parses) and the last versions
// of each design (draw.io's revision history): kept when another design replaced it, at each
// Save, and every few minutes of editing. Loaded when first opened (DraftsToggle.tsx).
import { Download, RotateCcw, Trash2, X } from 'lucide-react';
import { deleteAsideDraft, downloadAside, downloadVersion, restoreAside, restoreVersion } from '../../commands/drafts';
import { parseTopology } from '../../model';
import { useDocumentsUi } from '../../store/documentsUi';
import type { VersionRecord } from '../../store/draftDb';
import { useDrafts } from '../../store/persistence';

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const REASONS: Record<VersionRecord['reason'], string> = {
  saved: 'saved to a file', replaced: 'before another design was opened', checkpoint: 'while editing', restored: 'restored',
};

function KeptAside() {
  const aside = useDrafts((s) => s.aside);
  return (
    <section className="drafts-section" data-testid="draft-recovery" aria-label="Kept-aside drafts">
      <h3 className="panel-heading">Kept-aside drafts</h3>
      {aside.length === 0 ? <p className="field-hint">None: every autosaved draft could be read.</p> : (
        <ul className="drafts-list">
          {[...aside].reverse().map((a) => {
            const readable = parseTopology(a.text).ok;
            return (
              <li key={a.id} className="drafts-item" data-testid="draft-recovery-item">
                <div className="drafts-item-title">Kept aside {when(a.keptAt)} · {a.text.length.toLocaleString('en-US')} characters</div>
                <div className="field-hint drafts-problems">{a.problems.slice(0, 3).join('; ')}{a.problems.length > 3 ? ` … and ${a.problems.length - 3} more` : ''}</div>
                <div className="drafts-actions">
                  <button type="button" className="btn btn-small" data-testid="draft-download" onClick={() => void downloadAside(a.id)}><Download size={13} aria-hidden />Download</button>
                  <button type="button" className="btn btn-small" data-testid="draft-restore" disabled={!readable}
                    title={readable ? 'Open this draft' : 'It still cannot be read: download it and repair it by hand'} onClick={() => void restoreAside(a.id)}>
                    <RotateCcw size={13} aria-hidden />Restore
                  </button>
                  <button type="button" className="btn btn-small btn-ghost" data-testid="draft-delete" onClick={() => void deleteAsideDraft(a.id)}><Trash2 size={13} aria-hidden />Delete</button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Versions() {
  const versions = useDrafts((s) => s.versions);
  const current = useDrafts((s) => s.designKey);
  const byDesign = new Map<string, VersionRecord[]>();
  for (const v of [...versions].reverse()) {
    if (!byDesign.has(v.designKey)) byDesign.set(v.designKey, []);
    byDesign.get(v.designKey)!.push(v);
  }
  return (
    <section className="drafts-section" data-testid="version-history" aria-label="Earlier versions">
      <h3 className="panel-heading">Earlier versions</h3>
      {versions.length === 0 && <p className="field-hint">None yet: a version is kept when you save, when another design replaces this one, and every few minutes of editing.</p>}
      {[...byDesign].map(([key, list]) => (
        <div key={key} className="drafts-design">
          <div className="drafts-design-name">{list[0].name}{key === current ? ' (this design)' : ''}</div>
          <ul className="drafts-list">
            {list.map((v) => (
              <li key={v.id} className="drafts-item" data-testid="version-item">
                <div className="drafts-item-title">{when(v.savedAt)} · {REASONS[v.reason]} · {v.components} component{v.components === 1 ? '' : 's'}</div>
                <div className="drafts-actions">
                  <button type="button" className="btn btn-small" data-testid="version-restore" onClick={() => restoreVersion(v.id)}><RotateCcw size={13} aria-hidden />Restore</button>
                  <button type="button" className="btn btn-small" data-testid="version-download" onClick={() => void downloadVersion(v.id)}><Download size={13} aria-hidden />Download</button>
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

export function DraftsPanel() {
  return (
    <aside className="drafts-drawer" aria-label="Drafts and versions" data-testid="drafts-panel">
      <div className="drafts-head">
        <span className="panel-heading">Kept in this browser</span>
        <button type="button" className="btn btn-icon btn-ghost" aria-label="Close" onClick={() => useDocumentsUi.getState().setDraftsOpen(false)}><X size={14} /></button>
      </div>
      <p className="field-hint drafts-hint">Stored in this browser only (IndexedDB), bounded: the 10 latest kept-aside drafts, 20 versions of each of the 20 latest designs.</p>
      <div className="drafts-body">
        <KeptAside />
        <Versions />
      </div>
    </aside>
  );
}
