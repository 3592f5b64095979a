// The plan in the app: found in a worker of its own (it weighs many designs, and an edit
// must not cancel it), then shown as a list of moves to apply one at a time or all at
// once, each apply one undoable step. The moves are applied in the worker too (the engine
// stays out of the page's bundle), the new elements placed beside their twins
// (src/store/twinPlacement.ts). The plan belongs to the design it was found for: it stays
// shown while the design is that one or one its own moves made (undo and redo included),
// and says so when the design changed otherwise.
import { create } from 'zustand';
import type { Plan } from '../../engine/insight';
import type { Topology } from '../../model';
import { getFlowInstance } from '../../canvas/flowBridge';
import { useAnalysis } from '../../store/analysis';
import { useDocument } from '../../store/document';
import { placePlanned } from '../../store/twinPlacement';
import { AnalysisClient } from '../../worker/analysisClient';

export type PlanView = Omit<Plan, 'topology'>;

/** A design the plan was found for, or one its moves made, with the moves applied to reach it. */
export interface PlanEntry {
  doc: Topology;
  applied: boolean[];
}

export type PlanState =
  | { phase: 'idle' }
  | { phase: 'computing'; doc: Topology }
  | {
    phase: 'ready'; plan: PlanView;
    /** The planned design: it names what the moves add. */
    names: Topology;
    entries: PlanEntry[];
    /** Moves are being applied. */
    busy: boolean;
    /** What the last apply did, shown while its design is. */
    result?: { doc: Topology; text: string };
  }
  | { phase: 'nothing' | 'error'; message: string; doc: Topology };

export const usePlan = create<{ state: PlanState }>()(() => ({ state: { phase: 'idle' } }));

let client: AnalysisClient | null = null;
const worker = () => (client ??= new AnalysisClient());
const setState = (state: PlanState) => usePlan.setState({ state });
const currentDoc = () => useDocument.getState().doc;

/**
 * Starts the plan's worker ahead of the click, once the page is idle: a worker loads and
 * compiles the engine when it starts (0.7 s on a busy machine, most of what a small plan
 * took in the app beyond the plan itself). Returns what cancels it when not started yet.
 */
export function preparePlanWorker(): () => void {
  if (typeof Worker === 'undefined') return () => {};
  const start = () => worker().prepare();
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(start, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(start, 500);
  return () => clearTimeout(id);
}

/** The entry of the design on the canvas, when the plan belongs to it. */
export function entryFor(state: PlanState, doc: Topology): PlanEntry | undefined {
  return state.phase === 'ready' ? state.entries.find((e) => e.doc === doc) : undefined;
}

/**
 * The moves of the plan applied to reach this very design, in order, when some were (the
 * shared report shows them); `met` only when every move was applied and the plan met its target.
 */
export function appliedPlanFor(state: PlanState, doc: Topology): { plan: PlanView; steps: PlanView['steps']; met: boolean } | undefined {
  const entry = entryFor(state, doc);
  if (state.phase !== 'ready' || !entry || !entry.applied.some(Boolean)) return undefined;
  return { plan: state.plan, steps: state.plan.steps.filter((_, i) => entry.applied[i]), met: state.plan.met && entry.applied.every(Boolean) };
}

/** Finds the plan for the design as it is; undefined when there is none to show (already met, an error). */
export async function findPlan(): Promise<Extract<PlanState, { phase: 'ready' }> | undefined> {
  const before = currentDoc();
  setState({ phase: 'computing', doc: before });
  // Weighed by the method the report shows: the analysis's knob (a smaller exact budget forces Monte Carlo) applies to the plan too.
  const exactBudget = useAnalysis.getState().engineOptions?.exactBudget;
  const outcome = await worker().plan({ document: before, ...(exactBudget !== undefined ? { options: { exactBudget } } : {}) });
  if (outcome.status === 'superseded') return undefined;
  if (outcome.status === 'failed') {
    setState({ phase: 'error', message: `The plan could not be computed: ${outcome.error}`, doc: currentDoc() });
    return undefined;
  }
  const r = outcome.response;
  if (!r.ok) {
    setState({ phase: 'error', message: r.errors.join('; '), doc: currentDoc() });
    return undefined;
  }
  if (currentDoc() !== before) {
    setState({ phase: 'error', message: 'The design changed while the plan was computed: plan again.', doc: currentDoc() });
    return undefined;
  }
  if (r.plan.steps.length === 0) {
    setState({ phase: 'nothing', message: r.plan.message, doc: before });
    return undefined;
  }
  const ready: Extract<PlanState, { phase: 'ready' }> = {
    phase: 'ready', plan: r.plan, names: r.topology, busy: false,
    entries: [{ doc: before, applied: r.plan.steps.map(() => false) }],
  };
  setState(ready);
  return ready;
}

/**
 * Applies the plan's moves `indices` (default: every move not applied yet) to the design
 * on the canvas, in the plan's order, as one undoable step.
 */
export async function applyPlanMoves(indices?: number[]): Promise<void> {
  const state = usePlan.getState().state;
  const from = currentDoc();
  const entry = entryFor(state, from);
  if (state.phase !== 'ready' || !entry || state.busy) return;
  const todo = (indices ?? state.plan.steps.map((_, i) => i)).filter((i) => !entry.applied[i]).sort((a, b) => a - b);
  if (todo.length === 0) return;
  setState({ ...state, busy: true });
  const outcome = await worker().moves({ document: from, moves: todo.map((i) => state.plan.steps[i].move) });
  const latest = usePlan.getState().state;
  if (latest.phase !== 'ready') return;
  const fail = (message: string) => setState({ ...latest, busy: false, result: { doc: currentDoc(), text: message } });
  if (outcome.status !== 'done') return fail(outcome.status === 'failed' ? `The moves could not be applied: ${outcome.error}` : 'Interrupted: apply again.');
  if (!outcome.response.ok) return fail(`The moves could not be applied: ${outcome.response.errors.join('; ')}`);
  if (currentDoc() !== from) return fail('The design changed meanwhile: apply again.');
  const label = todo.length === 1 ? `Plan: ${state.plan.steps[todo[0]].description}` : 'Apply plan';
  useDocument.getState().applyTopology(placePlanned(from, outcome.response.topology, outcome.response.twins), label);
  const doc = currentDoc();
  const applied = entry.applied.map((a, i) => a || todo.includes(i));
  const done = applied.filter(Boolean).length;
  const text = applied.every(Boolean)
    ? `${state.plan.met ? 'Plan applied' : 'Plan applied, target not reached'} (${done} change${done === 1 ? '' : 's'}; undo with Ctrl+Z)`
    : `${done} of ${applied.length} moves applied (undo with Ctrl+Z)`;
  setState({ ...latest, busy: false, entries: [...latest.entries, { doc, applied }], result: { doc, text } });
  // Show what the moves added (a new zone or region may lie outside the view).
  setTimeout(() => void getFlowInstance()?.fitView({ padding: 0.12, maxZoom: 1, duration: 300 }), 50);
}

/** "Apply plan": every remaining move of the plan shown, or, with none shown, a plan found and applied whole. */
export async function applyPlanToDesign(): Promise<void> {
  if (!entryFor(usePlan.getState().state, currentDoc()) && !(await findPlan())) return;
  await applyPlanMoves();
}
