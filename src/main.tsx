import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { openSharedLink } from './commands/share';
import { DocumentsLayer } from './panels/documents/DocumentsLayer';
import { startAnalysisDriver } from './store/analysisDriver';
import { installHarness } from './store/harness';
import { restoreDraft, startAutosave } from './store/persistence';
import { useUi } from './store/ui';

// Restore the autosaved draft before the first render; a corrupt one is kept aside.
const restored = restoreDraft();
if (restored.kind === 'corrupt') {
  useUi.getState().showError(`The saved draft could not be read; it was kept aside as "${restored.keptAs}" and an empty design was started`, restored.problems);
}
startAutosave();
// A `#topology=...` link opens its design over the draft (one undo step); a bad one leaves the draft alone.
openSharedLink(window.location.hash);
installHarness(window.location.search);
// The live analysis in its worker, for as long as the page is open. Started before React
// subscribes to the stores, so an edit's request leaves before React draws the edit.
startAnalysisDriver();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
    <DocumentsLayer />
  </StrictMode>,
);
