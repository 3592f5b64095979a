// The plan's scoring of local moves in one compiled design (planScore.ts) against the
// oracle: each move applied on its own and evaluated from scratch. Random designs (zones
// to add or not, pools, standbys, several clients) and the cases: every move
// scored must have the figures its own evaluation gives.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate';
import { applyMove, candidateMoves, type Move } from '../../src/engine/insight';
import { scoreLocalMoves } from '../../src/engine/insight/planScore';
import { Evaluator, targetsOf } from '../../src/engine/insight/planState';
import type { Topology, TopologyInput } from '../../src/model';
import { templateById } from '../../src/templates';
import { fiftyServices } from '../../bench/plan/designs';
import { mustParse } from './helpers';

/** Scores every candidate of `t` and checks each scored one against its own evaluation; how many were scored. */
function expectScoresExact(t: Topology): number {
  const evaluator = new Evaluator(targetsOf(t, 0.99999)!);
  const state = evaluator.state(t, [], true);
  const moves = candidateMoves(t, { budget: 1e-5 });
  const scores = scoreLocalMoves(t, moves, state.evaluation.clients, (id) => state.evaluation.elements.find((e) => e.id === id)?.availability, evaluator);
  for (const [m, clients] of scores) {
    const exact = evaluate(applyMove(t, m)).clients;
    expect(clients.map((c) => c.id)).toEqual(exact.map((c) => c.id));
    clients.forEach((c, i) => {
      const what = `${JSON.stringify(m)} on ${c.id}`;
      expect(Math.abs(c.unavailability - exact[i].unavailability), what).toBeLessThanOrEqual(1e-9 * Math.max(exact[i].unavailability, 1e-15));
      expect(c.availability, what).toBeCloseTo(exact[i].availability, 12);
    });
  }
  return scores.size;
}

const KINDS = ['loadbalancer', 'web', 'app', 'service', 'database', 'cache', 'queue', 'storage'] as const;

/** A region of one to three zones, a DNS maybe, a chain of tiers (pools, standbys, warm pools), a second client maybe. */
const regionDesign = fc.record({
  zones: fc.integer({ min: 1, max: 3 }),
  dns: fc.boolean(),
  tiers: fc.array(fc.record({
    kind: fc.constantFrom(...KINDS),
    replicas: fc.constantFrom(1, 1, 2, 3),
    minHealthy: fc.constantFrom(1, 1, 2),
    warm: fc.boolean(),
    standby: fc.constantFrom('none', 'none', 'warm', 'hot'),
    place: fc.integer({ min: 0, max: 4 }),
    availability: fc.constantFrom(0.99, 0.995, 0.999),
  }), { minLength: 1, maxLength: 4 }),
  journey: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
}).map((r) => {
  const zones = ['a', 'b', 'c'].slice(0, r.zones).map((z) => `r1${z}`);
  const components: TopologyInput['components'] = [{ id: 'users', kind: 'client' }];
  const links: NonNullable<TopologyInput['links']> = [];
  let callers = ['users'];
  if (r.dns) {
    components.push({ id: 'dns', kind: 'dns' });
    links.push({ from: 'users', to: 'dns' });
    callers = ['dns'];
  }
  r.tiers.forEach((tier, i) => {
    const id = `t${i + 1}`;
    // A zone, the region itself, two zones round-robin, or nowhere.
    const place = tier.place < zones.length ? { domain: zones[tier.place] } : tier.place === 3 ? { domain: 'r1' } : tier.place === 4 && zones.length > 1 ? { domains: zones.slice(0, 2) } : {};
    const replicas = tier.replicas;
    components.push({
      id, kind: tier.kind, availability: tier.availability, ...place,
      ...(replicas > 1 ? { replicas, minHealthy: Math.min(tier.minHealthy, replicas), ...(tier.warm ? { standby: 'warm' as const } : {}) } : {}),
    });
    const next = [id];
    if (tier.standby !== 'none') {
      components.push({ id: `${id}-s`, kind: tier.kind, availability: tier.availability, role: 'standby', standby: tier.standby as 'warm' | 'hot', ...place });
      next.push(`${id}-s`);
    }
    for (const c of callers) for (const n of next) links.push({ from: c, to: n });
    callers = next;
  });
  if (r.journey !== undefined && r.journey < r.tiers.length) {
    components.push({ id: 'jobs', kind: 'client' });
    links.push({ from: 'jobs', to: `t${r.journey + 1}` });
  }
  return mustParse({
    format: 'spof-topology', version: 2, name: 'random region',
    domains: [{ id: 'r1', kind: 'region', label: 'us-east-1' }, ...zones.map((z) => ({ id: z, kind: 'zone' as const, label: `us-east-1${z.slice(-1)}`, parent: 'r1' }))],
    components, links,
  });
});

describe('scoring local moves in one compiled design', () => {
  it('gives each move the figures of its own exact evaluation, on random designs', () => {
    let scored = 0;
    fc.assert(fc.property(regionDesign, (t) => {
      scored += expectScoresExact(t);
    }), { numRuns: 80, seed: 1919 });
    // The runs did score moves (not everything left to recomputation).
    expect(scored).toBeGreaterThan(100);
  });

  it('scores the local moves of the issue\'s designs exactly, and leaves those that change the shape to recomputation', () => {
    const shop = mustParse(JSON.parse(readFileSync('examples/shop.spof.json', 'utf8')));
    for (const t of [shop, templateById('stage3')!.topology, templateById('stage5')!.topology, templateById('stage6')!.topology]) expectScoresExact(t);
    const fifty = mustParse(fiftyServices(50));
    // Every service's second instance, in one design.
    expect(expectScoresExact(fifty)).toBe(50);
    const evaluator = new Evaluator(targetsOf(shop, 0.9999)!);
    const state = evaluator.state(shop, [], true);
    const moves: Move[] = [{ type: 'second-provider', component: 'dns' }, { type: 'add-instance', component: 'alb' }, { type: 'second-region', region: 'euw1' }];
    const scores = scoreLocalMoves(shop, moves, state.evaluation.clients, (id) => state.evaluation.elements.find((e) => e.id === id)?.availability, evaluator);
    expect([...scores.keys()]).toEqual([moves[1]]);
  });
});
