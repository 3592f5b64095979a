// The plan on large designs (issue 14): what a candidate move costs is read off its change
// alone (planDiff.ts), the same as a pass over both documents; the local moves of a long
// chain are scored in one compiled design; and a budget of work ends the plan with the
// moves it verified, saying that the budget cut it.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { evaluate } from '../../src/engine/evaluate';
import { applyMove, candidateMoves, plan } from '../../src/engine/insight';
import { applyMoveFully } from '../../src/engine/insight/moves';
import { costByScan, costOfMove, pricingOf } from '../../src/engine/insight/planCost';
import { scoreLocalMoves } from '../../src/engine/insight/planScore';
import { Evaluator, targetsOf } from '../../src/engine/insight/planState';
import { jsonPlan } from '../../src/cli/plan';
import { MAX_FIX_PAIRS } from '../../src/engine/insight/planSteps';
import { fixesText } from '../../src/report/planText';
import type { Topology, TopologyInput } from '../../src/model';
import { templateById } from '../../src/templates';
import { fiftyServices } from '../../bench/plan/designs';
import { mustParse } from './helpers';
import { smallDesign } from './smallDesign';

const KINDS = ['dns', 'loadbalancer', 'web', 'app', 'service', 'database', 'cache', 'storage'] as const;

/** users -> a chain of tiers in one region of one or two zones; some priced, some with standbys, a zone with a price. */
const pricedDesign: fc.Arbitrary<Topology> = fc.record({
  zones: fc.integer({ min: 1, max: 2 }),
  zonePrice: fc.option(fc.constantFrom(0, 10)),
  tiers: fc.array(fc.record({
    kind: fc.constantFrom(...KINDS),
    replicas: fc.constantFrom(1, 1, 2),
    place: fc.integer({ min: 0, max: 2 }),
    price: fc.option(fc.constantFrom(0, 35, 120.5)),
    standby: fc.constantFrom('none', 'none', 'warm'),
    availability: fc.constantFrom(0.99, 0.999, 0.9995),
  }), { minLength: 1, maxLength: 4 }),
}).map((r) => {
  const zones = ['a', 'b'].slice(0, r.zones).map((z) => `r1${z}`);
  const components: TopologyInput['components'] = [{ id: 'users', kind: 'client' }];
  const links: NonNullable<TopologyInput['links']> = [];
  let callers = ['users'];
  r.tiers.forEach((tier, i) => {
    const id = `t${i + 1}`;
    const place = tier.place < zones.length ? { domain: zones[tier.place] } : { domain: 'r1' };
    const price = tier.price === null ? {} : { costPerMonth: tier.price };
    components.push({ id, kind: tier.kind, availability: tier.availability, ...place, ...price, ...(tier.replicas > 1 ? { replicas: tier.replicas } : {}) });
    const next = [id];
    if (tier.standby !== 'none' && tier.replicas === 1) {
      components.push({ id: `${id}-s`, kind: tier.kind, availability: tier.availability, role: 'standby', standby: 'warm', ...place, ...price });
      next.push(`${id}-s`);
    }
    for (const c of callers) for (const n of next) links.push({ from: c, to: n });
    callers = next;
  });
  return mustParse({
    format: 'spof-topology', version: 2, name: 'random priced',
    domains: [
      { id: 'r1', kind: 'region', label: 'us-east-1' },
      ...zones.map((z) => ({ id: z, kind: 'zone' as const, label: `us-east-1${z.slice(-1)}`, parent: 'r1', ...(r.zonePrice === null ? {} : { costPerMonth: r.zonePrice }) })),
    ],
    components, links,
  });
});

/** Every candidate move's cost, read off its change, against the pass over both documents. */
function expectCostsAsScanned(t: Topology): number {
  const pricing = pricingOf(t);
  const moves = candidateMoves(t, { budget: 1e-4 });
  for (const m of moves) {
    const applied = applyMoveFully(t, m);
    const fast = costOfMove(t, applied, pricing);
    const scan = costByScan(t, applied, pricing);
    const what = JSON.stringify(m);
    expect(fast.instances, what).toBe(scan.instances);
    expect(fast.assumedPrice, what).toBe(scan.assumedPrice);
    if (scan.perMonth === null) expect(fast.perMonth, what).toBeNull();
    // The scan subtracts two sums of the whole design: equal to its rounding.
    else expect(Math.abs(fast.perMonth! - scan.perMonth), what).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(scan.perMonth)));
  }
  return moves.length;
}

/** A chain of `n` services under one client: every service a SPOF, every move local. */
function chain(n: number): Topology {
  const components: TopologyInput['components'] = [{ id: 'users', kind: 'client' }];
  const links: NonNullable<TopologyInput['links']> = [];
  for (let i = 0; i < n; i++) {
    components.push({ id: `c${i}`, kind: 'service', availability: 0.999 });
    links.push({ from: i === 0 ? 'users' : `c${i - 1}`, to: `c${i}` });
  }
  return mustParse({ format: 'spof-topology', version: 2, name: 'chain', components, links });
}

describe('the cost of a move, from its change', () => {
  it('is what a pass over both documents gives, on every candidate of random priced designs', () => {
    let moves = 0;
    fc.assert(fc.property(pricedDesign, (t) => {
      moves += expectCostsAsScanned(t);
    }), { numRuns: 150, seed: 1414 });
    expect(moves).toBeGreaterThan(300);
  });

  it('is what a pass gives on the shop and the templates, and after moves that add zones and standbys', () => {
    const shop = mustParse(JSON.parse(readFileSync('examples/shop.spof.json', 'utf8')));
    for (const t of [shop, templateById('stage3')!.topology, templateById('stage5')!.topology, templateById('stage6')!.topology]) {
      expectCostsAsScanned(t);
      // One move on, every candidate again (a document the plan reaches, not only one it reads).
      for (const m of candidateMoves(t, { budget: 1e-4 }).slice(0, 4)) expectCostsAsScanned(applyMove(t, m));
    }
  });
});

describe('the local moves of a long chain', () => {
  it('are scored in one compiled design, each with the figures of its own evaluation', () => {
    const t = chain(300);
    const evaluator = new Evaluator(targetsOf(t, 0.9999)!);
    const state = evaluator.state(t, [], true);
    const moves = candidateMoves(t);
    expect(moves).toHaveLength(300);
    const byId = new Map(state.evaluation.elements.map((e) => [e.id, e.availability]));
    const scores = scoreLocalMoves(t, moves, state.evaluation.clients, (id) => byId.get(id), evaluator);
    expect(scores.size).toBe(300);
    expect(evaluator.unions).toBe(1);
    for (const m of [moves[0], moves[150], moves[299]]) {
      const exact = evaluate(applyMove(t, m)).clients[0];
      expect(Math.abs(scores.get(m)![0].unavailability - exact.unavailability)).toBeLessThanOrEqual(1e-9 * exact.unavailability);
    }
  });
});

describe('the budget of work', () => {
  const fifty = mustParse(fiftyServices(50));

  it('does not cut a plan of fifty services: the same moves as without a budget', () => {
    const bounded = plan(fifty, { target: 0.999 });
    const free = plan(fifty, { target: 0.999, workBudget: Infinity });
    expect(bounded.work.cut).toBe(false);
    expect(bounded.outcome).toBe('met');
    expect(bounded.steps.map((s) => s.move)).toEqual(free.steps.map((s) => s.move));
    expect(bounded.work.done).toBeGreaterThan(0);
    expect(bounded.work.done).toBeLessThanOrEqual(bounded.work.budget);
  });

  it('cut short, ends with the moves it verified and says that the budget cut it', () => {
    const full = plan(fifty, { target: 0.999 });
    const p = plan(fifty, { target: 0.999, workBudget: 3_000 });
    expect(p.outcome).toBe('work-budget');
    expect(p.met).toBe(false);
    expect(p.work).toMatchObject({ budget: 3_000, cut: true });
    expect(p.steps.length).toBeGreaterThan(0);
    expect(p.steps.length).toBeLessThan(full.steps.length);
    // The moves taken are the full plan's first ones, each verified: the availability after
    // it is the exact evaluation of the design with the moves up to the end of its round
    // (its rounds of moves weighed together were evaluated at their ends only: the budget had
    // no room for each move's own figures).
    expect(p.steps.map((s) => s.move)).toEqual(full.steps.slice(0, p.steps.length).map((s) => s.move));
    let t = fifty;
    p.steps.forEach((s, i) => {
      t = applyMove(t, s.move);
      if (p.steps[i + 1]?.round !== s.round) for (const x of p.steps.filter((y) => y.round === s.round)) expect(x.availability).toBe(evaluate(t).system.availability);
    });
    expect(p.work.done).toBeLessThanOrEqual(3_000);
    expect(p.after.availability).toBe(p.steps.at(-1)!.availability);
    expect(p.message).toMatch(/budget of work ran out after \d+ moves .*search was cut, not finished\. Each move listed is verified/);
    const json = jsonPlan(p);
    expect(json.outcome).toBe('work-budget');
    expect(json.work).toEqual(p.work);
  });

  it('with no room for a round, lists no move and says none was verified', () => {
    const p = plan(fifty, { target: 0.999, workBudget: 0 });
    expect(p.outcome).toBe('work-budget');
    expect(p.steps).toHaveLength(0);
    expect(p.topology).toBe(fifty);
    expect(p.message).toMatch(/ran out after 0 moves .*No move was verified/);
    // What blocks it is not said to gain too little: its moves were not weighed.
    expect(p.blockers.length).toBeGreaterThan(0);
    for (const b of p.blockers) expect(b.reason).toBe('its moves were not all weighed: the budget of work ran out');
  });
});

describe('moves that help only together', () => {
  /** A client that needs each of `n` services at 99.9%: every service a SPOF, each a sliver of the gap. */
  const services = (n: number) => mustParse({
    format: 'spof-topology', version: 2, name: 'many services',
    components: [{ id: 'u', kind: 'client' }, ...Array.from({ length: n }, (_, i) => ({ id: `s${i}`, kind: 'service' as const, availability: 0.999 }))],
    links: Array.from({ length: n }, (_, i) => ({ from: 'u', to: `s${i}` })),
  });
  const t = services(200);

  it('two hundred SPOFs, none closing 0.5% of the gap alone: weighed together, they meet the target (before: no move helps)', () => {
    const p = plan(t, { target: 0.999 });
    expect(p.before.availability).toBeLessThan(0.82);
    expect(p).toMatchObject({ met: true, outcome: 'met' });
    expect(p.steps).toHaveLength(200);
    expect(new Set(p.steps.map((s) => (s.move as { component: string }).component)).size).toBe(200);
    // A design this small is evaluated after each move: each figure is that move's own.
    let doc = t;
    for (const s of p.steps.slice(0, 3)) {
      doc = applyMove(doc, s.move);
      expect(s.availability).toBe(evaluate(doc).system.availability);
    }
  });

  it('on a large design (an evaluation an eighth of the budget), rounds of moves are verified together, each showing its round\'s figures', () => {
    const one = evaluate(t).elements.length;
    const p = plan(t, { target: 0.999, workBudget: 7 * one });
    expect(p.outcome).toBe('work-budget');
    expect(p.steps.length).toBeGreaterThanOrEqual(16);
    const rounds = new Map<number, typeof p.steps>();
    for (const s of p.steps) rounds.set(s.round, [...(rounds.get(s.round) ?? []), s]);
    let doc = t;
    let was = p.before.availability;
    for (const steps of rounds.values()) {
      for (const s of steps) doc = applyMove(doc, s.move);
      // Every move of the round shows the figures after the whole round: those of the design with it.
      const exact = evaluate(doc).system.availability;
      for (const s of steps) expect(s.availability).toBe(exact);
      expect(exact).toBeGreaterThan(was);
      was = exact;
      // What a move fixes is its own: the SPOF it removes, not the round's.
      for (const s of steps) expect(s.fixes.spofs).toEqual([(s.move as { component: string }).component]);
    }
    expect(p.after.availability).toBe(was);
    expect(p.message).toMatch(/verified together/);
  });
});

describe('the work done against the budget', () => {
  /** A client that needs `n` services (`pools` of them pools of three that need two): SPOFs each a sliver of the gap, so rounds are batched. */
  const services = fc.record({
    n: fc.integer({ min: 2, max: 90 }),
    availability: fc.constantFrom(0.99, 0.999, 0.9995),
    pools: fc.integer({ min: 0, max: 3 }),
  }).map((r) => mustParse({
    format: 'spof-topology', version: 2, name: 'services',
    components: [{ id: 'u', kind: 'client' }, ...Array.from({ length: r.n }, (_, i) => ({
      id: `s${i}`, kind: 'service' as const, availability: r.availability, ...(i < r.pools ? { replicas: 3, minHealthy: 2 } : {}),
    }))],
    links: Array.from({ length: r.n }, (_, i) => ({ from: 'u', to: `s${i}` })),
  }));
  const budget = fc.option(fc.integer({ min: 0, max: 40_000 }), { nil: undefined });

  it('is never more than the budget unless the plan says the budget cut it, on random designs whose rounds are batched', () => {
    // Before, the figures of each move of a batched round were evaluated after the search,
    // uncounted by it: 200 services planned with a budget of 20,000 reported 66,885 done, not cut.
    fc.assert(fc.property(services, fc.constantFrom(0.99, 0.999, 0.9999), budget, (t, target, workBudget) => {
      const p = plan(t, { target, workBudget });
      if (!p.work.cut) expect(p.work.done, `${p.outcome}: ${JSON.stringify(p.work)}`).toBeLessThanOrEqual(p.work.budget);
      if (p.work.cut) expect(p.message).toMatch(/budget of work/);
    }), { numRuns: 60, seed: 1403 });
  });

  it('is never more than the budget unless cut, on random small designs in zones', () => {
    fc.assert(fc.property(smallDesign, fc.constantFrom(0.99, 0.999, 0.9999, 0.99999), fc.integer({ min: 0, max: 3_000 }), (t, target, workBudget) => {
      const p = plan(t, { target, workBudget });
      if (!p.work.cut) expect(p.work.done, `${p.outcome}: ${JSON.stringify(p.work)}`).toBeLessThanOrEqual(p.work.budget);
    }), { numRuns: 300, seed: 1404 });
  });

  it('the design\'s own evaluation is always made: the budget is never less than it', () => {
    const p = plan(mustParse(fiftyServices(10)), { target: 0.5, workBudget: 5 });
    expect(p.outcome).toBe('already-met');
    expect(p.work.done).toBeGreaterThan(5);
    expect(p.work.budget).toBe(p.work.done);
    expect(p.work.cut).toBe(false);
  });

  it('past the budget, the moves left show the figures after their round (here the plan\'s end), verified together: the report does no work past the budget', () => {
    const t = mustParse({
      format: 'spof-topology', version: 2, name: 'many services',
      components: [{ id: 'u', kind: 'client' }, ...Array.from({ length: 200 }, (_, i) => ({ id: `s${i}`, kind: 'service' as const, availability: 0.999 }))],
      links: Array.from({ length: 200 }, (_, i) => ({ from: 'u', to: `s${i}` })),
    });
    const p = plan(t, { target: 0.999, workBudget: 20_000 });
    expect(p).toMatchObject({ met: true, work: { budget: 20_000, cut: false } });
    expect(p.work.done).toBeLessThanOrEqual(20_000);
    expect(p.steps).toHaveLength(200);
    // The first moves have their own figures; the last round holds the rest, each showing the end.
    const last = p.steps.filter((s) => s.round === p.steps.at(-1)!.round);
    expect(last.length).toBeGreaterThan(1);
    expect(last.length).toBeLessThan(200);
    for (const s of last) expect(s.availability).toBe(p.after.availability);
    let doc = t;
    for (const s of p.steps.slice(0, 200 - last.length)) doc = applyMove(doc, s.move);
    expect(p.steps[199 - last.length].availability).toBe(evaluate(doc).system.availability);
    expect(p.message).toMatch(/verified together/);
  });
});

describe('what no move changes', () => {
  /** users -> app (two instances in two zones) -> db, placed in the rack k3 in k2 in k1: racks in the region, in no zone. */
  const racked = (inZone: boolean) => mustParse({
    format: 'spof-topology', version: 2, name: 'racks',
    domains: [
      { id: 'r', kind: 'region' }, { id: 'za', kind: 'zone', parent: 'r' }, { id: 'zb', kind: 'zone', parent: 'r' },
      { id: 'k1', kind: 'rack', parent: inZone ? 'za' : 'r', availability: 0.9999 },
      { id: 'k2', kind: 'rack', parent: 'k1', availability: 0.9999 }, { id: 'k3', kind: 'rack', parent: 'k2', availability: 0.9999 },
    ],
    components: [{ id: 'u', kind: 'client' }, { id: 'app', kind: 'app', replicas: 2, domains: ['za', 'zb'] }, { id: 'db', kind: 'database', domain: 'k3' }],
    links: [{ from: 'u', to: 'app' }, { from: 'app', to: 'db' }],
  });

  it('names nested racks in no zone as what keeps the target out of reach for any plan, and lists the moves that still help', () => {
    // The three racks take three times the 0.01% budget; no move takes db out of them (a standby
    // beside it goes into the same rack: it is in no zone). Before session 6 the plan named db,
    // not the racks; then it listed no move at all, though a standby for db takes the design
    // from 99.46% to 99.96% of the 99.97% the racks leave.
    const t = racked(false);
    const p = plan(t, { target: 0.9999 });
    expect(p).toMatchObject({ met: false, outcome: 'out-of-reach' });
    expect(p.steps[0].move).toEqual({ type: 'add-standby', component: 'db' });
    let doc = t;
    let was = p.before.availability;
    for (const s of p.steps) {
      doc = applyMove(doc, s.move);
      // Each move's figures are its own evaluation, and each raises the availability.
      expect(s.availability).toBe(evaluate(doc).system.availability);
      expect(s.availability).toBeGreaterThan(was);
      was = s.availability;
    }
    expect(p.after.availability).toBeGreaterThan(0.999);
    expect(p.after.availability).toBeLessThan(0.9999 ** 3);
    expect(jsonPlan(p).moves).toHaveLength(p.steps.length);
    expect(p.blockers).toHaveLength(1);
    expect(p.blockers[0]).toMatchObject({ id: 'k1', type: 'domain', label: '3 racks (k1, k2, k3)', members: ['k1', 'k2', 'k3'] });
    expect(p.blockers[0].reason).toMatch(/^a rack in no zone: no move spreads over racks/);
    expect(p.blockers[0].share).toBeCloseTo(3, 2);
    expect(p.message).toMatch(/^The target cannot be reached by any plan: .*\(no plan takes u past 99\.97%: more work would not reach it\)\. What blocks it: 3 racks \(k1, k2, k3\)/);
    expect(p.message).toMatch(/ Still, these 2 moves take the system from 99\.463% to 99\.9618%, each verified by recomputation; then no further move closes at least 0\.5% of the gap\.$/);
  });

  it('out of reach with the budget of work spent, says so and that more moves may still help', () => {
    const p = plan(racked(false), { target: 0.9999, workBudget: 1 });
    expect(p).toMatchObject({ met: false, outcome: 'out-of-reach', steps: [] });
    expect(p.work.cut).toBe(true);
    expect(p.message).toMatch(/ No move was verified: the budget of work ran out \(the design is large: each round of moves weighed is a recomputation of all of it\); some may still raise the availability\.$/);
  });

  it('plans on when the racks are in a zone: a standby in another zone leaves them', () => {
    const p = plan(racked(true), { target: 0.9999 });
    expect(p.outcome).not.toBe('out-of-reach');
    expect(p.steps.length).toBeGreaterThan(0);
  });
});

describe('a client far from its target by many SPOFs', () => {
  it('says how many of its SPOFs must go at least, and that the plan has no room for that many', () => {
    // Two clients on a chain of 40 services at 99%: no plan without all of them made redundant
    // reaches 99.99%, and a budget of a few recomputations cannot verify forty moves. Before,
    // the message said only that the budget ran out and that more moves might help.
    const t = mustParse({
      format: 'spof-topology', version: 2, name: 'chain',
      components: [{ id: 'users', kind: 'client' }, { id: 'jobs', kind: 'client' }, ...Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, kind: 'service' as const, availability: 0.99 }))],
      links: [{ from: 'users', to: 'c0' }, { from: 'jobs', to: 'c0' }, ...Array.from({ length: 39 }, (_, i) => ({ from: `c${i}`, to: `c${i + 1}` }))],
    });
    const p = plan(t, { target: 0.9999, workBudget: 1_000 });
    expect(p.met).toBe(false);
    const left = 40 - p.steps.length;
    expect(p.message).toMatch(new RegExp(`users has ${left} single points of failure \\(c\\d+, c\\d+, c\\d+ and ${left - 3} more, 99% each\\): it can reach its target only once all ${left} are removed, more than what its budget of work has room to verify \\(about \\d+ more recomputations? of the design, at most 16 moves each\\)\\.`));
  });

  it('says it for a long chain under several clients too, whose SPOFs are each client\'s (read off the evaluation, not propagated one by one)', () => {
    // 6,500 services in a chain under two clients: propagating each SPOF's failure up the chain
    // is 21 million changes of state, past what the search allowed (20 million), so the 20,000-long
    // chain under 200 clients got no such sentence. The evaluation says whose each SPOF is.
    const n = 6_500;
    const t = mustParse({
      format: 'spof-topology', version: 2, name: 'long chain',
      components: [{ id: 'users', kind: 'client' }, { id: 'jobs', kind: 'client' }, ...Array.from({ length: n }, (_, i) => ({ id: `c${i}`, kind: 'service' as const, availability: 0.999 }))],
      links: [{ from: 'users', to: 'c0' }, { from: 'jobs', to: 'c0' }, ...Array.from({ length: n - 1 }, (_, i) => ({ from: `c${i}`, to: `c${i + 1}` }))],
    });
    const p = plan(t, { target: 0.9999, workBudget: 1 });
    expect(p.steps).toEqual([]);
    expect(p.message).toMatch(/ users has 6,500 single points of failure \(c0, c1, c2 and 6,497 more, 99\.9% each\): it can reach its target only once all 6,500 are removed, more than what its budget of work has room to verify/);
  });

  it('counts only the SPOFs of the client furthest from its target', () => {
    // users needs a0..a2, jobs needs b0..b9: jobs is short by ten, users by three.
    const chain = (p: string, k: number) => Array.from({ length: k }, (_, i) => ({ id: `${p}${i}`, kind: 'service' as const, availability: 0.99 }));
    const links = (p: string, k: number) => Array.from({ length: k - 1 }, (_, i) => ({ from: `${p}${i}`, to: `${p}${i + 1}` }));
    const t = mustParse({
      format: 'spof-topology', version: 2, name: 'two journeys',
      components: [{ id: 'users', kind: 'client' }, { id: 'jobs', kind: 'client' }, ...chain('a', 3), ...chain('b', 10)],
      links: [{ from: 'users', to: 'a0' }, { from: 'jobs', to: 'b0' }, ...links('a', 3), ...links('b', 10)],
    });
    const p = plan(t, { target: 0.9999, workBudget: 1 });
    expect(p.message).toMatch(/ jobs has 10 single points of failure \(b0, b1, b2 and 7 more, 99% each\): it can reach its target only once all 10 are removed/);
  });

  it('says nothing of the kind when a few moves would do', () => {
    const t = mustParse(fiftyServices(10));
    const p = plan(t, { target: 0.999, workBudget: 300 });
    expect(p.message).not.toMatch(/single points of failure \(/);
  });
});

describe('gains within the Monte Carlo sampling interval', () => {
  it('are said to be within it, round by round, not shown as gains alone', () => {
    // 400 services at 99.999%, past the exact method: a round of 16 more instances gains about
    // 0.016 points, inside the 95% interval (about 0.03 points each side) the samples leave at
    // 99.6%. Before, each round's figure read as a gain.
    const t = mustParse({
      format: 'spof-topology', version: 2, name: 'many services',
      components: [{ id: 'u', kind: 'client' }, ...Array.from({ length: 400 }, (_, i) => ({ id: `s${i}`, kind: 'service' as const, availability: 0.99999 }))],
      links: Array.from({ length: 400 }, (_, i) => ({ from: 'u', to: `s${i}` })),
    });
    const sampled = (d: Topology) => analyze(d, { exactBudget: 1 });
    let prev = sampled(t);
    expect(prev.method).toBe('monte-carlo');
    const p = plan(t, { target: 0.9999, analysis: prev, workBudget: 30_000 });
    expect(p.steps.length).toBeGreaterThan(16);
    let doc = t;
    let marked = 0;
    p.steps.forEach((s, i) => {
      doc = applyMove(doc, s.move);
      if (p.steps[i + 1]?.round === s.round) return;
      // The round's figure, sampled again with the same seed, against the interval of the one before it.
      const now = sampled(doc);
      expect(s.availability).toBe(now.system.availability);
      const within = now.system.availability <= prev.interval!.high;
      for (const x of p.steps.filter((y) => y.round === s.round)) expect(x.withinInterval === true).toBe(within);
      if (within) marked++;
      prev = now;
    });
    expect(marked).toBeGreaterThan(0);
    expect(p.message).toMatch(/are Monte Carlo estimates within the 95% sampling interval of the figures before: the sampling cannot tell their gain from none/);
    expect(jsonPlan(p).moves).toContainEqual(expect.objectContaining({ withinInterval: true }));
  });
});

describe('the analysis a caller has made', () => {
  it('is the start of the plan when it is past the exact method (not analysed again); an exact one is recomputed', () => {
    const t = mustParse(fiftyServices(10));
    const r = analyze(t);
    // As a Monte Carlo analysis would give it: its own figures, a hair off the exact ones.
    const sampled = { ...r, method: 'monte-carlo' as const, system: { ...r.system, availability: r.system.availability - 1e-7, unavailability: r.system.unavailability + 1e-7 }, clients: r.clients.map((c) => ({ ...c, availability: c.availability - 1e-7, unavailability: c.unavailability + 1e-7 })) };
    expect(plan(t, { target: 0.999, analysis: sampled }).before.availability).toBe(sampled.system.availability);
    expect(plan(t, { target: 0.999, analysis: { ...sampled, method: 'exact' } }).before.availability).toBe(r.system.availability);
  });
});

describe('what a step fixes, on a large pool', () => {
  /** A pool of `n` instances of availability `a` that needs all but one, behind two load balancers. */
  const pool = (n: number, a = 0.9999) => mustParse({
    format: 'spof-topology', version: 2, name: 'one pool',
    components: [
      { id: 'u', kind: 'client' },
      { id: 'lb', kind: 'loadbalancer', replicas: 2, availability: 0.999999 },
      { id: 'p', kind: 'service', replicas: n, minHealthy: n - 1, availability: a },
    ],
    links: [{ from: 'u', to: 'lb' }, { from: 'lb', to: 'p' }],
  });

  it('lists some of the half a million pairs an instance more removes, and says the list is cut', () => {
    // 999 instances: the instance more makes 1,000, the most a pool may have.
    const p = plan(pool(999), { target: 0.9999 });
    const first = p.steps[0];
    expect(first.move).toMatchObject({ type: 'add-instance', component: 'p' });
    // Each pair of the 999 instances failed the client before the move, and none does after.
    expect(first.fixes.pairs).toHaveLength(MAX_FIX_PAIRS);
    expect(first.fixes.pairs[0]).toEqual(['p#1', 'p#2']);
    expect(first.fixes.pairsCut).toBe(true);
    expect(fixesText(pool(999), first)).toBe('removes the pairs p #1 + p #2, p #1 + p #3, p #1 + p #4 and more (not all were checked)');
  });

  it('never grows a pool past the 1,000 instances a document may have, and names the limit as what blocks the target', () => {
    // Before, the plan took ten moves to 1,010 instances and \`-o\` wrote a document that \`validate\` refused.
    const t = pool(1000, 0.995);
    const p = plan(t, { target: 0.99 });
    expect(p.steps).toEqual([]);
    // No plan within the document's limits reaches it: out of reach, not a move that helps too little.
    expect(p.outcome).toBe('out-of-reach');
    expect(p.message).toMatch(/^The target cannot be reached by any plan: .*\(no plan takes u past 4\.\d+%: more work would not reach it\)/);
    expect(p.topology.components.find((c) => c.id === 'p')?.replicas).toBe(1000);
    expect(p.blockers[0]).toMatchObject({ id: 'p', type: 'component', reason: 'a pool at the limit of 1,000 instances: no move adds one' });
    // Its share is the pool's own unavailability (it fails the client alone): 96% of the time, 96 budgets of 1%.
    expect(p.blockers[0].share).toBeCloseTo((1 - p.before.availability) / 0.01, 6);
    expect(p.message).toMatch(/What blocks it: p \(a pool at the limit of 1,000 instances: no move adds one\) takes 96 times the 1% error budget/);
  });

  it('adds no instance to a design that holds the 100,000 instances a document may', () => {
    const doc = mustParse({
      format: 'spof-topology', version: 2, name: 'full',
      components: [
        { id: 'u', kind: 'client' },
        ...Array.from({ length: 100 }, (_, i) => ({ id: `p${i}`, kind: 'service' as const, replicas: i === 0 ? 999 : 1000, minHealthy: 1, availability: 0.995 })),
        { id: 'db', kind: 'service' as const, availability: 0.99 },
      ],
      links: [...Array.from({ length: 100 }, (_, i) => ({ from: 'u', to: `p${i}` })), { from: 'u', to: 'db' }],
    });
    const p = plan(doc, { target: 0.999, workBudget: Infinity });
    // 99,999 instances in the pools and db alone: a second db would be one too many (before, the plan added it).
    const instances = p.topology.components.reduce((n, c) => n + (c.kind === 'client' ? 0 : c.replicas ?? 1), 0);
    expect(instances).toBeLessThanOrEqual(100_000);
  });

  it('lists every pair of a small pool, with their count', () => {
    const p = plan(pool(8, 0.99), { target: 0.9999 });
    const first = p.steps[0];
    expect(first.fixes.pairs).toHaveLength(28);
    expect(first.fixes.pairsCut).toBeUndefined();
    expect(fixesText(pool(8, 0.99), first)).toMatch(/ and 25 more$/);
  });
});
