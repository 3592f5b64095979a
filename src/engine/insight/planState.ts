// A design the plan has reached, evaluated exactly: its document, the moves that led
// there, the availability of each client, the SLO status and how far it falls short.
// A replay (pruning, the final report) recomputes nothing it has seen.
import type { Topology } from '../../model';
import { DEFAULT_EXACT_BUDGET } from '../analyze';
import { Bdd } from '../bdd';
import { AvailabilityEvaluator, type ClientAvailability, type Evaluation } from '../evaluate';
import { applyMoveFully, moveKey, type Applied, type Move } from './moves';
import { shortfall, sloReport } from './slo';
import type { SloReport } from './types';

/** A Monte Carlo evaluation (a design past the exact method's budget: a whole analysis) counts as this many exact ones of its size. */
const MONTE_CARLO_WORK = 10;

/** A step helps when it closes at least this share of the remaining gap per move. */
export const MIN_SHARE_PER_MOVE = 0.005;

export interface State {
  doc: Topology;
  moves: Move[];
  evaluation: Evaluation;
  slo: SloReport;
  /** The sum of the shortfalls against every target (0 when all are met). */
  gap: number;
}

export interface Targets {
  override?: number;
  /** 1 − the strictest target: the error budget. */
  budget: number;
  /** Per client (evaluation order): the target it must meet (its own, or the system's), or undefined. */
  clientTarget(t: Topology, id: string): number | undefined;
}

export function targetsOf(t: Topology, override?: number): Targets | undefined {
  const system = override ?? t.slo;
  const own = t.components.filter((c) => c.kind === 'client').map((c) => override ?? c.slo).filter((x): x is number => x !== undefined);
  const all = [...(system !== undefined ? [system] : []), ...own];
  if (all.length === 0) return undefined;
  return {
    override,
    budget: 1 - Math.max(...all),
    clientTarget(doc, id) {
      const mine = override ?? doc.components.find((c) => c.id === id)?.slo;
      const both = [system, mine].filter((x): x is number => x !== undefined);
      return both.length ? Math.max(...both) : undefined;
    },
  };
}

/** Indices of the clients below the target they must meet. */
export function shortClients(s: Pick<State, 'doc' | 'evaluation'>, targets: Targets): number[] {
  return s.evaluation.clients.flatMap((c, i) => {
    const target = targets.clientTarget(s.doc, c.id);
    return target !== undefined && c.availability < target - 1e-12 ? [i] : [];
  });
}

/**
 * Evaluates the designs the plan reaches, each once: evaluations and applied moves are
 * remembered per document (a replay of the same moves from the same document gives the
 * same objects back), in one BDD whose tables are reused.
 */
export class Evaluator {
  /** Exact evaluations done. */
  count = 0;
  /** Moves scored in a compiled design shared with others (planScore.ts), not recomputed on their own. */
  scored = 0;
  /** Designs compiled to score moves together (planScore.ts). */
  unions = 0;
  /** Moves taken whose exact figures disagreed with their score (the round was weighed again). */
  disagreements = 0;
  /** Work done: the elements of every design evaluated or compiled, summed (a Monte Carlo evaluation ten times). */
  work = 0;
  /** The budget stopped some weighing, pruning or search: the plan says so. */
  cut = false;
  /** Every design evaluated from now on is past the exact method's budget (plan.ts: a large design that was). */
  pastExact = false;
  /** The exact method's budget (analyze's `exactBudget`), when not its default: a smaller one forces Monte Carlo. */
  exactBudget: number | undefined;
  /** The work of the last evaluation: what the next is expected to cost. */
  private last = 0;
  private scratch: Bdd | undefined;
  private readonly evaluations = new WeakMap<Topology, Evaluation>();
  private readonly applied = new WeakMap<Topology, Map<string, Applied>>();
  private readonly engine = new AvailabilityEvaluator();

  constructor(private readonly targets: Targets, public workBudget = Infinity) {}

  /** Raises the budget (a large design, once its own evaluation is known: plan.ts). */
  extend(budget: number): void {
    this.workBudget = Math.max(this.workBudget, budget);
  }

  /** The work of the last evaluation. */
  get lastWork(): number {
    return this.last;
  }

  /** The budget leaves room for one more evaluation like the last. */
  affords(): boolean {
    return this.work + this.last <= this.workBudget;
  }

  /** Counts the work of compiling a design of `elements` (planScore.ts's union of moves). */
  charge(elements: number): void {
    this.work += elements;
    this.last = elements;
  }

  /** An empty BDD for scoring moves, its tables kept from one round to the next. */
  scratchBdd(elements: number): Bdd {
    if (this.scratch) this.scratch.reset();
    else this.scratch = new Bdd(DEFAULT_EXACT_BUDGET, Math.min(DEFAULT_EXACT_BUDGET, 16 * elements));
    return this.scratch;
  }

  /** The move applied to `doc`, remembered. */
  apply(doc: Topology, m: Move): Applied {
    let byMove = this.applied.get(doc);
    if (!byMove) this.applied.set(doc, (byMove = new Map()));
    const key = moveKey(m);
    let a = byMove.get(key);
    if (!a) byMove.set(key, (a = applyMoveFully(doc, m)));
    return a;
  }

  /** Forgets the moves applied to `doc` but `kept` (the candidates a round did not take). */
  forgetOthers(doc: Topology, kept: readonly Move[]): void {
    const byMove = this.applied.get(doc);
    if (!byMove) return;
    const keep = new Set(kept.map(moveKey));
    for (const k of [...byMove.keys()]) if (!keep.has(k)) byMove.delete(k);
  }

  /**
   * The state of `doc` from clients' figures scored elsewhere (planScore.ts), without
   * importance: weighed against the others of its round, and recomputed if it is taken.
   */
  scoredState(targetsDoc: Topology, doc: () => Topology, moves: Move[], clients: ClientAvailability[]): State {
    let system = { availability: 1, unavailability: 0 };
    for (const c of clients) if (c.unavailability > system.unavailability) system = { availability: c.availability, unavailability: c.unavailability };
    const e: Evaluation = { method: 'exact', clients, system, elements: [] };
    // A local move changes no client: the targets are read off the document it was scored from.
    const slo = sloReport(targetsDoc, e, this.targets.override);
    let made: Topology | undefined;
    return { get doc() { return (made ??= doc()); }, moves, evaluation: e, slo, gap: shortfall(slo) };
  }

  /** Takes `e` as the evaluation of `doc` (made elsewhere), counting its work as if made here. */
  remember(doc: Topology, e: Evaluation): void {
    this.charge(e.elements.length * (e.method === 'exact' ? 1 : MONTE_CARLO_WORK));
    this.evaluations.set(doc, e);
  }

  /** `doc` is evaluated already, with importance: its state costs no work. */
  has(doc: Topology): boolean {
    return this.evaluations.get(doc)?.birnbaum !== undefined;
  }

  /** The state of `doc`, reached by `moves`; with Birnbaum importance and SPOFs when `sensitivity`. */
  state(doc: Topology, moves: Move[], sensitivity: boolean): State {
    let e = this.evaluations.get(doc);
    if (!e || (sensitivity && !e.birnbaum)) {
      this.count++;
      e = this.engine.evaluate(doc, { sensitivity, pastExact: this.pastExact, ...(this.exactBudget !== undefined ? { exactBudget: this.exactBudget } : {}) });
      this.remember(doc, e);
    }
    const slo = sloReport(doc, e, this.targets.override);
    return { doc, moves, evaluation: e, slo, gap: shortfall(slo) };
  }
}
