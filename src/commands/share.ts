// Share links: the whole design, compressed, in the URL hash (`#topology=deflate:...`).
// Making one copies it and shows it; opening the app with one opens that design as one
// undoable step. A damaged or hostile link opens nothing, says why, and leaves the current
// (autosaved) design exactly as it was.
import { Link2 } from 'lucide-react';
import { prefetchWhenIdle } from '../lazyChunks';
import { formatIoProblem } from '../io/problems';
import { noticeWarnings } from '../model/problemText';
import { useAnalysis } from '../store/analysis';
import { useDocument } from '../store/document';
import { useDocumentsUi } from '../store/documentsUi';
import { useUi } from '../store/ui';
import { confirmDiscard, replaceDocument } from './documents';
import { readShareHashOffThread } from './readOffThread';
import { hasShareHash, shareUrl } from './shareUrl';
import type { Command } from './types';

/** Copies text: the async clipboard API where allowed, else a hidden textarea and `copy`. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No permission, or not a secure context (http on a LAN address).
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

// The encoder (with fflate's deflate) loads with the first share, fetched when the page is
// first idle: reading a link happens in the worker (readOffThread.ts), so the page's first
// JavaScript needs neither.
const loadEncoder = () => import('../io/shareLink').then((m) => m.encodeShareHash);
prefetchWhenIdle(loadEncoder);

export const shareLink: Command = {
  id: 'share-link',
  label: 'Share link',
  icon: Link2,
  perform: async () => {
    const encodeShareHash = await loadEncoder();
    const url = shareUrl(window.location.href, encodeShareHash(useDocument.getState().doc));
    // Shown at once; the clipboard answer only changes the hint under it.
    useDocumentsUi.getState().showShare({ url, copied: false });
    const copied = await copyText(url);
    if (useDocumentsUi.getState().share?.url === url) useDocumentsUi.getState().showShare({ url, copied });
  },
};

/** Removes the hash without a new history entry, so a reload starts from the autosaved draft. */
function clearHash(): void {
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
}

/**
 * Opens the design in a `#topology=...` hash, if there is one; true when a design was opened.
 * The hash is read at once; the design replaces the current one a task later.
 * Called at start-up (after the draft is restored) and when the hash changes. The hash is
 * cleared first, whatever follows: a link that breaks the page must not break every reload.
 * Over unsaved work it asks first, as New, Open and the templates do.
 */
export async function openSharedLink(hash: string = window.location.hash): Promise<boolean> {
  if (!hasShareHash(hash)) return false;
  clearHash();
  const ui = useUi.getState();
  // Decompressed, parsed and checked in a worker: on the page they held it 300 ms at 1,000 components.
  const done = useAnalysis.getState().sayOpening('Opening the shared design…');
  const decoded = await readShareHashOffThread(hash).finally(done);
  if (decoded === null) return false;
  if (!decoded.ok) {
    ui.showError('The shared link was not opened; your design is unchanged', decoded.errors.map(formatIoProblem));
    return false;
  }
  const { topology, warnings } = decoded;
  const open = () => {
    replaceDocument(topology, 'Open shared link');
    // No dismiss otherwise: a message already up (a draft kept aside at start-up) stays readable.
    const now = useUi.getState();
    const told = noticeWarnings(topology, warnings);
    if (told.length) now.showNotice(`Opened the shared design "${topology.name}" with warnings`, told);
    else if (now.notice?.title.startsWith('The shared design')) now.dismiss();
  };
  if (!confirmDiscard(`Opening the shared design "${topology.name}"`)) {
    // Kept within reach: the link is gone from the address bar, its design is one click away.
    ui.showNotice(`The shared design "${topology.name}" was not opened; your design is unchanged`, [], [
      { label: 'Open the shared design', testId: 'open-shared-anyway', run: open },
    ]);
    return false;
  }
  open();
  return true;
}
