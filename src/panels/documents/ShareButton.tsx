// The share button and the popover that shows the link it made (and copied), so the link
// can be seen and copied by hand when the clipboard is not allowed.
import { Check, Link2, X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useDismiss } from '../../canvas/useDismiss';
import { runCommand, shareLink } from '../../commands';
import { LONG_LINK_CHARS } from '../../commands/shareUrl';
import { useDocument } from '../../store/document';
import { useDocumentsUi } from '../../store/documentsUi';

export function ShareButton() {
  const share = useDocumentsUi((s) => s.share);
  const close = () => useDocumentsUi.getState().showShare(null);
  const ref = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const url = share?.url;
  const doc = useDocument((s) => s.doc);

  // The link holds the design as it was: an edit makes it stale, so the popover goes.
  useEffect(() => {
    if (useDocumentsUi.getState().share) close();
  }, [doc]);

  useEffect(() => {
    if (url !== undefined) input.current?.select();
  }, [url]);
  useDismiss(url !== undefined, ref, close);

  return (
    <div className="menu" ref={ref}>
      <button type="button" className="btn" data-testid="share-link" title="Copy a link that carries the whole design" onClick={() => runCommand(shareLink)}>
        <Link2 size={16} aria-hidden /><span className="btn-text-wide">Share</span>
      </button>
      {share && (
        <div className="menu-popover share-popover" role="dialog" aria-label="Share link" data-testid="share-popover">
          <div className="share-popover-head">
            <span className="menu-item-title">Share link</span>
            <button type="button" className="btn btn-icon btn-ghost" aria-label="Close" onClick={close}><X size={14} /></button>
          </div>
          <input ref={input} className="share-link-url" data-testid="share-link-url" readOnly value={share.url} aria-label="Share link" onFocus={(e) => e.target.select()} />
          <p className="field-hint share-status" role="status" data-testid="share-status" data-copied={share.copied}>
            {share.copied ? <><Check size={13} aria-hidden /> Copied to the clipboard.</> : 'Press Ctrl+C to copy the selected link.'}
            {' '}Anyone with the link sees this design; nothing is uploaded.
          </p>
          {share.url.length > LONG_LINK_CHARS && (
            <p className="field-hint">This link is {share.url.length.toLocaleString('en-US')} characters long: some chat apps cut long links. Save the file instead if it does not open.</p>
          )}
        </div>
      )}
    </div>
  );
}
