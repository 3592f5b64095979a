import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readDraftOffThread } from './commands/readOffThread';
import { openSharedLink } from './commands/share';
import { ErrorBoundary } from './ErrorBoundary';
import { prefetchLazyChunks } from './lazyChunks';
import { DocumentsLayer } from './panels/documents/DocumentsLayer';
import { startAnalysisDriver } from './store/analysisDriver';
import { openDraftStorage } from './store/draftDb';
import { useDocumentsUi } from './store/documentsUi';
import { installHarness } from './store/harness';
import { restoreDraft, startAutosave, type RestoreOutcome } from './store/persistence';
import { useUi } from './store/ui';

/** IndexedDB may hang (a blocked upgrade in another tab): start without it after this long. */
const STORAGE_TIMEOUT_MS = 5000;

function openStorage() {
  const timeout = new Promise<Error>((resolve) => setTimeout(() => resolve(new Error('the browser\'s storage did not answer')), STORAGE_TIMEOUT_MS));
  return Promise.race([openDraftStorage().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))), timeout]);
}

function reportRestore(outcome: RestoreOutcome): void {
  const ui = useUi.getState();
  const show = { label: 'Show kept-aside drafts', testId: 'show-draft-recovery', run: () => useDocumentsUi.getState().setDraftsOpen(true) };
  if (outcome.kind === 'corrupt') {
    const dropped = outcome.dropped > 0 ? [`the oldest ${outcome.dropped} kept-aside draft${outcome.dropped === 1 ? ' was' : 's were'} dropped to keep at most 10`] : [];
    ui.showError('The saved draft could not be read: it was kept aside (download or restore it from History) and an empty design was started', [...outcome.problems, ...dropped], [show]);
  } else if (outcome.kind === 'blocked') {
    ui.showError('The saved draft could not be read, nor kept aside: it is left as it was, and autosave is off so that it is not overwritten', outcome.problems);
  }
}

async function start(): Promise<void> {
  installHarness(window.location.search);
  // Restore the autosaved draft before the first render; an unreadable one is kept aside.
  // A large one takes seconds to read (off this thread): the page says so meanwhile.
  const root = document.getElementById('root')!;
  root.innerHTML = '<p class="page-opening" role="status">Opening the design kept in this browser…</p>';
  try {
    reportRestore(await restoreDraft(await openStorage(), (text) => readDraftOffThread(text)));
  } catch (e) {
    useUi.getState().showError('The saved draft could not be restored', [(e as Error).message]);
  }
  startAutosave();
  // A `#topology=...` link opens its design over the draft (one undo step, asking first over
  // unsaved work); a bad one leaves the draft alone. Its hash is cleared either way.
  await openSharedLink(window.location.hash);
  // The live analysis in its worker, for as long as the page is open. Started before React
  // subscribes to the stores, so an edit's request leaves before React draws the edit.
  startAnalysisDriver();
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
        <DocumentsLayer />
      </ErrorBoundary>
    </StrictMode>,
  );
  prefetchLazyChunks();
}

void start();
