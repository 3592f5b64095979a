// The availability of each client, and optionally each element's Birnbaum importance per
// client, without the rest of the report (no SPOF blast radii, pairs or importance list):
// what the plan needs to weigh a candidate design, several times per move. The same
// exact method as analyze() (structure, BDD, one probability pass; one backward pass per
// client for Birnbaum), so the figures are analyze()'s to the last bit; where the exact
// method would exceed its budget, or the engine has something to say that this path does
// not compute (no client), it asks analyze() itself.
import type { Topology } from '../model';
import { analyzeStructure, DEFAULT_EXACT_BUDGET } from './analyze';
import { Bdd, BddBudgetExceeded } from './bdd';
import { compileWorks } from './compile';
import { birnbaumOf, cutsOfOrderTwo, nodeProbabilities } from './exact';
import { variableOrder } from './order';
import { buildStructure } from './structure';
import type { ElementReport, Report } from './types';

export interface ClientAvailability {
  id: string;
  label: string;
  availability: number;
  unavailability: number;
}

export interface Evaluation {
  method: 'exact' | 'monte-carlo';
  clients: ClientAvailability[];
  /** The system: its weakest client (availability 1 when there is none). */
  /** `interval`: Monte Carlo only, the 95% sampling interval of the availability. */
  system: { availability: number; unavailability: number; interval?: { low: number; high: number } };
  elements: ElementReport[];
  /** With `sensitivity`: per client (in `clients` order), each element's Birnbaum importance (in `elements` order). */
  birnbaum?: Float64Array[];
  /** With `sensitivity`: indices of the elements whose single failure fails a client (failover events and perfect elements left out). */
  spofs?: number[];
  /**
   * With `sensitivity`: per client (in `clients` order), the indices of `spofs` that fail it
   * (ascending; clients that need the same thing share one array). Read off the same pass as
   * `spofs`: finding them by propagation, SPOF by SPOF, is quadratic on a long chain.
   */
  clientSpofs?: number[][];
}

export interface EvaluateOptions {
  /** Also compute Birnbaum importance per client and the single points of failure. */
  sensitivity?: boolean;
  exactBudget?: number;
  /**
   * The design is known to be past the exact method's budget (the plan of a large design: a
   * design it reaches adds to one that was): Monte Carlo at once. Trying the exact method
   * first took two thirds of each evaluation of the estate at a tenth.
   */
  pastExact?: boolean;
}

const NOTHING_FORCED = { components: new Set<number>(), slots: new Set<number>() };

/** Exact client availabilities (DESIGN section 3); Birnbaum ∂A_c/∂a_e and SPOFs on request. */
export function evaluate(t: Topology, opts: EvaluateOptions = {}): Evaluation {
  return new AvailabilityEvaluator().evaluate(t, opts);
}

/**
 * Evaluates design after design (the plan's candidates) in one BDD whose tables are
 * cleared and reused, not allocated again for each.
 */
export class AvailabilityEvaluator {
  private bdd: Bdd | undefined;

  evaluate(t: Topology, opts: EvaluateOptions = {}): Evaluation {
    const s = buildStructure(t);
    if (s.clients.length === 0) return fromReport(t, opts);
    const order = variableOrder(s);
    const n = s.elements.length;
    const budget = opts.exactBudget ?? DEFAULT_EXACT_BUDGET;
    if (opts.pastExact) return fromReport(t, opts, s, new BddBudgetExceeded(budget));
    if (this.bdd && this.bdd.budget === budget) this.bdd.reset();
    else this.bdd = new Bdd(budget, Math.min(budget, 16 * n));
    const bdd = this.bdd;
    let works: Int32Array;
    try {
      works = compileWorks(s, bdd, order, NOTHING_FORCED);
    } catch (e) {
      if (e instanceof BddBudgetExceeded) return fromReport(t, opts, s, e);
      throw e;
    }
    const upByLevel = new Float64Array(n);
    for (let e = 0; e < n; e++) upByLevel[order.levelOf[e]] = s.elements[e].availability;
    const roots = s.clients.map((c) => works[c]);
    const { P, Q } = nodeProbabilities(bdd, upByLevel, Math.max(1, ...roots));
    const clients = roots.map((root, i) => ({
      id: s.components[s.clients[i]].id, label: s.components[s.clients[i]].label, availability: P[root], unavailability: Q[root],
    }));
    const out: Evaluation = {
      method: 'exact', clients, system: weakest(clients),
      elements: s.elements,
    };
    if (opts.sensitivity) {
      // Clients that need the same thing share one BDD node: their importance is one array
      // (200 clients behind the same pools would otherwise be 200 passes and arrays).
      const byRoot = new Map<number, Float64Array>();
      out.birnbaum = roots.map((root) => {
        let b = byRoot.get(root);
        if (!b) {
          const byLevel = birnbaumOf(bdd, root, upByLevel, Q, n);
          byRoot.set(root, (b = Float64Array.from({ length: n }, (_, e) => byLevel[order.levelOf[e]])));
        }
        return b;
      });
      const allUp = new Uint8Array(n).fill(1);
      const spofs = new Set<number>();
      const ofRoot = new Map<number, number[]>();
      const counts = (e: number) => s.elements[e].type !== 'failover' && s.elements[e].availability < 1;
      // Singles only (no pairs: a pool of 1,000 that needs 999 has half a million).
      for (const root of byRoot.keys()) {
        const mine = cutsOfOrderTwo(bdd, root, allUp, 0).singles.map((x) => order.elementAt[x]).filter(counts).sort((a, b) => a - b);
        ofRoot.set(root, mine);
        for (const e of mine) spofs.add(e);
      }
      out.spofs = [...spofs].sort((a, b) => a - b);
      out.clientSpofs = roots.map((root) => ofRoot.get(root)!);
    }
    return out;
  }
}

function weakest(clients: ClientAvailability[]): Evaluation['system'] {
  let w: ClientAvailability | undefined;
  for (const c of clients) if (!w || c.unavailability > w.unavailability) w = c;
  return w ? { availability: w.availability, unavailability: w.unavailability } : { availability: 1, unavailability: 0 };
}

/**
 * The same figures read off an analysis (Monte Carlo past the budget; the system's importance
 * stands in for each client's) of what this reads only: no pairs, and without `sensitivity`
 * no SPOFs or importance either. Given the structure and the budget exceeded, the exact
 * method is not tried again.
 */
function fromReport(t: Topology, opts: EvaluateOptions, s = buildStructure(t), exceeded?: BddBudgetExceeded): Evaluation {
  const only = opts.sensitivity ? { noPairs: true } : { figuresOnly: true };
  return evaluationOfReport(analyzeStructure(t, s, { seed: 1, ...only, ...(opts.exactBudget !== undefined ? { exactBudget: opts.exactBudget } : {}) }, exceeded), opts);
}

/** An evaluation read off an analysis already made (a caller that has one need not analyse again). */
export function evaluationOfReport(r: Report, opts: EvaluateOptions = {}): Evaluation {
  const clients = r.clients.map((c) => ({ id: c.id, label: c.label, availability: c.availability, unavailability: c.unavailability }));
  const out: Evaluation = {
    method: r.method, clients, elements: r.elements,
    system: { availability: r.system.availability, unavailability: r.system.unavailability, ...(r.interval ? { interval: r.interval } : {}) },
  };
  if (opts.sensitivity) {
    const index = new Map(r.elements.map((e, i) => [e.id, i]));
    const b = new Float64Array(r.elements.length);
    for (const imp of r.importance) b[index.get(imp.id)!] = imp.birnbaum;
    out.birnbaum = clients.map(() => b);
    out.spofs = r.spofs.map((x) => index.get(x.id)!).sort((a, c) => a - c);
    const clientIndex = new Map(clients.map((c, i) => [c.id, i]));
    const of: number[][] = clients.map(() => []);
    for (const x of r.spofs) {
      const e = index.get(x.id)!;
      for (const c of x.clients) of[clientIndex.get(c) ?? -1]?.push(e);
    }
    out.clientSpofs = of.map((list) => list.sort((a, c) => a - c));
  }
  return out;
}
