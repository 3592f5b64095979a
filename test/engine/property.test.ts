// The engine against a brute-force enumeration of every failure state (bruteForce.ts),
// on random small topologies: availability to 1e-12, the SPOF set and the pair set exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, componentsDown } from '../../src/engine';
import { parseTopology, type Topology, type TopologyInput } from '../../src/model';
import { smallTopology } from './arbitraries';
import { oracle, type OracleResult } from './bruteForce';

const MAX_ELEMENTS = 14;

function valid(doc: TopologyInput): Topology | null {
  const r = parseTopology(doc);
  return r.ok ? r.topology : null;
}

/** Checks one topology against the oracle; fails with the list of every mismatch. */
export function checkAgainstOracle(t: Topology, truth: OracleResult = oracle(t), opts: { exactBudget?: number } = {}): void {
  const report = analyze(t, { pairCap: 100_000, ...opts });
  const problems: string[] = [];
  const near = (what: string, got: number, want: number | undefined) => {
    if (want === undefined || !(Math.abs(got - want) < 1e-12)) problems.push(`${what}: got ${got}, want ${want}`);
  };
  expect(report.elements.map((e) => e.id).sort()).toEqual(truth.elements.map((e) => e.id).sort());
  for (const c of report.clients) {
    near(`availability of ${c.id}`, c.availability, truth.availability.get(c.id));
    near(`a + u of ${c.id}`, c.availability + c.unavailability, 1);
  }
  for (const imp of report.importance) {
    near(`improvement of ${imp.id}`, imp.improvement, truth.improvement.get(imp.id));
    if (truth.birnbaum.has(imp.id)) near(`birnbaum of ${imp.id}`, imp.birnbaum, truth.birnbaum.get(imp.id));
  }
  expect(problems).toEqual([]);
  expect(Object.fromEntries(report.spofs.map((s) => [s.id, s.clients]))).toEqual(Object.fromEntries(truth.spofs));
  expect(Object.fromEntries(report.pairs.map((p) => [[...p.ids].sort().join('|'), p.clients]))).toEqual(Object.fromEntries(truth.pairs));
  for (const s of report.spofs) expect(s.down).toEqual(truth.downIn(new Set([s.id])));
}

describe('engine = brute force on random topologies', () => {
  it('availability, SPOFs, pairs, importance (exact method)', () => {
    let checked = 0;
    fc.assert(
      fc.property(smallTopology, (doc) => {
        const t = valid(doc);
        fc.pre(t !== null);
        const truth = oracle(t!);
        fc.pre(truth.elements.length <= MAX_ELEMENTS);
        checkAgainstOracle(t!, truth);
        checked++;
      }),
      { numRuns: 200, seed: 20261122 },
    );
    expect(checked).toBeGreaterThan(150);
  });

  it('what-if: componentsDown equals the oracle for random failure sets', () => {
    fc.assert(
      fc.property(smallTopology, fc.array(fc.nat(), { maxLength: 3 }), (doc, picks) => {
        const t = valid(doc);
        fc.pre(t !== null);
        const truth = oracle(t!);
        fc.pre(truth.elements.length > 0 && truth.elements.length <= MAX_ELEMENTS);
        const failed = new Set(picks.map((p) => truth.elements[p % truth.elements.length].id));
        expect([...componentsDown(t!, failed)]).toEqual(truth.downIn(failed));
        const report = analyze(t!, { failed: [...failed] });
        expect(report.whatIf!.down).toEqual(truth.downIn(failed));
      }),
      { numRuns: 100, seed: 7 },
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
      { numRuns: 80, seed: 99 },
    );
  });
});
