// Blast radii built from each other as bit sets (src/engine/closures.ts) against one
// propagation per failure, on random designs of every feature, on random DAGs with k-of-n
// groups and pools (where the union of closures is not enough and is checked), and on
// chains whose lists are cut past the budget.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, blastRadii } from '../../src/engine';
import { BLAST_RADIUS_BUDGET, BLAST_RADIUS_KEPT } from '../../src/engine/analyze';
import { Closures } from '../../src/engine/closures';
import { Propagator } from '../../src/engine/propagate';
import { seededRandom } from '../../src/engine/random';
import { buildStructure } from '../../src/engine/structure';
import { parseTopology, type Topology, type TopologyInput } from '../../src/model';
import { topologyWith } from './arbitraries';
import { randomWeb } from './webs';

function parsed(doc: TopologyInput): Topology {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.topology;
}

/** Every element's and component's closure equals one propagation, from a state with `forced` elements down. */
function expectSameAsPropagation(t: Topology, forced: number[] = []): void {
  const s = buildStructure(t);
  const prop = new Propagator(s);
  prop.fail(forced);
  const closures = new Closures(s, prop);
  const propagated = (fail: () => number[]) => {
    const mark = prop.mark();
    const fallen = [...fail()].sort((a, b) => a - b);
    prop.undo(mark);
    return fallen;
  };
  for (let e = 0; e < s.elements.length; e++) {
    const bits = closures.ofElement(e);
    const want = propagated(() => prop.fail([e]));
    expect({ element: s.elements[e].id, down: closures.list(bits) }).toEqual({ element: s.elements[e].id, down: want });
    expect(closures.count(bits)).toBe(want.length);
    expect(closures.clients(bits)).toEqual(want.filter((c) => s.components[c].isClient));
    expect(closures.list(bits, 2)).toEqual(want.slice(0, 2));
  }
  for (let c = 0; c < s.components.length; c++) {
    const want = prop.componentDown[c] ? [] : propagated(() => prop.fail([], [c]));
    expect({ component: c, down: closures.list(closures.ofComponent(c)) }).toEqual({ component: c, down: want });
  }
}

/** A random DAG: components needing 1 to 3 later ones, some in groups of alternatives (k of n), some pools, some in zones. */
function randomDag(seed: number, n: number): TopologyInput {
  const rnd = seededRandom(seed);
  const pick = (k: number) => Math.floor(rnd() * k);
  const components: TopologyInput['components'] = [{ id: 'u0', kind: 'client' }, { id: 'u1', kind: 'client' }];
  const links: NonNullable<TopologyInput['links']> = [{ from: 'u0', to: 'c0' }, { from: 'u1', to: `c${pick(n)}` }];
  for (let i = 0; i < n; i++) {
    const c: TopologyInput['components'][number] = { id: `c${i}`, kind: 'service', domain: `z${pick(3)}` };
    if (pick(5) === 0) Object.assign(c, { replicas: 3, minHealthy: 1 + pick(3) });
    const targets = new Set(Array.from({ length: 1 + pick(3) }, () => i + 1 + pick(Math.max(1, Math.min(6, n - i - 1)))).values());
    const alternatives = pick(3) === 0 && targets.size > 1;
    for (const to of targets) {
      if (to >= n) continue;
      links.push({ from: c.id, to: `c${to}`, ...(alternatives ? { group: 'g' } : {}), ...(pick(8) === 0 ? { optional: true } : {}), ...(pick(10) === 0 ? { availability: 0.99 } : {}) });
    }
    if (alternatives && pick(2) === 0) c.requires = { g: { min: Math.min(2, targets.size) } };
    components.push(c);
  }
  // A cycle now and then: the last component needs an early one.
  if (pick(2) === 0) links.push({ from: `c${n - 1}`, to: `c${pick(n - 1)}` });
  return { format: 'spof-topology', version: 2, domains: [0, 1, 2].map((z) => ({ id: `z${z}`, kind: 'zone' as const })), components, links };
}

describe('blast radii as bit sets', () => {
  it('equal one propagation per failure on random designs of every feature, with and without what-if failures', () => {
    fc.assert(
      fc.property(topologyWith({ min: 1, max: 3 }, { min: 1, max: 10 }), fc.nat(), (doc, which) => {
        const t = parsed(doc);
        expectSameAsPropagation(t);
        const elements = buildStructure(t).elements.length;
        expectSameAsPropagation(t, [which % elements]);
      }),
      { numRuns: 300 },
    );
  });

  it('equal one propagation per failure on random DAGs with alternatives, k of n, pools and zones', () => {
    for (let seed = 1; seed <= 40; seed++) expectSameAsPropagation(parsed(randomDag(seed, 10 + (seed % 5) * 10)));
  });

  it('equal one propagation per failure on random webs: groups of alternatives hit several times, cycles through them', () => {
    // A closure is checked against its largest part: what a random web's closures add to it
    // fails many a group of apps (all apps, some needing 2), and some of those only together.
    for (let seed = 1; seed <= 60; seed++) {
      const n = 10 + (seed % 6) * 12;
      for (const shape of [{ appShare: 3 }, { appShare: 0 }, { appShare: 3, minApps: 2 }, { appShare: 2, pools: true }]) {
        const t = parsed(randomWeb(seed, { n, links: 3 * n, ...shape }));
        expectSameAsPropagation(t);
        if (seed % 5 === 0) expectSameAsPropagation(t, [seed % n]);
      }
    }
  });

  it('a chain past the budget: each SPOF keeps its first names and the full count, and blastRadii gives the whole list', () => {
    // n(n + 1)/2 + n names (each list has the client too) just past the budget.
    const n = Math.ceil(Math.sqrt(2 * BLAST_RADIUS_BUDGET)) + 10;
    const t = parsed({
      format: 'spof-topology', version: 2,
      components: [{ id: 'u', kind: 'client' }, ...Array.from({ length: n }, (_, i) => ({ id: `c${i}`, kind: 'service' as const }))],
      links: [{ from: 'u', to: 'c0' }, ...Array.from({ length: n - 1 }, (_, i) => ({ from: `c${i}`, to: `c${i + 1}` }))],
    });
    const report = analyze(t);
    expect(report.spofs).toHaveLength(n);
    const whole = (k: number) => ['u', ...Array.from({ length: k + 1 }, (_, i) => `c${i}`)];
    let listed = 0; // names in the whole lists
    const radius = blastRadii(t);
    for (const [k, s] of report.spofs.entries()) {
      expect(s.id).toBe(`c${k}`);
      expect(s.clients).toEqual(['u']);
      if (s.downCount === undefined) expect(s.down).toEqual(whole(k));
      else {
        expect(s.downCount).toBe(k + 2);
        expect(s.down).toEqual(whole(k).slice(0, BLAST_RADIUS_KEPT));
      }
      if (s.downCount === undefined) listed += s.down.length;
      if (k % 500 === 0 || k === n - 1) expect(radius(s.id)).toEqual(whole(k));
    }
    expect(report.spofs.at(-1)!.downCount).toBe(n + 1);
    expect(listed).toBeLessThanOrEqual(BLAST_RADIUS_BUDGET);
  });
});
