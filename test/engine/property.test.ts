// The engine against a brute-force enumeration of every failure state (bruteForce.ts),
// on random small topologies: availability to 1e-12, the SPOF set and the pair set exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, componentsDown } from '../../src/engine';
import { checkAgainstOracle } from './oracleCheck';
import { parseTopology, type Topology, type TopologyInput } from '../../src/model';
import { clientlessTopology, smallTopology } from './arbitraries';
import { oracle } from './bruteForce';

const MAX_ELEMENTS = 14;

function valid(doc: TopologyInput): Topology | null {
  const r = parseTopology(doc);
  return r.ok ? r.topology : null;
}

describe('engine = brute force on random topologies', () => {
  /** Checks `runs` random designs against the oracle; counts what was checked, had entry points, and each warning. */
  const againstOracle = (designs: fc.Arbitrary<TopologyInput>, runs: number, seed: number) => {
    let checked = 0;
    let entries = 0;
    // Designs with modelling warnings are analysed with their stated meaning (DESIGN section 2).
    const warned = new Map<string, number>();
    fc.assert(
      fc.property(designs, (doc) => {
        const t = valid(doc);
        fc.pre(t !== null);
        const truth = oracle(t!);
        fc.pre(truth.elements.length <= MAX_ELEMENTS);
        checkAgainstOracle(t!, truth);
        checked++;
        if (truth.entryPoints.length > 0) entries++;
        const r = parseTopology(doc);
        for (const code of new Set(r.ok ? r.warnings.map((w) => w.code) : [])) warned.set(code, (warned.get(code) ?? 0) + 1);
      }),
      { numRuns: runs, seed },
    );
    return { checked, entries, warned };
  };

  it('availability, SPOFs, pairs, importance (exact method)', () => {
    const { checked, warned } = againstOracle(smallTopology, 150, 20261122);
    expect(checked).toBeGreaterThan(110);
    for (const code of ['standby-alone', 'min-healthy-range', 'requires-too-many', 'requires-unknown-group']) expect(warned.get(code) ?? 0, code).toBeGreaterThan(3);
  });

  it('designs without a client: the entry points as implicit clients, availability, SPOFs, pairs, importance, unreached', () => {
    const { checked, entries } = againstOracle(clientlessTopology, 150, 20261203);
    expect(checked).toBeGreaterThan(110);
    expect(entries).toBeGreaterThan(100);
  });

  it.each([
    ['with clients', smallTopology, 3, 7],
    ['without a client', clientlessTopology, 2, 8],
  ] as const)('what-if %s: blast radius, conditional availability, SPOFs and pairs equal the oracle', (_name, designs, maxFailed, seed) => {
    fc.assert(
      fc.property(designs, fc.array(fc.nat(), { maxLength: maxFailed }), (doc, picks) => {
        const t = valid(doc);
        fc.pre(t !== null);
        const all = oracle(t!);
        fc.pre(all.elements.length > 0 && all.elements.length <= MAX_ELEMENTS);
        const failed = new Set(picks.map((p) => all.elements[p % all.elements.length].id));
        const truth = oracle(t!, failed);
        expect([...componentsDown(t!, failed)]).toEqual(truth.downIn(failed));
        const report = analyze(t!, { failed: [...failed], pairCap: 100_000 });
        expect(report.whatIf!.down).toEqual(truth.downIn(failed));
        for (const c of report.clients) expect(Math.abs(c.availability - truth.availability.get(c.id)!)).toBeLessThan(1e-12);
        // The what-if headline: the weakest client still served (none when every client is down).
        const down = new Set(truth.downIn(failed));
        const served = report.clients.filter((c) => !down.has(c.id)).map((c) => truth.availability.get(c.id)!);
        const w = report.whatIf!.weakestServed;
        if (served.length === 0) expect(w).toBeNull();
        else expect(Math.abs(w!.availability - Math.min(...served))).toBeLessThan(1e-12);
        expect(Object.fromEntries(report.spofs.map((s) => [s.id, s.clients]))).toEqual(Object.fromEntries(truth.spofs));
        expect(Object.fromEntries(report.pairs.map((p) => [[...p.ids].sort().join('|'), p.clients]))).toEqual(Object.fromEntries(truth.pairs));
      }),
      { numRuns: 60, seed },
    );
  });

  it('SPOFs and pairs without a BDD (the Monte Carlo path) equal the oracle too', () => {
    fc.assert(
      fc.property(smallTopology, (doc) => {
        const t = valid(doc);
        fc.pre(t !== null);
        const truth = oracle(t!);
        fc.pre(truth.elements.length <= 10);
        const report = analyze(t!, { exactBudget: 2, samples: 2000, pairCap: 100_000 });
        expect(Object.fromEntries(report.spofs.map((s) => [s.id, s.clients]))).toEqual(Object.fromEntries(truth.spofs));
        expect(Object.fromEntries(report.pairs.map((p) => [[...p.ids].sort().join('|'), p.clients]))).toEqual(Object.fromEntries(truth.pairs));
      }),
      { numRuns: 60, seed: 99 },
    );
  });
});
