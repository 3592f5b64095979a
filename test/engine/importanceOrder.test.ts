// importanceOf reads each client's importance array from end to end and sorts indices: the
// figures and the order must be those of the old reading, element by element across the
// clients, with ties (equal figures, shared arrays, zeros) kept in element order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClientFigures } from '../../src/engine/exactAnalysis';
import { importanceOf } from '../../src/engine/importance';
import type { Structure } from '../../src/engine/structure';

/** The old reading. */
function oracle(s: Structure, up: Float64Array, perClient: ClientFigures[], sysU: number) {
  const weakest = new Map<Float64Array, ClientFigures>();
  for (const f of perClient) {
    const kept = weakest.get(f.birnbaum);
    if (!kept || f.unavailability > kept.unavailability) weakest.set(f.birnbaum, f);
  }
  const clients = [...weakest.values()];
  const out = s.elements.map((e, i) => {
    let uUp = 0;
    let uDown = 0;
    for (const f of clients) {
      const b = f.birnbaum[i];
      uUp = Math.max(uUp, f.unavailability - (1 - up[i]) * b);
      uDown = Math.max(uDown, f.unavailability + up[i] * b);
    }
    return { id: e.id, type: e.type, birnbaum: Math.max(0, uDown - uUp), improvement: Math.max(0, sysU - uUp), index: i };
  });
  out.sort((a, b) => b.improvement - a.improvement || b.birnbaum - a.birnbaum || a.index - b.index);
  return out.map(({ id, type, birnbaum, improvement }) => ({ id, type, birnbaum, improvement }));
}

// Few distinct values, so that ties are common.
const figure = fc.constantFrom(0, 0, 0.1, 0.25, 0.5, 1, 0.01);

const inputs = fc.record({
  n: fc.integer({ min: 0, max: 40 }),
  arrays: fc.integer({ min: 1, max: 4 }),
  clients: fc.array(fc.record({ array: fc.nat(3), unavailability: figure }), { minLength: 1, maxLength: 6 }),
  values: fc.array(figure, { minLength: 200, maxLength: 200 }),
  ups: fc.array(fc.constantFrom(1, 0.99, 0.9, 0.5, 0), { minLength: 40, maxLength: 40 }),
  sysU: figure,
});

describe('importanceOf', () => {
  it('gives the old reading\'s figures in its order, on random figures with ties and shared arrays', () => {
    fc.assert(
      fc.property(inputs, ({ n, arrays, clients, values, ups, sysU }) => {
        const s = { elements: Array.from({ length: n }, (_, i) => ({ id: `e${i}`, type: i % 3 === 0 ? 'domain' : 'component' })) } as unknown as Structure;
        const up = Float64Array.from({ length: n }, (_, i) => ups[i]);
        let k = 0;
        const birnbaum = Array.from({ length: arrays }, () => Float64Array.from({ length: n }, () => values[k++ % values.length]));
        const perClient = clients.map((c) => ({ availability: 1 - c.unavailability, unavailability: c.unavailability, birnbaum: birnbaum[c.array % arrays] }));
        expect(importanceOf(s, up, perClient, sysU)).toEqual(oracle(s, up, perClient, sysU));
      }),
      { numRuns: 500, seed: 22 },
    );
  });
});
