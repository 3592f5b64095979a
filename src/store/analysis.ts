// The analysis store: what the live analysis (a Web Worker) says about the document,
// and the what-if mode. Filled by the analysis code; read by the canvas to mark nodes.
// Never part of undo history.
import { create } from 'zustand';

export interface WhatIfState {
  active: boolean;
  /** Element ids the person has failed by clicking them. */
  failed: Set<string>;
  /** Component ids down as a consequence (filled from the worker's what-if report). */
  down: Set<string>;
}

export interface AnalysisState {
  status: 'idle' | 'running' | 'error';
  report: unknown | null;
  error?: string;
  /** Element ids that are single points of failure (marked with a red ring and badge). */
  spofIds: Set<string>;
  /** Element ids that take part in a dangerous pair of failures. */
  pairIds: Set<string>;
  whatIf: WhatIfState;
  setWhatIfActive: (active: boolean) => void;
  toggleFailed: (id: string) => void;
  setDown: (down: Set<string>) => void;
}

export const useAnalysis = create<AnalysisState>()((set, get) => ({
  status: 'idle',
  report: null,
  spofIds: new Set(),
  pairIds: new Set(),
  whatIf: { active: false, failed: new Set(), down: new Set() },
  setWhatIfActive: (active) => set({ whatIf: { active, failed: new Set(), down: new Set() } }),
  toggleFailed: (id) => {
    const { whatIf } = get();
    const failed = new Set(whatIf.failed);
    if (failed.has(id)) failed.delete(id);
    else failed.add(id);
    set({ whatIf: { ...whatIf, failed } });
  },
  setDown: (down) => set({ whatIf: { ...get().whatIf, down } }),
}));

/** One node's marks, selected by id so a node re-renders only when its own marks change. */
export function useNodeMarks(id: string): { spof: boolean; pair: boolean; failed: boolean; down: boolean } {
  const spof = useAnalysis((s) => s.spofIds.has(id));
  const pair = useAnalysis((s) => s.pairIds.has(id));
  const failed = useAnalysis((s) => s.whatIf.active && s.whatIf.failed.has(id));
  const down = useAnalysis((s) => s.whatIf.active && s.whatIf.down.has(id));
  return { spof, pair, failed, down };
}
