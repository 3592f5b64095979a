// Autosave's failures, said at once and kept on screen until saving works again (the other
// banners come and go with each message): what failed, and the ways out (download the design;
// download the unreadable draft that autosave must not overwrite; try again).
import { AlertTriangle, Download, RefreshCw } from 'lucide-react';
import { downloadCurrentDesign, saveTextFile } from '../../commands/drafts';
import { retryAutosave, useDrafts } from '../../store/persistence';

export function AutosaveAlert() {
  const status = useDrafts((s) => s.status);
  const error = useDrafts((s) => s.error);
  const blocked = useDrafts((s) => s.blockedText);
  if (status === 'ok') return null;
  return (
    <div className="banner banner-autosave" role="alert" data-testid="autosave-error" data-status={status}>
      <AlertTriangle size={18} aria-hidden className="banner-icon" />
      <div className="banner-body">
        <div className="banner-title">{status === 'failed' ? 'Your latest changes are not saved in this browser' : 'Autosave is off'}: {error}</div>
        <div className="field-hint">Download the design to keep it; this message stays until saving works again.</div>
        <div className="banner-actions">
          <button type="button" className="btn btn-small" data-testid="autosave-download" onClick={() => void downloadCurrentDesign()}><Download size={13} aria-hidden />Download the design</button>
          {blocked !== null && (
            <button type="button" className="btn btn-small" data-testid="autosave-download-draft" onClick={() => void saveTextFile(blocked, 'unreadable-draft.spof.json')}>
              <Download size={13} aria-hidden />Download the unreadable draft
            </button>
          )}
          <button type="button" className="btn btn-small" data-testid="autosave-retry" onClick={() => void retryAutosave()}><RefreshCw size={13} aria-hidden />Try again</button>
        </div>
      </div>
    </div>
  );
}
