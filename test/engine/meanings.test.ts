// The stated meanings of modelling warnings (DESIGN section 2): a document with them loads and
// is analysed as the warning says, by the engine, the insight layer and the plan alike.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, componentsDown } from '../../src/engine';
import { insight, plan } from '../../src/engine/insight';
import { parseTopology } from '../../src/model';
import { smallTopology } from './arbitraries';
import { topology } from './helpers';

const chain = (app: Record<string, unknown>, extra: Record<string, unknown>[] = [], links: { from: string; to: string }[] = []) => topology({
  components: [
    { id: 'users', kind: 'client' },
    { id: 'app', kind: 'app', availability: 0.99, ...app },
    { id: 'db', kind: 'database', availability: 0.999 },
    ...(extra as never[]),
  ],
  links: [{ from: 'users', to: 'app' }, { from: 'app', to: 'db' }, ...links],
});

describe('modelling warnings are analysed with their stated meaning', () => {
  it('minHealthy above replicas: the component never works, so nothing that needs it is served', () => {
    const t = chain({ replicas: 2, minHealthy: 3 });
    const r = analyze(t);
    expect(r.system.availability).toBe(0);
    // Nothing fails a client that is never served: no SPOF, no pair.
    expect(r.spofs).toEqual([]);
    expect(r.pairs).toEqual([]);
    expect([...componentsDown(t, [])]).toEqual(['users', 'app']);
    expect(analyze(t, { failed: ['db'] }).whatIf!.down).toEqual(['users', 'app', 'db']);
    expect(analyze(t, { exactBudget: 2, samples: 1000 }).system.availability).toBe(0);
  });

  it('a requires on a group with no required link is ignored', () => {
    const plain = analyze(chain({}));
    const ignored = analyze(chain({ requires: { nowhere: { min: 3 } } }));
    expect(ignored.system.availability).toBe(plain.system.availability);
    expect(ignored.spofs.map((s) => s.id)).toEqual(plain.spofs.map((s) => s.id));
  });

  it('a requires above its group\'s targets: the component never works', () => {
    const t = chain({ requires: { 'component:db': { min: 2 } } });
    expect(analyze(t).system.availability).toBe(0);
  });

  it('a standby behind nothing takes over for nothing: it is needed like any component, with no failover event', () => {
    const standby = chain({}, [{ id: 'db-2', kind: 'database', availability: 0.999, role: 'standby', standby: 'warm' }], [{ from: 'app', to: 'db-2' }]);
    const primary = chain({}, [{ id: 'db-2', kind: 'database', availability: 0.999 }], [{ from: 'app', to: 'db-2' }]);
    const a = analyze(standby);
    expect(a.elements.some((e) => e.type === 'failover')).toBe(false);
    expect(a.system.availability).toBe(analyze(primary).system.availability);
    expect(a.spofs.map((s) => s.id)).toContain('db-2');
  });

  it('insight and the plan never throw on designs with modelling warnings', () => {
    fc.assert(
      fc.property(smallTopology, (doc) => {
        const r = parseTopology({ ...doc, slo: 0.999 });
        fc.pre(r.ok);
        if (!r.ok) return;
        const report = analyze(r.topology);
        insight(r.topology, report);
        const p = plan(r.topology, { maxMoves: 2 });
        expect(p.after.availability).toBeGreaterThanOrEqual(p.before.availability - 1e-12);
      }),
      { numRuns: 25, seed: 14 },
    );
  });
});
