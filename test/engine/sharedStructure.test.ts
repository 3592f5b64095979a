// analyze(), the findings (degradations) and the blast radii of one document share its
// structure (structureOf): each reads it and none may change it, so every answer is the one a
// structure of its own gives, in any order and by either method.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, blastRadii } from '../../src/engine';
import { insight } from '../../src/engine/insight';
import { structureOf } from '../../src/engine/structure';
import { parseTopology, type Topology } from '../../src/model';
import { smallTopology } from './arbitraries';

/** A copy of the document: structureOf has never seen it, so it builds a structure of its own. */
const fresh = (t: Topology): Topology => structuredClone(t);

describe('one structure shared by analyze, the findings and the blast radii', () => {
  for (const [name, opts] of [['exact', {}], ['Monte Carlo', { exactBudget: 10, samples: 500 }]] as const) {
    it(`${name}: leaves it as built and answers as a structure of its own does`, () => {
      fc.assert(
        fc.property(smallTopology, fc.boolean(), (input, whatIf) => {
          const r = parseTopology(input);
          if (!r.ok) return;
          const t = r.topology;
          const built = structuredClone(structureOf(t));
          const failed = whatIf ? [t.components[t.components.length - 1].id] : undefined;
          const report = analyze(t, { ...opts, failed });
          const advice = insight(t, report);
          const radii = report.elements.map((e) => blastRadii(t)(e.id));
          expect(structureOf(t)).toEqual(built);
          // Asked again after all that, the same answers as from a structure built anew.
          const again = analyze(t, { ...opts, failed });
          expect(again).toEqual(report);
          const other = fresh(t);
          const otherReport = analyze(other, { ...opts, failed });
          expect(otherReport).toEqual(report);
          expect(insight(other, otherReport)).toEqual(advice);
          expect(report.elements.map((e) => blastRadii(other)(e.id))).toEqual(radii);
        }),
        { numRuns: 150, seed: 21 },
      );
    });
  }
});
