// The plan as it is reported: each move replayed with what it fixes (the SPOFs it
// removes, or else the pairs of failures), what it adds (instances, money), the
// availability after it and, where downtime has a cost, what it saves; the whole plan's
// cost; and when the target stays out of reach, what blocks it and its share of the budget.
import { numberText, type Topology } from '../../model';
import { clientFailureCheck } from '../index';
import { describeMove, type Move } from './moves';
import { addCosts, costOfMove, downtimeCostPerYear, NO_COST, type Pricing } from './planCost';
import { blockersOf, fixedBlockers, type FixedFailure } from './planBlockers';
import { MIN_SHARE_PER_MOVE, type Evaluator, type State, type Targets } from './planState';
import type { Blocker, Plan, PlanOutcome, PlanStep, StepAdds, StepFixes } from './planTypes';
import { alternativesOf, componentElements, componentMap, instancePlacements, zoneOf } from './structure';

export interface Finished {
  start: State;
  end: State;
  rounds: number[];
  outcome: PlanOutcome;
  search: Plan['search'];
  targets: Targets;
  pricing: Pricing;
  evaluator: Evaluator;
  maxMoves: number;
  /** A large design (plan.ts): each of its rounds is a recomputation of all of it, as its message says. */
  large?: boolean;
  /**
   * The rounds whose moves were verified together, by one evaluation of the design (plan.ts's
   * batchStep): each of their moves shows the figures after its round, what it fixes is
   * found by structure alone, and the round's saving a year is on its last move.
   */
  together?: ReadonlySet<number>;
  /** Out of reach: why the search for the moves that still raise the availability ended. */
  stopped?: 'no-move-helps' | 'move-limit' | 'work-budget';
  /** Out of reach: the failures no move changes, and the clients they keep from their targets, with the most each can reach. */
  fixed?: readonly FixedFailure[];
  beyond?: readonly { client: number; most: number; target: number }[];
  /** Short of the target: the furthest client's SPOFs, how many must go at least, and the moves and rounds of work the plan had left. */
  toRemove?: { client: number; spofs: number[]; needed: number; moves: number; rounds: number; batch: number };
}

const ninesOf = (u: number) => (u <= 0 ? Infinity : -Math.log10(u));

export function finish(f: Finished): Plan {
  const { start, end, pricing, evaluator } = f;
  const steps: PlanStep[] = [];
  let before = start;
  let total = NO_COST;
  // Where moves were verified together: the state each round started from, and its cost so far.
  let roundStart = start;
  let roundCost = NO_COST;
  const n = end.moves.length;
  // Each move's own figures, where it has them: the plan's end; a state evaluated already;
  // else an evaluation while the budget of work leaves room for one (a pruned or replayed
  // plan's states are new). A large design's round shows the figures after the round only.
  const docs: Topology[] = [];
  const own: (State | undefined)[] = [];
  for (let i = 0, doc = start.doc; i < n; i++) {
    doc = evaluator.apply(doc, end.moves[i]).doc;
    docs.push(doc);
    const inLargeRound = f.together?.has(f.rounds[i]) === true && f.rounds[i + 1] === f.rounds[i];
    if (i === n - 1) own.push(end);
    else if (!inLargeRound && (evaluator.has(doc) || evaluator.affords())) own.push(evaluator.state(doc, end.moves.slice(0, i + 1), true));
    else own.push(undefined);
  }
  // Rounds as shown: a move without figures of its own joins the next that has them (its
  // round's end, or later ones past the budget): verified together by that one evaluation.
  const rounds: number[] = [];
  const together = new Set<number>();
  for (let i = 0; i < n; i++) {
    const joined = i > 0 && (f.rounds[i] === f.rounds[i - 1] || own[i - 1] === undefined);
    rounds.push(i === 0 ? 1 : rounds[i - 1] + (joined ? 0 : 1));
    if (own[i] === undefined) together.add(rounds[i]);
  }
  end.moves.forEach((move: Move, i) => {
    const applied = evaluator.apply(before.doc, move);
    const lastOfRound = i === n - 1 || rounds[i + 1] !== rounds[i];
    const inRound = together.has(rounds[i]);
    let after = own[i];
    if (!after || inRound) {
      // The round's evaluation, on the document so far.
      let j = i;
      while (rounds[j + 1] === rounds[i]) j++;
      const roundEnd = own[j]!;
      after = lastOfRound ? roundEnd : { ...roundEnd, doc: docs[i], moves: end.moves.slice(0, i + 1) };
    }
    const cost = costOfMove(before.doc, applied, pricing);
    total = addCosts(total, cost);
    roundCost = addCosts(roundCost, cost);
    const components = new Set(applied.doc.components.map((c) => c.id));
    const adds: StepAdds = {
      instances: cost.instances, costPerMonth: cost.perMonth, assumedPrice: cost.assumedPrice,
      components: applied.added.filter((a) => components.has(a.id)).map((a) => a.id),
      domains: applied.added.filter((a) => !components.has(a.id)).map((a) => a.id),
      twins: Object.fromEntries(applied.added.flatMap((a) => (a.twin ? [[a.id, a.twin]] : []))),
    };
    const from = inRound ? roundStart : before;
    const saving = pricing.downtimeCosted && (!inRound || lastOfRound)
      ? downtimeCostPerYear(from.doc, from.evaluation.clients) - downtimeCostPerYear(after.doc, after.evaluation.clients) : null;
    const paid = inRound ? roundCost : cost;
    const u = after.evaluation.system.unavailability;
    // A round's Monte Carlo figure inside the sampling interval of the figure before the round.
    const was = (inRound ? roundStart : before).evaluation.system.interval;
    const noise = after.evaluation.method === 'monte-carlo' && was !== undefined && after.evaluation.system.availability <= was.high;
    steps.push({
      ...(noise ? { withinInterval: true as const } : {}),
      round: rounds[i], move, description: describeMove(before.doc, move, applied),
      fixes: inRound ? fixesOf({ ...roundStart, doc: before.doc }, after, move, true) : fixesOf(before, after, move), adds,
      availability: after.evaluation.system.availability, nines: ninesOf(u),
      savingPerYear: saving, paysOff: saving === null || paid.perMonth === null ? null : saving >= 12 * paid.perMonth,
    });
    before = after;
    if (lastOfRound) {
      roundStart = after;
      roundCost = NO_COST;
    }
  });
  const blockers = end.slo.met ? [] : f.outcome === 'out-of-reach'
    ? fixedBlockers(end.doc, f.fixed ?? [], (f.beyond ?? []).map((b) => b.client), f.targets.budget)
    : blockersOf(end, f.targets, false, f.outcome === 'work-budget');
  // The client furthest from its target, and the most any plan gives it.
  const worst = [...(f.beyond ?? [])].sort((a, b) => a.most - b.most)[0];
  const ceiling = worst && ` (no plan takes ${end.evaluation.clients[worst.client].label ?? end.evaluation.clients[worst.client].id} past ${mostText(worst.most)}${f.beyond!.length > 1 ? `, nor ${numberText(f.beyond!.length - 1)} other client${f.beyond!.length === 2 ? '' : 's'} to ${f.beyond!.length === 2 ? 'its' : 'their'} target${f.beyond!.length === 2 ? '' : 's'}` : ''}: more work would not reach it)`;
  const figures = (s: State) => ({ availability: s.evaluation.system.availability, nines: ninesOf(s.evaluation.system.unavailability) });
  return {
    target: f.targets.override ?? start.doc.slo ?? null,
    before: figures(start), after: figures(end),
    met: end.slo.met, outcome: f.outcome, search: f.search,
    message: Number.isNaN(start.evaluation.system.availability)
      ? 'Nothing is connected: draw the dependency links (who needs whom) before planning.'
      : outcomeMessage(f.outcome, steps.length, blockers, f.targets.budget, f.large === true, ceiling ?? '')
        + (f.outcome === 'out-of-reach' ? ` ${stillText(steps.length, start, end, f.stopped ?? 'no-move-helps', f.large === true)}` : '')
        + (f.outcome !== 'work-budget' && f.outcome !== 'out-of-reach' && evaluator.cut ? ` ${CUT_SHORT}` : '')
        + (together.size > 0 ? ` ${TOGETHER}` : '') + noiseText(steps) + (f.toRemove ? ` ${removalText(end, f.toRemove)}` : ''),
    steps,
    cost: { instances: total.instances, perMonth: total.perMonth, currency: pricing.currency, assumedPrice: total.assumedPrice },
    blockers,
    topology: end.doc,
    slo: end.slo,
    work: { done: evaluator.work, budget: evaluator.workBudget, cut: evaluator.cut },
  };
}

/** Pairs of failures a step's fixes check at most (each check a propagation through the design), and list at most. */
export const MAX_FIX_PAIR_CHECKS = 10_000;
export const MAX_FIX_PAIRS = 100;

/**
 * The SPOFs the move removes; when it removes none, the pairs of failures that no longer
 * fail a client, among the elements the move is about (its component's instances and
 * zones, and those of the components that stand in for it); else the elements that fail
 * less often (a managed service's SLA, a hot switchover), or the component itself.
 */
function fixesOf(before: State, after: State, move: Move, structural = false): StepFixes {
  const ids = (s: State) => new Set((s.evaluation.spofs ?? []).map((e) => s.evaluation.elements[e].id));
  const was = ids(before);
  // Built when first needed: each is a pass over the design.
  const built: ReturnType<typeof clientFailureCheck>[] = [];
  const failed = (k: 0 | 1, ids: string[]) => (built[k] ??= clientFailureCheck(k === 0 ? before.doc : after.doc))(ids);
  // Structural: the states' evaluations are their round's (moves verified together); a SPOF
  // this move removes fails a client alone before it and not after it.
  // A single server made a pool is no longer that element (its instances are), as in an evaluation.
  const pooled = (id: string) => (componentMap(after.doc).get(id)?.replicas ?? 1) > 1 && (componentMap(before.doc).get(id)?.replicas ?? 1) === 1;
  const now = structural ? new Set([...was].filter((id) => !pooled(id) && (!failed(0, [id]) || failed(1, [id])))) : ids(after);
  const spofs = [...was].filter((id) => !now.has(id));
  if (spofs.length > 0 || move.type === 'second-region') return { spofs, pairs: [], lessens: [] };
  const t = before.doc;
  const byId = componentMap(t);
  const c = byId.get(move.component);
  if (!c) return { spofs, pairs: [], lessens: [] };
  const related = [c, ...[...alternativesOf(t, c.id)].map((id) => byId.get(id)!)];
  const elements = new Set(related.flatMap((x) => [...componentElements(x), ...instancePlacements(x).flatMap((p) => {
    const z = zoneOf(t, p);
    return z ? [z] : [];
  })]));
  const index = new Map(before.evaluation.elements.map((e) => [e.id, e]));
  const candidates = [...elements].filter((id) => {
    const e = index.get(id);
    return e !== undefined && e.availability < 1 && !was.has(id);
  });
  // Each check propagates through the whole design, and a pool of 1,000 has half a million
  // pairs (17 s of CPU and 33 MB of JSON for one step): the checks and the pairs listed are
  // bounded, and a list cut short says so.
  const pairs: [string, string][] = [];
  let checks = 0;
  let cut = false;
  const room = () => {
    if (checks < MAX_FIX_PAIR_CHECKS && pairs.length < MAX_FIX_PAIRS) return true;
    cut = true;
    return false;
  };
  const fixed = (pair: [string, string]) => {
    checks++;
    return failed(0, pair) && !failed(1, pair);
  };
  all: for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      if (!room()) break all;
      const pair: [string, string] = [candidates[i], candidates[j]];
      if (fixed(pair)) pairs.push(pair);
    }
  }
  // Nothing removed: the elements of the component that fail less often now (its switchover too, made hot).
  const lessens = pairs.length > 0 ? [] : [...componentElements(c), `failover:${c.id}`].filter((id) => {
    const a = after.evaluation.elements.find((e) => e.id === id);
    return a !== undefined && a.availability > (index.get(id)?.availability ?? 1);
  });
  if (pairs.length === 0 && lessens.length === 0) {
    // Rarely: the pair it removes joins the component with something that does not stand
    // in for it (its copy in a second region, behind other callers). Its own elements
    // against every other element that can fail.
    const own = componentElements(c).filter((id) => candidates.includes(id));
    const others = before.evaluation.elements.filter((e) => e.availability < 1 && e.type !== 'failover' && !was.has(e.id)).map((e) => e.id);
    each: for (const a of own) for (const b of others) {
      if (a === b) continue;
      if (!room()) break each;
      if (fixed([a, b])) pairs.push([a, b]);
    }
  }
  // Else only larger sets of failures: the component itself fails less often.
  if (pairs.length === 0 && lessens.length === 0) lessens.push(c.id);
  return { spofs, pairs, ...(cut && pairs.length > 0 ? { pairsCut: true } : {}), lessens };
}

const pct = (x: number) => `${(x * 100).toLocaleString('en-US', { maximumSignificantDigits: 2 })}%`;
/** An availability a plan cannot pass: its nines shown (99.71%), a tiny one in powers of ten (2e-138%). */
const mostText = (a: number) => (a < 1e-4 ? `${(a * 100).toPrecision(2)}%` : `${(a * 100).toLocaleString('en-US', { maximumSignificantDigits: Math.max(4, Math.ceil(-Math.log10(1 - a)) + 2) })}%`);
/** A blocker's share of the budget: "45% of the", or "99,000 times the" when it alone is far past it. */
const shareOf = (x: number) => (x >= 10 ? `${Math.round(x).toLocaleString('en-US')} times the` : `${pct(x)} of the`);

/**
 * What a client short of its target still needs: "u0 has 10,000 single points of failure (c0,
 * c1, c2 and 9,997 more, 99.5% each), and reaches its target only once at least 10,000 of them
 * are removed: more than ..." (a chain of them is far from its target however few moves helped).
 */
function removalText(end: State, r: NonNullable<Finished['toRemove']>): string {
  const e = end.evaluation;
  const c = e.clients[r.client];
  const els = r.spofs.map((i) => e.elements[i]);
  const names = els.slice(0, 3).map((x) => x.label).join(', ') + (els.length > 3 ? ` and ${numberText(els.length - 3)} more` : '');
  const as = els.map((x) => x.availability);
  const [lo, hi] = [Math.min(...as), Math.max(...as)];
  const each = lo === hi ? `, ${mostText(lo)} each` : `, ${mostText(lo)} to ${mostText(hi)}`;
  const some = r.needed === els.length ? (els.length === 2 ? 'both' : `all ${numberText(r.needed)}`) : `at least ${numberText(r.needed)}`;
  const limits = [
    ...(r.needed > r.moves ? [`the ${numberText(r.moves)} moves the plan has left`] : []),
    ...(r.needed > r.rounds * r.batch ? [`what its budget of work has room to verify (about ${numberText(r.rounds)} more recomputation${r.rounds === 1 ? '' : 's'} of the design, at most ${r.batch} moves each)`] : []),
  ];
  return `${c.label ?? c.id} has ${numberText(els.length)} single points of failure (${names}${each}): it can reach its target only once ${some} are removed${limits.length > 0 ? `, more than ${limits.join(' and ')}` : ''}.`;
}

/**
 * Out of reach: what the moves still do, and why the search for more ended. "Still, 18 moves
 * take the system from 96.8% to 99.68% (...)": the verdict says no plan meets the target, not
 * that nothing helps.
 */
function stillText(n: number, start: State, end: State, stopped: NonNullable<Finished['stopped']>, large: boolean): string {
  const why = stopped === 'work-budget'
    ? `the budget of work ran out (${large ? 'the design is large: each round of moves weighed is a recomputation of all of it' : 'each move weighed is a recomputation of the whole design'})`
    : stopped === 'move-limit' ? 'the plan tries no more moves' : `no further move closes at least ${MIN_SHARE_PER_MOVE * 100}% of the gap`;
  if (n === 0) {
    if (stopped === 'work-budget') return `No move was verified: ${why}; some may still raise the availability.`;
    return stopped === 'move-limit' ? 'No move was tried: the plan may make none.' : `No move closes at least ${MIN_SHARE_PER_MOVE * 100}% of the gap.`;
  }
  const from = mostText(start.evaluation.system.availability);
  const to = mostText(end.evaluation.system.availability);
  const moves = n === 1 ? 'this move takes' : `these ${numberText(n)} moves take`;
  return `Still, ${moves} the system from ${from} to ${to}, ${n === 1 ? 'verified' : 'each verified'} by recomputation; then ${why}${stopped === 'work-budget' ? ', and more moves may still raise it' : ''}.`;
}

/** The steps whose figures are within the sampling interval of those before them, said once. */
function noiseText(steps: readonly PlanStep[]): string {
  const noisy = steps.filter((s) => s.withinInterval);
  if (noisy.length === 0) return '';
  const rounds = [...new Set(noisy.map((s) => s.round))];
  const which = rounds.length === 1 ? `round ${rounds[0]}` : `rounds ${rounds.slice(0, -1).join(', ')} and ${rounds.at(-1)}`;
  return ` The figures after ${which} (${numberText(noisy.length)} move${noisy.length === 1 ? '' : 's'}) are Monte Carlo estimates within the 95% sampling interval of the figures before: the sampling cannot tell their gain from none (they lose nothing).`;
}

/** A plan that met its target, but whose look for a shorter or cheaper one the budget cut. */
const CUT_SHORT = 'The budget of work cut the look for a shorter or cheaper plan: each move listed is verified, but one of them may not be needed.';

/** Rounds of moves verified together (plan.ts's batchStep, or a report past the budget of work). */
const TOGETHER = 'The moves of a round were verified together, by one recomputation of the whole design: each shows the availability after its round.';

function outcomeMessage(outcome: PlanOutcome, n: number, blockers: Blocker[], budget: number, large: boolean, ceiling: string): string {
  const moves = `${n} move${n === 1 ? '' : 's'}`;
  const blocking = blockers.length === 0 ? '' : ` What blocks it: ${blockers.map((b) => `${b.label} (${b.reason}) takes ${shareOf(b.share)} ${pct(budget)} error budget`).join('; ')}.`;
  switch (outcome) {
    case 'already-met': return 'The target is already met: no change needed.';
    case 'met': return `The target is met after ${moves}.`;
    case 'no-move-helps': return `The target cannot be reached with the moves available: after ${moves}, no further move closes at least ${MIN_SHARE_PER_MOVE * 100}% of the gap.${blocking}`;
    case 'out-of-reach': return `The target cannot be reached by any plan: what no move changes already takes its whole error budget${ceiling}.${blocking}`;
    case 'move-limit': return `The target is not reached after ${moves}, the most the plan tries.${blocking}`;
    case 'work-budget': return `The target is not reached: the plan's budget of work ran out after ${moves} (${large ? 'the design is large: each round of moves weighed is a recomputation of all of it' : 'each move weighed is a recomputation of the whole design'}), so the search was cut, not finished. ${n > 0 ? 'Each move listed is verified by recomputation; more moves may still help.' : 'No move was verified; some may still help.'}${blocking}`;
  }
}
