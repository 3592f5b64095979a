// A test harness (Excalidraw's `window.h`): with `?harness` in the URL the stores are
// reachable from the page, so end-to-end tests can set up states (analysis marks) that
// would otherwise need a running analysis. Never used by the app itself.
import { useAnalysis } from './analysis';
import { useDocument } from './document';
import { useSelection } from './selection';

export interface Harness {
  useDocument: typeof useDocument;
  useAnalysis: typeof useAnalysis;
  useSelection: typeof useSelection;
}

export function installHarness(search: string): void {
  if (!new URLSearchParams(search).has('harness')) return;
  (window as unknown as { __spof: Harness }).__spof = { useDocument, useAnalysis, useSelection };
}
