// "Apply plan": the plan is found in a worker of its own (it runs many analyses, and an
// edit must not cancel it), then the changed design replaces the current one as one
// undoable step. Nothing happens when the design changed while the plan was computed.
import { create } from 'zustand';
import type { PlanStep } from '../../engine/insight';
import type { Topology } from '../../model';
import { getFlowInstance } from '../../canvas/flowBridge';
import { useDocument } from '../../store/document';
import { AnalysisClient } from '../../worker/analysisClient';

/** A finished plan's message belongs to one design (`doc`): it is shown only while that design is. */
export type PlanState =
  | { phase: 'idle' }
  | { phase: 'computing' }
  | { phase: 'applied'; steps: PlanStep[]; met: boolean; message: string; doc: Topology }
  | { phase: 'nothing'; message: string; doc: Topology }
  | { phase: 'error'; message: string; doc: Topology };

export const usePlan = create<{ state: PlanState }>()(() => ({ state: { phase: 'idle' } }));

let client: AnalysisClient | null = null;

const setState = (state: PlanState) => usePlan.setState({ state });

export async function applyPlanToDesign(): Promise<void> {
  const before = useDocument.getState().doc;
  setState({ phase: 'computing' });
  client ??= new AnalysisClient();
  const outcome = await client.plan({ document: before });
  if (outcome.status === 'superseded') return;
  const now = () => useDocument.getState().doc;
  if (outcome.status === 'failed') return setState({ phase: 'error', message: `The plan could not be computed: ${outcome.error}`, doc: now() });
  const r = outcome.response;
  if (!r.ok) return setState({ phase: 'error', message: r.errors.join('; '), doc: now() });
  if (now() !== before) {
    return setState({ phase: 'error', message: 'The design changed while the plan was computed: apply it again.', doc: now() });
  }
  if (r.plan.steps.length === 0) return setState({ phase: 'nothing', message: r.plan.message, doc: now() });
  useDocument.getState().applyTopology(r.topology, 'Apply plan');
  // Show what the plan added (a new zone or region may lie outside the view).
  setTimeout(() => void getFlowInstance()?.fitView({ padding: 0.12, maxZoom: 1, duration: 300 }), 50);
  setState({ phase: 'applied', steps: r.plan.steps, met: r.plan.met, message: r.plan.message, doc: now() });
}
