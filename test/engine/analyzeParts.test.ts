// The parts of an analysis a caller reads, without the rest: figuresOnly (what simulate
// compares its years with) gives the same availability, intervals, outages and method as
// the whole analysis, by either method and under a what-if, with the SPOFs, pairs, importance
// and cost left out; noPairs (what the plan reads) the same figures, SPOFs and importance.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { evaluate, evaluationOfReport } from '../../src/engine/evaluate';
import { simulate } from '../../src/engine/simulate';
import { HOURS_PER_YEAR } from '../../src/engine/outages';
import type { AnalyzeOptions, Report } from '../../src/engine/types';
import { TEMPLATES } from '../../src/templates';

/** What a caller of the figures reads. */
const figures = (r: Report) => ({ method: r.method, system: r.system, clients: r.clients, outages: r.outages, interval: r.interval, whatIf: r.whatIf });

const cases: { name: string; opts: AnalyzeOptions }[] = [
  { name: 'exact', opts: {} },
  { name: 'Monte Carlo', opts: { exactBudget: 10, samples: 2000 } },
];

describe('analyze: figuresOnly', () => {
  for (const { name, opts } of cases) {
    it(`${name}: the figures of every template are those of the whole analysis`, () => {
      for (const template of TEMPLATES) {
        const t = template.topology;
        const whole = analyze(t, opts);
        const only = analyze(t, { ...opts, figuresOnly: true });
        expect(figures(only), template.name).toEqual(figures(whole));
        expect(only.spofs).toEqual([]);
        expect(only.pairs).toEqual([]);
        expect(only.importance).toEqual([]);
        expect(only.cost).toBeUndefined();
        // Each template has something to leave out: the test would see it left in.
        expect(whole.spofs.length + whole.pairs.length + whole.importance.length, template.name).toBeGreaterThan(0);
      }
    });
  }

  it('under a what-if too', () => {
    const t = TEMPLATES.find((x) => x.topology.components.length > 3)!.topology;
    const failed = [t.components.find((c) => c.kind !== 'client')!.id];
    expect(figures(analyze(t, { failed, figuresOnly: true }))).toEqual(figures(analyze(t, { failed })));
  });

  it('simulate compares with the whole analysis\'s figures', () => {
    for (const template of TEMPLATES.slice(0, 4)) {
      const t = template.topology;
      const whole = analyze(t);
      const r = simulate(t, { years: 20, seed: 3 });
      r.clients.forEach((c, k) => {
        expect(c.exact.meanHours).toBe(whole.clients[k].unavailability * HOURS_PER_YEAR);
        expect(c.exact.failuresPerYear).toBe(whole.outages.clients[k].failuresPerYear);
        expect(c.exact.method).toBe(whole.method);
      });
    }
  });
});

describe('analyze: noPairs', () => {
  for (const { name, opts } of cases) {
    it(`${name}: the figures, SPOFs and importance of every template are those of the whole analysis`, () => {
      for (const template of TEMPLATES) {
        const t = template.topology;
        const whole = analyze(t, opts);
        const some = analyze(t, { ...opts, noPairs: true });
        expect(figures(some), template.name).toEqual(figures(whole));
        expect(some.spofs, template.name).toEqual(whole.spofs);
        expect(some.importance, template.name).toEqual(whole.importance);
        expect(some.pairs).toEqual([]);
        expect(some.pairsTruncated).toBe(false);
        expect(some.warnings.filter((w) => /pairs/.test(w))).toEqual([]);
      }
      expect(TEMPLATES.some((x) => analyze(x.topology, opts).pairs.length > 0)).toBe(true);
    });
  }
});

describe('the plan\'s evaluation past the exact method\'s budget', () => {
  it('is read off the whole analysis\'s figures, SPOFs and importance', () => {
    let sampled = 0;
    for (const template of TEMPLATES) {
      const t = template.topology;
      const whole = analyze(t, { seed: 1, exactBudget: 10 });
      // A design too small for 10 nodes' worth (no client) is exact either way.
      if (whole.method !== 'monte-carlo') continue;
      sampled++;
      for (const sensitivity of [false, true]) {
        const e = evaluate(t, { sensitivity, exactBudget: 10 });
        expect(e.method).toBe('monte-carlo');
        expect(e, template.name).toEqual(evaluationOfReport(whole, { sensitivity }));
      }
    }
    expect(sampled).toBeGreaterThan(5);
  });
});

describe('the SPOFs of each client', () => {
  it('are the same whether read off the exact pass or off the whole analysis, and are those that fail the client', () => {
    for (const template of TEMPLATES) {
      const t = template.topology;
      const whole = analyze(t);
      const exact = evaluate(t, { sensitivity: true });
      const read = evaluationOfReport(whole, { sensitivity: true });
      expect(exact.clientSpofs, template.name).toEqual(read.clientSpofs);
      const fails = new Map(whole.spofs.map((s) => [s.id, new Set(s.clients)]));
      exact.clients.forEach((c, i) => {
        const ids = exact.clientSpofs![i].map((e) => exact.elements[e].id);
        expect(ids.sort(), `${template.name}: ${c.id}`).toEqual(whole.spofs.filter((s) => fails.get(s.id)!.has(c.id)).map((s) => s.id).sort());
      });
    }
  });
});
