// Outages over time (DESIGN section 3): failures a year, mean outage and mean time between
// outages, against a brute-force enumeration (bruteForce.ts: every state, the rates of the
// up elements whose failure alone cuts the client off) and against closed forms.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, outageCount, outagesInWords } from '../../src/engine';
import { outageSummary } from '../../src/engine/outageWords';
import { parseTopology, type Topology, type TopologyInput } from '../../src/model';
import { smallTopology, topologyWith } from './arbitraries';
import { oracle } from './bruteForce';
import { topology } from './helpers';

const YEAR = 8766;

function valid(doc: TopologyInput): Topology | null {
  const r = parseTopology(doc);
  return r.ok ? r.topology : null;
}

/** |got − want| within 1e-9 of want (or 1e-12 absolute near zero). */
function relativelyNear(got: number, want: number): boolean {
  return Math.abs(got - want) <= 1e-9 * Math.abs(want) + 1e-12;
}

function checkOutages(t: Topology, failed: Set<string> = new Set()): void {
  const truth = oracle(t, failed);
  const perHour = truth.failuresPerHour();
  const report = analyze(t, failed.size > 0 ? { failed: [...failed] } : {});
  const problems: string[] = [];
  for (const c of report.outages.clients) {
    const want = perHour.get(c.id)! * YEAR;
    if (!relativelyNear(c.failuresPerYear, want)) problems.push(`${c.id}: failuresPerYear ${c.failuresPerYear}, want ${want}`);
    const a = truth.availability.get(c.id)!;
    if (want > 0) {
      const down = ((1 - a) * YEAR) / want;
      // The mean outage divides two small numbers: their relative errors add.
      if (Math.abs(c.meanDownHours - down) > 1e-8 * down + 1e-12) problems.push(`${c.id}: meanDownHours ${c.meanDownHours}, want ${down}`);
      if (!relativelyNear(c.meanUpHours, (a * YEAR) / want)) problems.push(`${c.id}: meanUpHours ${c.meanUpHours}, want ${(a * YEAR) / want}`);
    } else {
      expect(c.failuresPerYear).toBe(0);
    }
  }
  expect(problems).toEqual([]);
  const weakest = report.clients.reduce((w, c) => (c.unavailability > w.unavailability ? c : w), report.clients[0]);
  if (weakest) expect(report.outages.system).toEqual(Object.fromEntries(Object.entries(report.outages.clients.find((c) => c.id === weakest.id)!).filter(([k]) => k !== 'id')));
}

describe('outage frequency = brute force on random topologies', () => {
  it('failures a year per client to 1e-9 relative, up to 14 basic events; mean outage and time between outages follow', () => {
    let checked = 0;
    let largest = 0;
    fc.assert(
      fc.property(smallTopology, (doc) => {
        const t = valid(doc);
        fc.pre(t !== null);
        const size = analyze(t!).elements.length;
        fc.pre(size <= 14);
        checkOutages(t!);
        checked++;
        if (size >= 13) largest++;
      }),
      { numRuns: 150, seed: 160001 },
    );
    expect(checked).toBeGreaterThan(110);
    expect(largest).toBeGreaterThan(2);
  });

  it('the same at the top of the range: designs of 13 and 14 basic events', () => {
    // Designs of five or six components reach 13-14 basic events about one time in seven.
    const sizes = new Map<number, number>();
    fc.assert(
      fc.property(topologyWith({ min: 1, max: 2 }, { min: 5, max: 6 }), (doc) => {
        const t = valid(doc);
        fc.pre(t !== null);
        const size = analyze(t!).elements.length;
        fc.pre(size >= 13 && size <= 14);
        checkOutages(t!);
        sizes.set(size, (sizes.get(size) ?? 0) + 1);
      }),
      { numRuns: 30, seed: 160003 },
    );
    expect(sizes.get(13)).toBeGreaterThan(5);
    expect(sizes.get(14)).toBeGreaterThan(5);
  });

  it('what-if: an element forced down never fails again nor is repaired; the figures are conditional', () => {
    fc.assert(
      fc.property(smallTopology, fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), (doc, picks) => {
        const t = valid(doc);
        fc.pre(t !== null);
        const all = analyze(t!).elements;
        fc.pre(all.length > 0 && all.length <= 11);
        checkOutages(t!, new Set(picks.map((p) => all[p % all.length].id)));
      }),
      { numRuns: 50, seed: 160002 },
    );
  });
});

describe('outage frequency: closed forms', () => {
  it('one component: failures a year = 8766 (1 − a) / MTTR, mean outage = MTTR, mean time between = MTBF', () => {
    const t = topology({
      components: [{ id: 'u', kind: 'client' }, { id: 'db', kind: 'database', mtbfHours: 998, mttrHours: 2 }],
      links: [{ from: 'u', to: 'db' }],
    });
    const o = analyze(t).outages.system;
    expect(o.failuresPerYear).toBeCloseTo(YEAR / 1000, 12);
    expect(o.meanDownHours).toBeCloseTo(2, 12);
    expect(o.meanUpHours).toBeCloseTo(998, 9);
  });

  it('the preset MTTR turns an availability into a frequency: an app at 99.5% fails 8766 × 0.005 / 1 h a year', () => {
    const t = topology({
      components: [{ id: 'u', kind: 'client' }, { id: 'app', kind: 'app' }],
      links: [{ from: 'u', to: 'app' }],
    });
    expect(analyze(t).outages.system.failuresPerYear).toBeCloseTo(YEAR * 0.005, 9);
  });

  it('two in series: each fails while the other works', () => {
    const t = topology({
      components: [
        { id: 'u', kind: 'client' },
        { id: 'a', kind: 'app', availability: 0.99, mttrHours: 1 },
        { id: 'b', kind: 'database', availability: 0.98, mttrHours: 4 },
      ],
      links: [{ from: 'u', to: 'a' }, { from: 'a', to: 'b' }],
    });
    const want = YEAR * (0.98 * 0.01 / 1 + 0.99 * 0.02 / 4);
    expect(analyze(t).outages.system.failuresPerYear).toBeCloseTo(want, 9);
  });

  it('a 2-of-3 pool: each instance is critical when exactly one other is down', () => {
    const a = 0.9;
    const t = topology({
      components: [{ id: 'u', kind: 'client' }, { id: 'p', kind: 'app', replicas: 3, minHealthy: 2, availability: a, mttrHours: 3 }],
      links: [{ from: 'u', to: 'p' }],
    });
    const o = analyze(t).outages.system;
    const perHour = 3 * (2 * a * (1 - a)) * ((1 - a) / 3);
    expect(o.failuresPerYear).toBeCloseTo(YEAR * perHour, 9);
    const u = 3 * a * (1 - a) ** 2 + (1 - a) ** 3;
    expect(o.meanDownHours).toBeCloseTo(u / perHour, 9);
    // As a Markov chain (each instance fails at λ, is repaired at μ = 1/3 h): an outage starts
    // with two down and lasts until one is back; a third failure on the way (rate λ) adds
    // 1/(3μ). So T2 = (1 + λ/(3μ)) / (2μ).
    const mu = 1 / 3;
    const lambda = (1 - a) / (a * 3);
    expect(o.meanDownHours).toBeCloseTo((1 + lambda / (3 * mu)) / (2 * mu), 9);
  });

  it('a primary with a hot standby: the switchover is an outage of its own, T long, at the primary\'s failure rate', () => {
    const t = topology({
      components: [
        { id: 'u', kind: 'client' },
        { id: 'db', kind: 'database', mtbfHours: 998, mttrHours: 2 },
        { id: 'db2', kind: 'database', mtbfHours: 998, mttrHours: 2, role: 'standby', standby: 'hot', failoverSeconds: 36 },
      ],
      links: [{ from: 'u', to: 'db' }, { from: 'u', to: 'db2' }, { from: 'db', to: 'db2', type: 'replication', mode: 'sync' }],
    });
    const r = analyze(t);
    const qDb = 2 / 1000;
    const T = 36 / 3600;
    const qFo = T / 998;
    const perHour = (1 - qFo) * qDb * (qDb / 2) * 2 + (1 - qDb * qDb) * (qFo / T);
    expect(r.outages.system.failuresPerYear).toBeCloseTo(YEAR * perHour, 9);
    const u = 1 - (1 - qDb * qDb) * (1 - qFo);
    expect(r.outages.system.meanDownHours).toBeCloseTo(u / perHour, 12);
    // Most outages are switchovers (T long); a few are both databases down (1 h on average).
    expect(r.outages.system.meanDownHours).toBeGreaterThan(T);
    expect(r.elements.find((e) => e.id === 'failover:db2')!.mttrHours).toBeCloseTo(T, 12);
  });

  it('a perfect design never fails; a client cut off by a what-if failure is down for good', () => {
    const t = topology({
      components: [{ id: 'u', kind: 'client' }, { id: 'a', kind: 'app', availability: 1 }, { id: 'b', kind: 'app', availability: 0.99 }],
      links: [{ from: 'u', to: 'a' }, { from: 'a', to: 'b', optional: true }],
    });
    expect(analyze(t).outages.system).toEqual({ failuresPerYear: 0, meanDownHours: 0, meanUpHours: Infinity });
    const series = topology({
      components: [{ id: 'u', kind: 'client' }, { id: 'a', kind: 'app' }],
      links: [{ from: 'u', to: 'a' }],
    });
    expect(analyze(series, { failed: ['a'] }).outages.system).toEqual({ failuresPerYear: 0, meanDownHours: Infinity, meanUpHours: 0 });
  });

  it('the Monte Carlo fallback reports the frequency from its estimated importance', () => {
    const t = topology({
      components: [{ id: 'u', kind: 'client' }, { id: 'a', kind: 'app', availability: 0.99, mttrHours: 1 }],
      links: [{ from: 'u', to: 'a' }],
    });
    const r = analyze(t, { exactBudget: 2, samples: 50_000 });
    expect(r.method).toBe('monte-carlo');
    expect(r.outages.system.failuresPerYear).toBeCloseTo(YEAR * 0.01, 6);
  });
});

describe('outages in words', () => {
  it('says how often and how long, as a person would', () => {
    expect(outagesInWords({ failuresPerYear: 3.1, meanDownHours: 1.4, meanUpHours: 2820 })).toBe('about 3 outages a year, 1 h 24 min each on average');
    expect(outageCount(1)).toBe('about one outage a year');
    expect(outageCount(0.25)).toBe('about one outage every 4 years');
    expect(outageCount(0.004)).toBe('about one outage every 250 years');
    expect(outageCount(1234.4)).toBe('about 1,234 outages a year');
    expect(outagesInWords({ failuresPerYear: 0, meanDownHours: 0, meanUpHours: Infinity })).toBe('no outage expected');
    expect(outagesInWords({ failuresPerYear: 0, meanDownHours: Infinity, meanUpHours: 0 })).toBe('down for good (no repair ends it)');
    // MTBF = MTTR = 1.7e308 hours: once in 1e304 years, for as long; not 300 digits, not a dash.
    expect(outagesInWords({ failuresPerYear: 2.6e-305, meanDownHours: 1.7e308, meanUpHours: 1.7e308 })).toBe('fewer than one outage in a million years, over a million years each on average');
  });

  it('a design down almost all the time says so, not that its outages are rare: a long chain hardly ever comes back up to fail anew', () => {
    // 1,000 services in a chain at 99.5% each: up 0.67% of the time.
    const chain = topology({
      components: [{ id: 'u', kind: 'client' }, ...Array.from({ length: 1000 }, (_, i) => ({ id: `c${i}`, kind: 'service' as const }))],
      links: [{ from: 'u', to: 'c0' }, ...Array.from({ length: 999 }, (_, i) => ({ from: `c${i}`, to: `c${i + 1}` }))],
    });
    const r = analyze(chain);
    expect(r.system.availability).toBeLessThan(0.01);
    expect(outagesInWords(r.outages.system)).toBe('down almost all the time: a part fails again before the last one is repaired (up for 11 min at a time on average)');
    // The 10,000-long chain's figures: "fewer than one outage in a million years" before.
    expect(outagesInWords({ failuresPerYear: 9.6e-11, meanDownHours: 9.1e13, meanUpHours: 1.5e-8 })).toBe('down almost all the time: a part fails again before the last one is repaired (up for less than 0.1 s at a time on average)');
    expect(outageSummary({ failuresPerYear: 9.6e-11, meanDownHours: 9.1e13, meanUpHours: 1.5e-8 })).toBe('down almost all the time');
    // Down half the time is still a count of outages.
    expect(outageSummary({ failuresPerYear: 100, meanDownHours: 43.8, meanUpHours: 43.8 })).toBe('about 100 outages a year');
  });
});
