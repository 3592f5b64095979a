// The analysis store: what the live analysis (a Web Worker) says about the document,
// and the what-if mode. Filled by the analysis driver (analysisDriver.ts); read by the
// canvas to mark nodes and by the report panel. Never part of undo history.
import { create } from 'zustand';
import type { Report } from '../engine';
import type { AnalysisResult, EngineOptions, SimulationResponse } from '../worker/engineApi';
import type { PartialList, RowOf } from '../worker/pageAnswer';
import type { CanvasMarks, NoteMap, WhatIfMarks } from './analysisMarks';

export interface WhatIfState {
  active: boolean;
  /** Element ids the person has failed by clicking them (node ids, `pool#i`, link keys). */
  failed: Set<string>;
  /** Component ids down as a consequence (filled from the worker's what-if report). */
  down: Set<string>;
  /** Clients still served with the failures (what-if report). */
  served: Set<string>;
  /** The what-if report itself: the degraded availability. Null without failures. */
  report: Report | null;
}

/** The simulation of the design as it is now: played by the worker while the design is idle. */
export type SimulationState =
  | { status: 'none' }
  | { status: 'running' }
  | { status: 'done'; result: Extract<SimulationResponse, { ok: true }> }
  | { status: 'error'; error: string };

/** Rows of a list an answer held in part, from the worker that answered (null: it has another analysis now). */
export type RowSource = <L extends PartialList>(answer: string, list: L, from: number, count: number) => Promise<RowOf<L>[] | null>;

export interface AnalysisState {
  status: 'idle' | 'running' | 'error';
  /** The design's report (not the what-if one). */
  report: Report | null;
  /** Everything the worker answered: report, insight, what-if, validation warnings. */
  result: AnalysisResult | null;
  /** Why the analysis failed: the worker died, or the document is invalid. */
  error?: string;
  /** The document's problems, one line each naming its path, when it is invalid. */
  problems: string[];
  /** Node ids and link keys that are single points of failure (a red ring and badge). */
  spofIds: Set<string>;
  /** Node ids and link keys that take part in a dangerous pair of failures. */
  pairIds: Set<string>;
  /** Tooltip per marked node or link: what its failure takes down. */
  notes: NoteMap;
  whatIf: WhatIfState;
  /** The simulated years of the design (none in what-if mode, nor while an edit is analysed). */
  simulation: SimulationState;
  setSimulation: (simulation: SimulationState) => void;
  /** The method's knobs sent with every request (none: the engine's defaults). */
  engineOptions: EngineOptions | null;
  setEngineOptions: (options: EngineOptions | null) => void;
  setWhatIfActive: (active: boolean) => void;
  toggleFailed: (id: string) => void;
  setDown: (down: Set<string>) => void;
  setRunning: () => void;
  setResult: (result: AnalysisResult, marks: CanvasMarks, whatIf: WhatIfMarks) => void;
  setError: (error: string, problems?: string[]) => void;
  /** Another design replaced the one analysed: its report and marks go, the panel waits for the new one's. */
  forgetResult: () => void;
  /**
   * What is under way before a design replaces the one shown ("Opening estate.spof.json…"): the
   * report and its "Up to date" describe the design being replaced meanwhile. Null otherwise.
   */
  opening: string | null;
  /** Says `what` until the design is replaced (forgetResult) or the returned function is called (it failed, or was declined). */
  sayOpening: (what: string) => () => void;
  /** Where rows of lists sent in part come from (set by the analysis driver). */
  rowSource: RowSource | null;
  /** Makes `list` hold its first `upTo` rows, asking the worker for those the answer did not bring. */
  wantRows: (list: PartialList, upTo: number) => void;
}

/** The opening whose words the status shows (sayOpening). */
let openingNow: { what: string } | null = null;

/** Lists whose rows are being asked for, by answer: asked once at a time. */
const asking = new Set<string>();

/** The old set when the new one holds the same ids: subscribers (every node) see no change. */
function same<T>(prev: Set<T>, next: Set<T>): Set<T> {
  if (prev.size !== next.size) return next;
  for (const x of next) if (!prev.has(x)) return next;
  return prev;
}

const NO_WHAT_IF = { failed: new Set<string>(), down: new Set<string>(), served: new Set<string>(), report: null };

/** No report and no marks: what is left when the report describes no design on the page. */
function noReport(whatIf: WhatIfState) {
  return {
    report: null,
    result: null,
    spofIds: new Set<string>(),
    pairIds: new Set<string>(),
    notes: new Map() as NoteMap,
    whatIf: { ...whatIf, down: new Set<string>(), served: new Set<string>(), report: null },
  };
}

export const useAnalysis = create<AnalysisState>()((set, get) => ({
  status: 'idle',
  report: null,
  result: null,
  problems: [],
  spofIds: new Set(),
  pairIds: new Set(),
  notes: new Map(),
  whatIf: { active: false, ...NO_WHAT_IF },
  simulation: { status: 'none' },
  setSimulation: (simulation) => set({ simulation }),
  engineOptions: null,
  setEngineOptions: (engineOptions) => set({ engineOptions }),
  setWhatIfActive: (active) => set({ whatIf: { active, ...NO_WHAT_IF } }),
  toggleFailed: (id) => {
    const { whatIf } = get();
    const failed = new Set(whatIf.failed);
    if (failed.has(id)) failed.delete(id);
    else failed.add(id);
    set({ whatIf: { ...whatIf, failed } });
  },
  setDown: (down) => set({ whatIf: { ...get().whatIf, down } }),
  setRunning: () => {
    if (get().status !== 'running') set({ status: 'running' });
  },
  setResult: (result, marks, w) => {
    const { whatIf, spofIds, pairIds } = get();
    set({
      status: 'idle',
      error: undefined,
      problems: [],
      report: result.report,
      result,
      spofIds: same(spofIds, marks.spofIds),
      pairIds: same(pairIds, marks.pairIds),
      notes: marks.notes,
      whatIf: { ...whatIf, down: same(whatIf.down, w.down), served: same(whatIf.served, w.served), report: result.whatIf },
    });
  },
  // While the new design is analysed, the old report (dimmed, as after an edit) named its
  // warnings and paths in the new design's components and offered the old design's fixes.
  forgetResult: () => set({ status: 'running', error: undefined, problems: [], opening: null, ...noReport(get().whatIf) }),
  opening: null,
  sayOpening: (what) => {
    const mine = { what };
    openingNow = mine;
    set({ opening: what });
    // A newer opening's words stay: only this one's are taken back.
    return () => {
      if (openingNow !== mine) return;
      openingNow = null;
      if (get().opening === what) set({ opening: null });
    };
  },
  // The design is untouched; the marks go (they would describe another design).
  setError: (error, problems = []) => set({ status: 'error', error, problems, ...noReport(get().whatIf) }),
  rowSource: null,
  wantRows: (list, upTo) => {
    const { result, rowSource } = get();
    const partial = result?.partial;
    if (!result || !partial || !rowSource) return;
    const have = result.insight[list].length;
    const want = Math.min(upTo, partial[list]);
    const key = `${partial.answer} ${list}`;
    if (want <= have || asking.has(key)) return;
    asking.add(key);
    void rowSource(partial.answer, list, have, want - have).then((rows) => {
      asking.delete(key);
      const now = get().result;
      // Only onto the answer they belong to, where they were missing.
      if (!rows || !now || now.partial?.answer !== partial.answer || now.insight[list].length !== have) return;
      set({ result: { ...now, insight: { ...now.insight, [list]: [...now.insight[list], ...rows] } } });
    });
  },
}));

export interface NodeMarks {
  spof: boolean;
  pair: boolean;
  failed: boolean;
  down: boolean;
  /** What-if: a client still served. */
  served: boolean;
}

const SPOF = 1;
const PAIR = 2;
const FAILED = 4;
const DOWN = 8;
const SERVED = 16;

/** The marks as bits, one number per node: what its selector returns. */
function markBits(s: AnalysisState, id: string): number {
  const w = s.whatIf;
  return (s.spofIds.has(id) ? SPOF : 0)
    | (s.pairIds.has(id) ? PAIR : 0)
    | (w.active && w.failed.has(id) ? FAILED : 0)
    | (w.active && w.down.has(id) ? DOWN : 0)
    | (w.active && w.failed.size > 0 && w.served.has(id) ? SERVED : 0);
}

/** Marks by their bits: every node with the same marks reads the same object. */
const MARKS: NodeMarks[] = Array.from({ length: 32 }, (_, b) => ({
  spof: (b & SPOF) !== 0, pair: (b & PAIR) !== 0, failed: (b & FAILED) !== 0, down: (b & DOWN) !== 0, served: (b & SERVED) !== 0,
}));

/**
 * One node's marks, selected by id so a node re-renders only when its own marks change.
 * One subscription per node, and a number from it: every analysis update runs each mounted
 * node's selector, and an object compared field by field there (useShallow) was 0.37 s of the
 * estate's answer at load 15, with the garbage it left.
 * The tooltip is not among them: it is written when first read (useMarkNote, markNoteNow).
 */
export function useNodeMarks(id: string): NodeMarks {
  return MARKS[useAnalysis((s) => markBits(s, id))];
}

/**
 * A marked node's tooltip (none in what-if mode). Read only once the node is hovered: a tooltip
 * is written when first read, and every mounted SPOF node's, written when the answer came, was
 * 1.2 s of the estate's answer (load 7).
 */
export function useMarkNote(id: string): string | undefined {
  return useAnalysis((s) => (s.whatIf.active ? undefined : s.notes.get(id)));
}

/** A marked element's tooltip as the analysis says it now: for a native title set when the pointer comes (DomainNode). */
export function markNoteNow(id: string): string | undefined {
  return useAnalysis.getState().notes.get(id);
}

/** What-if: which instances of a pool are failed (1-based), for the instance picker. */
export function useFailedInstances(id: string): string {
  // A string, so the selector's result compares by value.
  return useAnalysis((s) => (s.whatIf.active ? [...s.whatIf.failed].filter((f) => f.startsWith(`${id}#`)).join(',') : ''));
}
