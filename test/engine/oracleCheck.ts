// The engine's report against the brute-force oracle, every mismatch listed at once.
import { expect } from 'vitest';
import { analyze } from '../../src/engine';
import type { Topology } from '../../src/model';
import { oracle, type OracleResult } from './bruteForce';

/** Checks one topology against the oracle; fails with the list of every mismatch. */
export function checkAgainstOracle(t: Topology, truth: OracleResult = oracle(t), opts: { exactBudget?: number } = {}): void {
  const report = analyze(t, { pairCap: 100_000, ...opts });
  const problems: string[] = [];
  const near = (what: string, got: number, want: number | undefined) => {
    if (want === undefined || !(Math.abs(got - want) < 1e-12)) problems.push(`${what}: got ${got}, want ${want}`);
  };
  expect(report.elements.map((e) => e.id).sort()).toEqual(truth.elements.map((e) => e.id).sort());
  expect(report.clients.map((c) => c.id)).toEqual(truth.clients);
  expect(report.entryPoints).toEqual(truth.entryPoints);
  expect(report.unreached).toEqual(truth.unreached);
  expect(report.basis).toBe(truth.unconnected ? 'unconnected' : truth.entryPoints.length > 0 ? 'entry-points' : 'clients');
  if (truth.unconnected) {
    // Nothing connected: no figure at all, never a reassuring 100%.
    expect(report.system.availability).toBeNaN();
    expect(report.spofs).toEqual([]);
    expect(report.importance).toEqual([]);
    return;
  }
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
  // The blast radius: what goes down with it, not what never worked (minHealthy above replicas).
  const before = new Set(truth.downIn(new Set()));
  for (const s of report.spofs) expect(s.down).toEqual(truth.downIn(new Set([s.id])).filter((id) => !before.has(id)));
}

