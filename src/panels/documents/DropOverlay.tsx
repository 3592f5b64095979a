// While a file is dragged over the page, a full-page overlay says what dropping does.
// The drop itself is handled by the page (App's file drop opens the file); the overlay
// lets pointer events through so it never swallows that drop.
import { FileUp } from 'lucide-react';
import { useEffect } from 'react';
import { useDocumentsUi } from '../../store/documentsUi';

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

export function useDropTracking(): void {
  useEffect(() => {
    // dragenter / dragleave fire for every child crossed: count them to know when the file left the page.
    let depth = 0;
    const set = useDocumentsUi.getState().setDragging;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      set(true);
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) set(false);
    };
    const end = () => {
      depth = 0;
      set(false);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', end);
    window.addEventListener('dragend', end);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', end);
      window.removeEventListener('dragend', end);
    };
  }, []);
}

export function DropOverlay() {
  useDropTracking();
  const dragging = useDocumentsUi((s) => s.dragging);
  if (!dragging) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden>
      <div className="drop-overlay-card">
        <FileUp size={36} aria-hidden />
        <div className="drop-overlay-title">Drop to open</div>
        <div className="drop-overlay-text">A .spof.json design, a .mmd Mermaid flowchart, or compose files, Kubernetes manifests and Terraform (files or a folder). It replaces the current design; Undo brings it back.</div>
      </div>
    </div>
  );
}
