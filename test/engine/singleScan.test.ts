// The Monte Carlo path's SPOFs, blast radii and pairs (src/engine/singleScan.ts,
// pairsByPropagation.ts) take one propagation per class of interchangeable elements (a pool's
// instances in the same domains; elements that take down the same instances). They must equal
// one propagation per element and per pair (the old path, kept here as the oracle), and the
// exact method's, on random designs with pools, k-of-n groups, nested domains, cycles,
// optional links and what-if failures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { Propagator } from '../../src/engine/propagate';
import { pairsByPropagation } from '../../src/engine/pairsByPropagation';
import { seededRandom } from '../../src/engine/random';
import { interchangeable, scanSingleFailures } from '../../src/engine/singleScan';
import { buildStructure, type Structure } from '../../src/engine/structure';
import { parseTopology, type Topology, type TopologyInput } from '../../src/model';
import { oracle } from './bruteForce';
import { randomWeb } from './webs';

function parsed(doc: TopologyInput): Topology {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.topology;
}

/**
 * A random design: pools of 2 to 6 spread over nested domains (some holding the same
 * instances), groups of alternatives with `requires`, optional links, a cycle now and then.
 */
function randomDesign(seed: number): TopologyInput {
  const rnd = seededRandom(seed);
  const pick = (k: number) => Math.floor(rnd() * k);
  const domains: NonNullable<TopologyInput['domains']> = [];
  const nDomains = pick(6);
  for (let d = 0; d < nDomains; d++) domains.push({ id: `d${d}`, kind: 'zone', availability: 0.9, ...(d > 0 && pick(2) === 0 ? { parent: `d${pick(d)}` } : {}) });
  const n = 3 + pick(6);
  const components: TopologyInput['components'] = [{ id: 'u0', kind: 'client' }, { id: 'u1', kind: 'client' }];
  for (let i = 0; i < n; i++) {
    const c: TopologyInput['components'][number] = { id: `c${i}`, kind: (['service', 'app', 'database'] as const)[pick(3)], availability: [0.9, 0.95, 0.99][pick(3)] };
    if (pick(2) === 0) {
      c.replicas = 2 + pick(5);
      c.minHealthy = 1 + pick(c.replicas);
    }
    if (nDomains > 0 && pick(3) > 0) {
      if (pick(2) === 0) c.domain = `d${pick(nDomains)}`;
      else c.domains = Array.from({ length: 1 + pick(3) }, () => `d${pick(nDomains)}`);
    }
    components.push(c);
  }
  const links: NonNullable<TopologyInput['links']> = [{ from: 'u0', to: 'c0' }, { from: 'u1', to: `c${pick(n)}` }];
  const seen = new Set(links.map((l) => `${l.from}>${l.to}`));
  for (let k = 0; k < n * 2; k++) {
    const from = `c${pick(n)}`;
    const to = `c${pick(n)}`;
    if (from === to || seen.has(`${from}>${to}`)) continue;
    seen.add(`${from}>${to}`);
    links.push({ from, to, ...(pick(8) === 0 ? { optional: true } : {}), ...(pick(6) === 0 ? { availability: 0.99 } : {}) });
  }
  const doc: TopologyInput = { format: 'spof-topology', version: 2, domains, components, links };
  // Now and then a group of alternatives that needs two of them.
  const r = parseTopology(doc);
  if (r.ok && pick(2) === 0) {
    const from = links.map((l) => l.from).find((f, i, all) => f.startsWith('c') && all.indexOf(f) !== i);
    const c = from && components.find((x) => x.id === from);
    const kind = c && components.find((x) => x.id === links.find((l) => l.from === from)!.to)!.kind;
    if (c && kind) c.requires = { [kind]: { min: 2 } };
  }
  return doc;
}

const candidateOf = (s: Structure, forced: ReadonlySet<number>) => (e: number) => !forced.has(e) && s.elements[e].type !== 'failover' && s.elements[e].availability < 1;

/** SPOFs, their falls and the pairs (a pair of non-SPOFs whose joint failure fails a client), one propagation each. */
function byEveryElement(s: Structure, prop: Propagator, candidate: (e: number) => boolean) {
  const fallOf = (es: number[]) => {
    const mark = prop.mark();
    const down = [...prop.fail(es)].sort((a, b) => a - b);
    prop.undo(mark);
    return down;
  };
  const clientsOf = (down: number[]) => down.filter((c) => s.components[c].isClient);
  const spofs = new Map<number, number[]>();
  const others: number[] = [];
  for (let e = 0; e < s.elements.length; e++) {
    if (!candidate(e)) continue;
    const down = fallOf([e]);
    if (clientsOf(down).length > 0) spofs.set(e, down);
    else others.push(e);
  }
  const pairs = new Map<string, number[]>();
  for (let i = 0; i < others.length; i++) {
    for (let j = i + 1; j < others.length; j++) {
      const clients = clientsOf(fallOf([others[i], others[j]]));
      if (clients.length > 0) pairs.set(`${others[i]},${others[j]}`, clients);
    }
  }
  return { spofs, pairs };
}

function expectSameAsEveryElement(t: Topology, forcedPicks: number[]) {
  const s = buildStructure(t);
  const prop = new Propagator(s);
  const forced = new Set(forcedPicks.map((p) => p % Math.max(1, s.elements.length)).filter((e) => e < s.elements.length));
  prop.fail(forced);
  const candidate = candidateOf(s, forced);
  const want = byEveryElement(s, prop, candidate);
  const scan = scanSingleFailures(s, prop, candidate, Infinity);
  expect(scan.spofs).toEqual([...want.spofs.keys()]);
  for (const e of scan.spofs) expect(Array.from(scan.fallen.get(scan.classOf[e])!)).toEqual(want.spofs.get(e));
  const found = pairsByPropagation(s, prop, scan, Infinity);
  expect(found.capped).toBe(false);
  const got = new Map([...found.pairs.values()].map(({ a, b, clients }) => [`${a},${b}`, [...clients].sort((x, y) => x - y)]));
  expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want.pairs));
}

describe('SPOFs and pairs by classes of interchangeable elements', () => {
  it('equal one propagation per element and per pair, on random designs, with what-if failures', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1 << 30 }), fc.array(fc.nat(), { maxLength: 2 }), (seed, forced) => {
        expectSameAsEveryElement(parsed(randomDesign(seed)), forced);
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });

  it('equal them too when the falls are propagated throughout (the closures, built only past a cost, are never needed)', () => {
    // 400 components nothing calls make every closure 13 words long: the design's small falls
    // never cost an eighth of building them all.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1 << 30 }), fc.array(fc.nat(), { maxLength: 2 }), (seed, forced) => {
        const doc = randomDesign(seed);
        for (let i = 0; i < 400; i++) doc.components.push({ id: `idle${i}`, kind: 'service', availability: 1 });
        expectSameAsEveryElement(parsed(doc), forced);
      }),
      { numRuns: 100, seed: 20261204 },
    );
  });

  it('equal them on random webs: groups of apps hit several times, cycles through them, some needing 2, with what-if failures', () => {
    // Large enough that the falls cost more than the closures, which then take over.
    for (let seed = 1; seed <= 24; seed++) {
      const n = 12 + (seed % 4) * 6;
      for (const shape of [{ appShare: 3 }, { appShare: 0 }, { appShare: 3, minApps: 2 }, { appShare: 2, pools: true }]) {
        expectSameAsEveryElement(parsed(randomWeb(seed, { n, links: 3 * n, ...shape })), seed % 3 === 0 ? [seed] : []);
      }
    }
  });

  it("the Monte Carlo path's SPOFs, blast radii and pairs on small random webs are the brute-force oracle's", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const shape = [{ appShare: 3 }, { appShare: 0 }, { appShare: 3, minApps: 2 }, { appShare: 1 }][seed % 4];
      const t = parsed(randomWeb(seed, { n: 7 + (seed % 4), links: 18, ...shape }));
      const truth = oracle(t);
      if (truth.unconnected) continue;
      const report = analyze(t, { exactBudget: 2, samples: 50, pairCap: 100_000 });
      expect(report.method).toBe('monte-carlo');
      expect(Object.fromEntries(report.spofs.map((x) => [x.id, x.clients]))).toEqual(Object.fromEntries(truth.spofs));
      expect(Object.fromEntries(report.pairs.map((p) => [[...p.ids].sort().join('|'), p.clients]))).toEqual(Object.fromEntries(truth.pairs));
      const before = new Set(truth.downIn(new Set()));
      for (const x of report.spofs) expect(x.down).toEqual(truth.downIn(new Set([x.id])).filter((id) => !before.has(id)));
    }
  });

  it("classes are found: a pool's instances in the same domains, and domains holding the same instances", () => {
    const t = parsed({
      format: 'spof-topology', version: 2,
      domains: [{ id: 'region', kind: 'region' }, { id: 'rack', kind: 'rack', parent: 'region' }, { id: 'z1', kind: 'zone' }, { id: 'z2', kind: 'zone' }],
      components: [
        { id: 'u', kind: 'client' },
        { id: 'p', kind: 'service', replicas: 4, minHealthy: 3, domains: ['rack', 'z1'] },
        { id: 'db', kind: 'database', domain: 'z2' },
      ],
      links: [{ from: 'u', to: 'p' }, { from: 'p', to: 'db' }],
    });
    const s = buildStructure(t);
    const { classOf } = interchangeable(s, () => true);
    const at = (id: string) => s.elementIndex.get(id)!;
    // p#1 and p#3 sit in the rack (under the region), p#2 and p#4 in z1.
    expect(classOf[at('p#3')]).toBe(at('p#1'));
    expect(classOf[at('p#4')]).toBe(at('p#2'));
    expect(classOf[at('p#2')]).not.toBe(classOf[at('p#1')]);
    // The region holds exactly what its rack holds; z2 holds only db.
    expect(classOf[at('rack')]).toBe(classOf[at('region')]);
    expect(classOf[at('z2')]).toBe(classOf[at('db')]);
  });

  it("the Monte Carlo path reports the exact method's SPOFs, blast radii and pairs on designs with large pools", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1 << 30 }), (seed) => {
        const t = parsed(randomDesign(seed));
        const exact = analyze(t, { pairCap: 100_000 });
        fc.pre(exact.method === 'exact');
        const sampled = analyze(t, { exactBudget: 2, samples: 100, pairCap: 100_000 });
        expect(sampled.method).toBe('monte-carlo');
        expect(sampled.spofs).toEqual(exact.spofs);
        const byIds = (r: typeof exact) => Object.fromEntries(r.pairs.map((p) => [[...p.ids].sort().join('|'), p.clients]));
        expect(byIds(sampled)).toEqual(byIds(exact));
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
