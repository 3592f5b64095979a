// Auto-layout, called by the `layout` command (toolbar button `layout`) and after
// opening a design that has no positions. ELK runs in its Web Worker
// (src/layout/client.ts); this file decides what to lay out and writes the result
// into the document as ONE undo step. Positions follow src/store/geometry.ts:
// relative to the node's container, container sizes in `view.sizes`.
import { LayoutTimeout, layoutInWorker } from '../layout/client';
import type { LayoutResult, Size } from '../layout/types';
import type { Topology } from '../model';
import { absoluteRects } from '../model/geometry';
import { useAnalysis } from './analysis';
import { nextTask } from './nextTask';
import { endOpeningLayout, useOpeningOrder } from './openingOrder';
import { useDocument } from './document';
import { sizeOf } from './geometry';
import { useSelection } from './selection';
import { useUi, type UiAction } from './ui';

export { needsLayout } from '../layout/needsLayout';

/** Components past which a design's rectangles are worked out a task before React draws it. */
const DRAWN_IN_TWO_TASKS = 300;

/**
 * For a large design about to be drawn: its rectangles (cached on it, used by the fit and the
 * far layer) worked out now, then the next task; React draws it there. In one task the two
 * were the longest of opening 1,000 components (issue 20's aim: none over 200 ms).
 */
export async function rectsBeforeDrawing(doc: Topology): Promise<void> {
  if (doc.components.length <= DRAWN_IN_TWO_TASKS) return;
  absoluteRects(doc);
  await nextTask();
}

/** The drawn size of every node, so the layout leaves room for what is on screen. */
function drawnSizes(doc: Topology): Record<string, Size> {
  return Object.fromEntries([...doc.components, ...doc.domains].map((n) => [n.id, sizeOf(doc, n.id)]));
}

function withLayout(doc: Topology, result: LayoutResult): Topology {
  return { ...doc, view: { ...doc.view, positions: result.positions, sizes: result.sizes } };
}

/**
 * What the button lays out: the selection when it holds two or more nodes or a
 * domain (a selected zone is laid out with everything inside it), else the whole design.
 */
export function layoutScope(doc: Topology, selected: readonly string[]): string[] | undefined {
  const nodes = new Set([...doc.components, ...doc.domains].map((n) => n.id));
  const picked = selected.filter((id) => nodes.has(id));
  const hasDomain = picked.some((id) => doc.domains.some((d) => d.id === id));
  return picked.length >= 2 || hasDomain ? picked : undefined;
}

/** What the person can do about a layout that did not finish: run the Layout command again. */
const TRY_AGAIN = 'Choose Layout (Shift+L) to try again.';

function retryAction(retry: (() => void) | undefined): UiAction[] | undefined {
  return retry && [{ label: 'Lay out again', testId: 'layout-retry', run: retry }];
}

/** The reason, and for a time limit what may have caused it. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof LayoutTimeout ? `${message.charAt(0).toUpperCase()}${message.slice(1)}: the machine may be busy, or the design very large.` : message;
}

/**
 * Lays out the whole design or the selection; one undo step. False when nothing was applied.
 * `retry` (the Layout command) is offered as a button when the layout fails.
 */
export async function runAutoLayout(doc: Topology, retry?: () => void): Promise<boolean> {
  const only = layoutScope(doc, useSelection.getState().nodeIds);
  let result: LayoutResult;
  try {
    result = await layoutInWorker(doc, { only, sizes: drawnSizes(doc) });
  } catch (error) {
    const title = error instanceof LayoutTimeout ? 'The automatic layout did not finish; the design is unchanged' : 'Auto-layout failed; the design is unchanged';
    useUi.getState().showError(title, [reasonOf(error), TRY_AGAIN], retryAction(retry));
    return false;
  }
  // Edited while ELK was busy: the latest edit wins and this layout is dropped.
  if (useDocument.getState().doc !== doc) return false;
  useDocument.getState().applyTopology(withLayout(doc, result), only ? 'Auto-layout of the selection' : 'Auto-layout');
  return true;
}

/**
 * Call right after opening a design without positions (`needsLayout`): the store
 * shows it at once with the rough placement of placement.ts; this replaces that
 * placement with the auto-layout inside the same undo step as the opening, so undo
 * goes straight back to the design before. True when applied; nothing happens if
 * the design was edited or replaced meanwhile. A layout that fails (its time limit on
 * a busy machine) leaves the rough placement, and the person is told so, with `retry`.
 * A large design is laid out once its analysis is in, and its simulation waits for the
 * drawing (beginOpeningLayout, called before the design is loaded); this releases the
 * simulation however the layout ends. `onLaidOut` runs in the task that applies the layout.
 */
export async function layoutOpenedDocument(retry?: () => void, onLaidOut?: () => void): Promise<boolean> {
  const opened = useDocument.getState().doc;
  try {
    // A large design's analysis goes first (openingOrder.ts), alone on its core.
    if (useOpeningOrder.getState().design === opened) await analysisAnswered();
    // Not in the task that draws the opened design or its analysis: sending it copies the whole design.
    await nextTask();
    if (useDocument.getState().doc !== opened) return false;
    return await layOutOpened(opened, retry, onLaidOut);
  } finally {
    // What waited for the drawing (the simulation) goes in a task of its own.
    await nextTask();
    endOpeningLayout(opened);
  }
}

/**
 * The longest the layout waits for the analysis: an analysis made slow by its options (many
 * Monte Carlo samples) must not hold the picture back; past it the two run side by side.
 */
const ANALYSIS_WAIT_MS = 5000;

/** Resolves once the analysis is not running (its answer or error is in, or there is none), or after ANALYSIS_WAIT_MS. */
function analysisAnswered(): Promise<void> {
  return new Promise((resolve) => {
    if (useAnalysis.getState().status !== 'running') return resolve();
    const done = () => {
      clearTimeout(timer);
      stop();
      resolve();
    };
    const timer = setTimeout(done, ANALYSIS_WAIT_MS);
    const stop = useAnalysis.subscribe((s) => {
      if (s.status !== 'running') done();
    });
  });
}

async function layOutOpened(opened: Topology, retry?: () => void, onLaidOut?: () => void): Promise<boolean> {
  let result: LayoutResult;
  try {
    result = await layoutInWorker(opened, { sizes: drawnSizes(opened) });
  } catch (error) {
    if (useDocument.getState().doc === opened) {
      useUi.getState().showNotice('The automatic layout did not finish: the design is shown with a rough placement', [reasonOf(error), TRY_AGAIN], retryAction(retry));
    }
    return false;
  }
  if (useDocument.getState().doc !== opened) return false;
  const next = withLayout(opened, result);
  await rectsBeforeDrawing(next);
  if (useDocument.getState().doc !== opened) return false;
  const history = useDocument.temporal.getState();
  history.pause();
  try {
    useDocument.setState({ doc: next });
  } finally {
    history.resume();
  }
  // Opening is not a change: the laid-out design is what was opened.
  if (useUi.getState().savedDoc === opened) useUi.getState().markSaved(next);
  // In the task that applied it, before the autosave or anything else can see the laid-out design.
  onLaidOut?.();
  return true;
}
