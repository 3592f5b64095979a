// analyze(t, { figuresOnly: true }), what simulate compares its years with: the same
// availability, intervals, outages and method as the whole analysis, by either method and
// under a what-if, with the SPOFs, pairs, importance and cost left out (not worked out).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
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
