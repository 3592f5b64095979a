// The History button and the drawer it opens (its content in DraftsPanel.tsx, loaded the
// first time it opens).
import { History } from 'lucide-react';
import { Suspense } from 'react';
import { lazyComponent } from '../../lazyChunks';
import { useDocumentsUi } from '../../store/documentsUi';
import { useDrafts } from '../../store/persistence';

const Panel = lazyComponent(() => import('./DraftsPanel').then((m) => m.DraftsPanel));

export function DraftsButton() {
  const count = useDrafts((s) => s.aside.length);
  return (
    <button type="button" className="btn" data-testid="drafts-toggle" title="Kept-aside drafts and earlier versions kept in this browser"
      onClick={() => useDocumentsUi.getState().setDraftsOpen(!useDocumentsUi.getState().draftsOpen)}>
      <History size={16} aria-hidden /><span className="btn-text-wide">History</span>
      {count > 0 && <span className="drafts-badge" aria-label={`${count} kept-aside draft${count === 1 ? '' : 's'}`}>{count}</span>}
    </button>
  );
}

export function DraftsDrawer() {
  const open = useDocumentsUi((s) => s.draftsOpen);
  return open ? <Suspense fallback={null}><Panel /></Suspense> : null;
}
