// A test harness (Excalidraw's `window.h`): with `?harness` in the URL the stores are
// reachable from the page, so end-to-end tests can set up states (analysis marks) that
// would otherwise need a running analysis. Never used by the app itself.
import { holdLayouts, setLayoutTimeLimit } from '../layout/client';
import { useAnalysis } from './analysis';
import { useDocument } from './document';
import { useSelection } from './selection';

export interface Harness {
  useDocument: typeof useDocument;
  useAnalysis: typeof useAnalysis;
  useSelection: typeof useSelection;
  /** The auto-layout's time limit in ms (0: every layout stops at once; undefined: the real limit). */
  setLayoutTimeLimit: typeof setLayoutTimeLimit;
  /** true: layouts wait before they start; false: they go. */
  holdLayouts: typeof holdLayouts;
}

export function installHarness(search: string): void {
  if (!new URLSearchParams(search).has('harness')) return;
  (window as unknown as { __spof: Harness }).__spof = { useDocument, useAnalysis, useSelection, setLayoutTimeLimit, holdLayouts };
}
