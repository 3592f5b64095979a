// The plan against brute force and against the rules an architect holds it to, on random
// designs: whenever some sequence of up to three allowed moves reaches a target, the plan
// reaches it too; it never makes the availability worse; no dependency crosses regions
// that did not before; a second region appears only when a region blocks the target, and
// then no region is a SPOF and each region alone serves every client; every planned
// document is valid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { applyMove, candidateMoves, plan, type Plan } from '../../src/engine/insight';
import { domainAvailability, parseTopology, type Topology, type TopologyInput } from '../../src/model';
import { mustParse } from './helpers';
import { crossRegionCalls } from './regions';
import { smallDesign } from './smallDesign';


/** The best system availability any sequence of up to `depth` moves reaches (regions held to `budget`). */
export function bruteForceBest(t: Topology, depth: number, budget?: number): number {
  let best = analyze(t).system.availability;
  let frontier = [t];
  const seen = new Set([JSON.stringify(t)]);
  for (let d = 0; d < depth; d++) {
    const next: Topology[] = [];
    for (const s of frontier) {
      for (const m of candidateMoves(s, { budget })) {
        const after = applyMove(s, m);
        const key = JSON.stringify(after);
        if (seen.has(key)) continue;
        seen.add(key);
        expect(parseTopology(after).ok, `${JSON.stringify(m)} keeps the document valid`).toBe(true);
        best = Math.max(best, analyze(after).system.availability);
        next.push(after);
      }
    }
    frontier = next;
  }
  return best;
}

/** The availability at the end of each round (one move, or a zone's moves) rises. */
function expectRisingRounds(p: Plan): void {
  let prev = p.before.availability;
  p.steps.forEach((s, i) => {
    if (p.steps[i + 1]?.round === s.round) return;
    expect(s.availability).toBeGreaterThan(prev);
    prev = s.availability;
  });
}

/**
 * One region (one to three zones, at 99.995% or 99.99%), maybe under a provider, maybe a
 * DNS in front; a chain of one to four tiers of random kinds, single or pools, in zones or
 * in the region; maybe a second client on a later tier. A target from three to five nines.
 */
const regionDesign = fc.record({
  zones: fc.integer({ min: 1, max: 3 }),
  regionAvailability: fc.constantFrom(0.99995, 0.9999),
  provider: fc.boolean(),
  dns: fc.boolean(),
  tiers: fc.array(fc.record({
    kind: fc.constantFrom('loadbalancer', 'web', 'app', 'service', 'database', 'cache', 'storage', 'queue'),
    replicas: fc.constantFrom(1, 1, 2),
    zone: fc.integer({ min: 0, max: 3 }),
  }), { minLength: 1, maxLength: 4 }),
  journey: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  target: fc.constantFrom(0.999, 0.9995, 0.9999, 0.99995, 0.99999),
}).map((r) => {
  const zones = ['a', 'b', 'c'].slice(0, r.zones).map((z) => `use1${z}`);
  const domains: TopologyInput['domains'] = [
    ...(r.provider ? [{ id: 'aws', kind: 'provider' as const, label: 'AWS' }] : []),
    { id: 'use1', kind: 'region', label: 'us-east-1', availability: r.regionAvailability, ...(r.provider ? { parent: 'aws' } : {}) },
    ...zones.map((z) => ({ id: z, kind: 'zone' as const, label: `us-east-1${z.slice(-1)}`, parent: 'use1' })),
  ];
  const components: TopologyInput['components'] = [{ id: 'users', kind: 'client', label: 'Users' }];
  const links: NonNullable<TopologyInput['links']> = [];
  let caller = 'users';
  if (r.dns) {
    components.push({ id: 'dns', kind: 'dns', label: 'DNS' });
    links.push({ from: 'users', to: 'dns' });
    caller = 'dns';
  }
  r.tiers.forEach((tier, i) => {
    const id = `t${i + 1}`;
    const place = tier.zone < zones.length ? { domain: zones[tier.zone] } : { domain: 'use1' };
    components.push({ id, kind: tier.kind, label: `Tier ${i + 1}`, ...(tier.replicas > 1 ? { replicas: tier.replicas } : {}), ...place });
    links.push({ from: caller, to: id });
    caller = id;
  });
  if (r.journey !== undefined && r.journey < r.tiers.length) {
    components.push({ id: 'jobs', kind: 'client', label: 'Jobs' });
    links.push({ from: 'jobs', to: `t${r.journey + 1}` });
  }
  return { t: mustParse({ format: 'spof-topology', version: 2, name: 'random region', domains, components, links }), target: r.target };
});

describe('plan property', () => {
  it('reaches every target some sequence of up to three moves reaches, and never lowers availability', () => {
    fc.assert(
      fc.property(smallDesign, fc.oneof(fc.constant(1), fc.double({ min: 0.5, max: 1, noNaN: true })), (t, where) => {
        const now = analyze(t).system.availability;
        // Within the region (no second region: none blocks a target the region itself allows).
        const best = bruteForceBest(t, 3);
        const target = Math.min(best, now + (best - now) * where);
        if (!(target > now && target < 1)) return;
        // The moves allowed depend on the target (a managed service must leave half the
        // budget to the rest): the oracle holds the plan to what they reach.
        if (bruteForceBest(t, 3, 1 - target) < target) return;
        const p = plan(t, { target });
        expect(p.met, `target ${target} (best of three moves ${best}): ${p.message}`).toBe(true);
        expect(p.after.availability).toBeGreaterThanOrEqual(target - 1e-12);
        expectRisingRounds(p);
      }),
      { numRuns: 15, seed: 20261122 },
    );
  });

  it('with second regions allowed where a region blocks: still reaches what three moves reach', () => {
    fc.assert(
      fc.property(smallDesign, fc.constantFrom(0.99996, 0.99999, 0.999995), (t, target) => {
        const best = bruteForceBest(t, 3, 1 - target);
        const p = plan(t, { target });
        if (best >= target) expect(p.met, `best of three moves ${best}: ${p.message}`).toBe(true);
        expect(p.after.availability).toBeGreaterThanOrEqual(p.before.availability);
      }),
      { numRuns: 10, seed: 7 },
    );
  });

  it('never lowers the availability, even chasing a target it cannot reach', () => {
    fc.assert(
      fc.property(smallDesign, (t) => {
        const p = plan(t, { target: 0.999999999, maxMoves: 6 });
        expect(p.after.availability).toBeGreaterThanOrEqual(p.before.availability);
        expectRisingRounds(p);
        if (!p.met) expect(['no-move-helps', 'move-limit', 'out-of-reach']).toContain(p.outcome);
      }),
      { numRuns: 25, seed: 20261122 },
    );
  });

  it('keeps to the architecture: no new cross-region call, a second region only where a region blocks, then every region stands alone', () => {
    const seen = { secondRegion: 0, withinRegion: 0 };
    fc.assert(
      fc.property(regionDesign, ({ t, target }) => {
        const p = plan(t, { target });
        const parsed = parseTopology(JSON.parse(JSON.stringify(p.topology)));
        expect(parsed.ok, 'the planned document is valid').toBe(true);
        expect(p.after.availability).toBeGreaterThanOrEqual(p.before.availability);
        expect(crossRegionCalls(p.topology)).toEqual(crossRegionCalls(t));
        let doc = t;
        for (const s of p.steps) {
          if (s.move.type === 'second-region') {
            const region = doc.domains.find((d) => d.id === (s.move as { region: string }).region)!;
            expect(1 - domainAvailability(region), 'the region takes the whole budget').toBeGreaterThanOrEqual((1 - target) * (1 - 1e-9));
            expect(analyze(doc).spofs.map((x) => x.id), 'the region fails a client alone').toContain(region.id);
          }
          doc = applyMove(doc, s.move);
        }
        if (!p.steps.some((s) => s.move.type === 'second-region')) {
          expect(p.topology.domains.filter((d) => d.kind === 'region')).toHaveLength(1);
          if (p.steps.length > 0) seen.withinRegion++;
          return;
        }
        seen.secondRegion++;
        const regions = p.topology.domains.filter((d) => d.kind === 'region').map((d) => d.id);
        const after = analyze(p.topology);
        expect(after.spofs.filter((x) => regions.includes(x.id))).toEqual([]);
        for (const r of regions) {
          const others = regions.filter((x) => x !== r);
          expect(analyze(p.topology, { failed: others }).whatIf!.clientsDown, `${r} alone`).toEqual([]);
        }
      }),
      { numRuns: 40, seed: 19 },
    );
    // The runs did exercise both kinds of plan.
    expect(seen.secondRegion).toBeGreaterThanOrEqual(5);
    expect(seen.withinRegion).toBeGreaterThanOrEqual(5);
  });
});
