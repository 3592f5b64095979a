// A modal dialog on the browser's own <dialog>: focus kept inside, Escape closes, focus
// goes back where it was. Mounted only while open.
import { X } from 'lucide-react';
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function Dialog({ title, testId, onClose, children, className }: {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    // showModal focuses the first control (the close button); a field marked for it goes first.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => dialog.close();
  }, []);
  return (
    <dialog ref={ref} className={`dialog${className ? ` ${className}` : ''}`} data-testid={testId} aria-labelledby={titleId}
      onClose={onClose}
      onPointerDown={(e) => {
        // A press on the backdrop (the dialog's own box, outside its content) closes it.
        if (e.target === ref.current) onClose();
      }}>
      <div className="dialog-body">
        <div className="dialog-head">
          <h2 id={titleId} className="dialog-title">{title}</h2>
          <button type="button" className="btn btn-icon btn-ghost" aria-label="Close" onClick={onClose}><X size={16} aria-hidden /></button>
        </div>
        {children}
      </div>
    </dialog>
  );
}
