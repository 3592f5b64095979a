// The plan against brute force: on small random designs, whenever some sequence of up to
// three allowed moves reaches a target, the plan reaches it too; and it never makes the
// availability worse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { applyMove, candidateMoves, plan, type Plan } from '../../src/engine/insight';
import { parseTopology, type Topology, type TopologyInput } from '../../src/model';
import { mustParse } from './helpers';

const KINDS = ['loadbalancer', 'web', 'app', 'service', 'database', 'cache'] as const;
const PLACEMENTS = [{}, { domain: 'z1' }, { domains: ['z1', 'z2'] }, { domain: 'r1' }] as const;

/** users -> c1 -> c2 (-> c3): a chain of one to three layers in one region of two zones. */
export const smallDesign: fc.Arbitrary<Topology> = fc
  .array(fc.record({
    kind: fc.constantFrom(...KINDS),
    replicas: fc.constantFrom(1, 1, 2),
    availability: fc.constantFrom(0.99, 0.995, 0.999),
    placement: fc.constantFrom(...PLACEMENTS),
  }), { minLength: 1, maxLength: 3 })
  .chain((layers) => fc.boolean().map((secondRegion) => ({ layers, secondRegion })))
  .map(({ layers, secondRegion }) => {
    const components: TopologyInput['components'] = [{ id: 'users', kind: 'client' }];
    const links: NonNullable<TopologyInput['links']> = [];
    layers.forEach((l, i) => {
      components.push({ id: `c${i + 1}`, kind: l.kind, availability: l.availability, ...(l.replicas > 1 ? { replicas: l.replicas } : {}), ...l.placement });
      links.push({ from: i === 0 ? 'users' : `c${i}`, to: `c${i + 1}` });
    });
    return mustParse({
      format: 'spof-topology', version: 1, name: 'random',
      domains: [
        { id: 'r1', kind: 'region' }, { id: 'z1', kind: 'zone', parent: 'r1' }, { id: 'z2', kind: 'zone', parent: 'r1' },
        // With a second region, "replicate into a second region" uses it; without, it adds one.
        ...(secondRegion ? [{ id: 'r2', kind: 'region' as const }, { id: 'y1', kind: 'zone' as const, parent: 'r2' }] : []),
      ],
      components, links,
    });
  });

/** The best system availability any sequence of up to `depth` moves reaches. */
export function bruteForceBest(t: Topology, depth: number): number {
  let best = analyze(t).system.availability;
  let frontier = [t];
  const seen = new Set([JSON.stringify(t)]);
  for (let d = 0; d < depth; d++) {
    const next: Topology[] = [];
    for (const s of frontier) {
      for (const m of candidateMoves(s)) {
        const after = applyMove(s, m);
        const key = JSON.stringify(after);
        if (seen.has(key)) continue;
        seen.add(key);
        expect(parseTopology(after).ok, `${m.type} ${m.component} keeps the document valid`).toBe(true);
        best = Math.max(best, analyze(after).system.availability);
        next.push(after);
      }
    }
    frontier = next;
  }
  return best;
}

/** The availability at the end of each round (one move, or a domain step) rises. */
function expectRisingRounds(p: Plan): void {
  let prev = p.before.availability;
  p.steps.forEach((s, i) => {
    if (p.steps[i + 1]?.round === s.round) return;
    expect(s.availability).toBeGreaterThan(prev);
    prev = s.availability;
  });
}

describe('plan property', () => {
  it('reaches every target some sequence of up to three moves reaches, and never lowers availability', () => {
    fc.assert(
      fc.property(smallDesign, fc.oneof(fc.constant(1), fc.double({ min: 0.5, max: 1, noNaN: true })), (t, where) => {
        const now = analyze(t).system.availability;
        const best = bruteForceBest(t, 3);
        // A target between today and the best three moves can do (the best itself when where = 1).
        const target = Math.min(best, now + (best - now) * where);
        if (!(target > now && target < 1)) return;
        const p = plan(t, { target });
        expect(p.met, `target ${target} (best of three moves ${best}): ${p.message}`).toBe(true);
        expect(p.after.availability).toBeGreaterThanOrEqual(target - 1e-12);
        expectRisingRounds(p);
      }),
      { numRuns: 15, seed: 20261122 },
    );
  });

  it('never lowers the availability, even chasing a target it cannot reach', () => {
    fc.assert(
      fc.property(smallDesign, (t) => {
        const p = plan(t, { target: 0.999999999, maxMoves: 6 });
        expect(p.after.availability).toBeGreaterThanOrEqual(p.before.availability);
        expectRisingRounds(p);
        if (!p.met) expect(['no-move-helps', 'move-limit']).toContain(p.outcome);
      }),
      { numRuns: 25, seed: 20261122 },
    );
  });
});
