import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { componentsDown } from '../../src/engine';
import { degradations } from '../../src/engine/insight';
import { componentElements } from '../../src/engine/insight/structure';
import { linkElementId, linkType, parseTopology } from '../../src/model';
import { smallTopology } from '../engine/arbitraries';
import { doc, users } from './helpers';

describe('degradations', () => {
  it('an optional dependency degrades its caller, and the clients behind it stay served', () => {
    const t = doc({
      components: [users, { id: 'app', kind: 'app', label: 'Shop' }, { id: 'reco', kind: 'service', label: 'Recommendations' }, { id: 'ml', kind: 'service' }],
      links: [{ from: 'users', to: 'app' }, { from: 'app', to: 'reco', optional: true }, { from: 'reco', to: 'ml' }],
    });
    const [d] = degradations(t);
    expect(d).toMatchObject({ link: 'app->reco', from: 'app', to: 'reco', degrades: ['app'], clients: ['users'], down: ['reco'], inFactRequired: false });
    expect(d.message).toBe('If "Recommendations" (reco) fails, "Shop" (app) keeps working without it (degraded).');
  });

  it('lists what goes down with the target', () => {
    const t = doc({
      components: [users, { id: 'app', kind: 'app' }, { id: 'reco', kind: 'service' }, { id: 'ml', kind: 'service' }],
      links: [{ from: 'users', to: 'app' }, { from: 'app', to: 'reco', optional: true }, { from: 'ml', to: 'reco' }, { from: 'app', to: 'ml', optional: true }],
    });
    const d = degradations(t).find((x) => x.to === 'reco')!;
    expect(d.down.sort()).toEqual(['ml', 'reco']);
    expect(d.degrades).toEqual(['app']);
  });

  it('says when the failure is not a mere degradation', () => {
    const t = doc({
      components: [users, { id: 'app', kind: 'app' }, { id: 'cart', kind: 'service' }, { id: 'reco', kind: 'service' }],
      links: [{ from: 'users', to: 'app' }, { from: 'app', to: 'reco', optional: true }, { from: 'app', to: 'cart' }, { from: 'cart', to: 'reco' }],
    });
    const [d] = degradations(t);
    expect(d.inFactRequired).toBe(true);
    expect(d.clients).toEqual([]);
    expect(d.message).toMatch(/not a mere degradation/);
  });

  it('has nothing to say without optional links', () => {
    expect(degradations(doc({ components: [users, { id: 'app', kind: 'app' }], links: [{ from: 'users', to: 'app' }] }))).toEqual([]);
  });
});

describe('degradations on random designs', () => {
  it('degrade the sources of optional links into what fell, in link order, as every optional link checked again did', () => {
    fc.assert(
      fc.property(smallTopology, (input) => {
        const r = parseTopology(input);
        if (!r.ok) return;
        const t = r.topology;
        // The old reading: every optional dependency link filtered again for each failure.
        const optional = t.links.filter((x) => linkType(x) === 'dependency' && x.optional);
        const byId = new Map(t.components.map((c) => [c.id, c]));
        const expected = optional.map((l) => {
          const failed = [...componentElements(byId.get(l.to)!), ...(l.availability !== undefined && l.availability < 1 ? [linkElementId(l)] : [])];
          const down = componentsDown(t, failed);
          return [...new Set(optional.filter((x) => down.has(x.to) && !down.has(x.from)).map((x) => x.from))];
        });
        expect(degradations(t).map((d) => d.degrades)).toEqual(expected);
      }),
      { numRuns: 200, seed: 14 },
    );
  });

  it('list the served clients that reach a degraded component along dependency links, as a search from each client did', () => {
    fc.assert(
      fc.property(smallTopology, (input) => {
        const r = parseTopology(input);
        if (!r.ok) return;
        const t = r.topology;
        // The old reading: a fresh search from each client along dependency links, optional ones too.
        const reach = (from: string) => {
          const seen = new Set([from]);
          const stack = [from];
          while (stack.length) {
            const cur = stack.pop()!;
            for (const l of t.links) {
              if (linkType(l) === 'dependency' && l.from === cur && !seen.has(l.to)) {
                seen.add(l.to);
                stack.push(l.to);
              }
            }
          }
          return seen;
        };
        const clients = t.components.filter((c) => c.kind === 'client').map((c) => c.id);
        const byId = new Map(t.components.map((c) => [c.id, c]));
        for (const d of degradations(t)) {
          const l = t.links.find((x) => linkElementId(x) === d.link)!;
          const failed = [...componentElements(byId.get(l.to)!), ...(l.availability !== undefined && l.availability < 1 ? [linkElementId(l)] : [])];
          const down = componentsDown(t, failed);
          const served = clients.filter((c) => !down.has(c));
          expect(d.clients).toEqual(d.inFactRequired ? served : served.filter((c) => d.degrades.some((x) => reach(c).has(x))));
        }
      }),
      { numRuns: 300, seed: 15 },
    );
  });
});
