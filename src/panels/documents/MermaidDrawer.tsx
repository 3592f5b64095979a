// The Mermaid drawer (its content in MermaidDrawerBody.tsx, with the Mermaid writers) and
// its top-bar toggle. Mounted only while open, so the drawer's code and mermaid (large) are
// loaded the first time it opens.
import { Suspense } from 'react';
import { toggleMermaidPreview } from '../../commands/mermaid';
import { lazyComponent } from '../../lazyChunks';
import { useDocumentsUi } from '../../store/documentsUi';

const Drawer = lazyComponent(() => import('./MermaidDrawerBody').then((m) => m.Drawer));

export function MermaidDrawer() {
  const open = useDocumentsUi((s) => s.mermaidOpen);
  return open ? <Suspense fallback={null}><Drawer /></Suspense> : null;
}

/** The top bar's toggle for the drawer. */
export function MermaidButton() {
  const open = useDocumentsUi((s) => s.mermaidOpen);
  const Icon = toggleMermaidPreview.icon!;
  return (
    <button type="button" className={`btn btn-icon${open ? ' is-pressed' : ''}`} data-testid="mermaid-preview" aria-pressed={open}
      aria-label="Mermaid" title={`Mermaid export and preview (${toggleMermaidPreview.shortcut})`} onClick={() => void toggleMermaidPreview.perform()}>
      <Icon size={16} aria-hidden />
    </button>
  );
}
