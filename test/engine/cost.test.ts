// Money (DESIGN section 3, "Money", format version 2): the monthly cost of a design with
// pools, standbys and domains; the expected downtime cost per client and in all; what making
// each element perfect saves a year, checked against analysing the design with it perfect;
// and nothing at all when the document gives no cost.
import { describe, expect, it } from 'vitest';
import { analyze, buildJsonReport } from '../../src/engine';
import { parseTopology, type Topology, type TopologyInput } from '../../src/model';
import { TEMPLATES } from '../../src/templates';

const YEAR = 8766;

function v2(doc: Omit<TopologyInput, 'format' | 'version'>): Topology {
  const r = parseTopology({ format: 'spof-topology', version: 2, ...doc });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.topology;
}

const priced: Omit<TopologyInput, 'format' | 'version'> = {
  currency: 'EUR',
  downtimeCostPerHour: 200,
  domains: [
    { id: 'dc', kind: 'datacenter', costPerMonth: 1000 },
    { id: 'h1', kind: 'host', parent: 'dc', costPerMonth: 50 },
    { id: 'h2', kind: 'host', parent: 'dc', costPerMonth: 50 },
  ],
  components: [
    { id: 'shop', kind: 'client', downtimeCostPerHour: 5000 },
    { id: 'ops', kind: 'client' },
    { id: 'app', kind: 'app', replicas: 3, domains: ['h1', 'h2'], costPerMonth: 80 },
    { id: 'db', kind: 'database', domain: 'h1', costPerMonth: 300 },
    { id: 'db2', kind: 'database', domain: 'h2', role: 'standby', standby: 'warm', costPerMonth: 300 },
    { id: 'cache', kind: 'cache' },
  ],
  links: [
    { from: 'shop', to: 'app' }, { from: 'ops', to: 'app' },
    { from: 'app', to: 'db' }, { from: 'app', to: 'db2' }, { from: 'app', to: 'cache' },
    { from: 'db', to: 'db2', type: 'replication', mode: 'sync' },
  ],
};

describe('money', () => {
  it('the monthly cost: a pool costs replicas times its instance, a standby what it costs, domains their own cost', () => {
    const r = analyze(v2(priced));
    expect(r.cost!.currency).toBe('EUR');
    expect(r.cost!.perMonth).toBe(3 * 80 + 300 + 300 + 1000 + 50 + 50);
    expect(r.cost!.priced).toBe(true);
    expect(r.cost!.unpriced).toEqual(['cache']);
  });

  it('the downtime cost: each client its own rate or the document\'s, times its expected hours down', () => {
    const r = analyze(v2(priced));
    const shop = r.clients.find((c) => c.id === 'shop')!;
    const ops = r.clients.find((c) => c.id === 'ops')!;
    expect(r.cost!.clients).toEqual([
      { id: 'shop', downtimeCostPerHour: 5000, downtimeHoursPerYear: shop.unavailability * YEAR, downtimePerYear: shop.unavailability * YEAR * 5000 },
      { id: 'ops', downtimeCostPerHour: 200, downtimeHoursPerYear: ops.unavailability * YEAR, downtimePerYear: ops.unavailability * YEAR * 200 },
    ]);
    expect(r.cost!.downtimePerYear).toBeCloseTo(shop.unavailability * YEAR * 5200, 9);
  });

  it('what making an element perfect saves a year equals the downtime cost saved by analysing it perfect', () => {
    const t = v2(priced);
    const r = analyze(t);
    const before = r.cost!.downtimePerYear;
    // (Not the primary database: made perfect in the document, its standby's switchovers go too.)
    for (const id of ['cache', 'h1', 'app#2', 'dc', 'failover:db2']) {
      const imp = r.importance.find((i) => i.id === id)!;
      const perfect = structuredClone(t);
      const c = perfect.components.find((x) => x.id === id);
      const d = perfect.domains.find((x) => x.id === id);
      if (c) c.availability = 1;
      else if (d) d.availability = 1;
      else if (id === 'app#2') {
        // One instance of a pool made perfect: the multilinear form, not a document edit.
        continue;
      } else if (id.startsWith('failover:')) perfect.components.find((x) => x.id === 'db2')!.failoverSeconds = 0;
      const after = analyze(perfect).cost!.downtimePerYear;
      expect(imp.moneySavedPerYear!).toBeCloseTo(before - after, 6);
    }
    const pool = r.importance.find((i) => i.id === 'app#2')!;
    expect(pool.moneySavedPerYear!).toBeGreaterThan(0);
  });

  it('no cost given: no cost block, no money in the ranking, nothing in the JSON', () => {
    for (const template of TEMPLATES) {
      const parsed = parseTopology(template.topology);
      if (!parsed.ok) continue;
      const r = analyze(parsed.topology);
      expect(r.cost).toBeUndefined();
      expect(r.importance.every((i) => i.moneySavedPerYear === undefined)).toBe(true);
      expect(buildJsonReport(r, parsed.topology)).not.toHaveProperty('cost');
    }
  });

  it('running costs only: the monthly cost, no downtime cost invented', () => {
    const r = analyze(v2({ ...priced, downtimeCostPerHour: undefined, components: priced.components.map((c) => ({ ...c, downtimeCostPerHour: undefined })) }));
    expect(r.cost!.perMonth).toBeGreaterThan(0);
    expect(r.cost!.clients).toEqual([]);
    expect(r.cost!.downtimePerYear).toBe(0);
    expect(r.importance.every((i) => i.moneySavedPerYear === undefined)).toBe(true);
  });

  it('downtime costs only: the currency defaults to USD and nothing is priced', () => {
    const r = analyze(v2({
      components: [{ id: 'u', kind: 'client', downtimeCostPerHour: 100 }, { id: 'a', kind: 'app' }],
      links: [{ from: 'u', to: 'a' }],
    }));
    expect(r.cost).toMatchObject({ currency: 'USD', priced: false, perMonth: 0, unpriced: [] });
    expect(r.cost!.downtimePerYear).toBeCloseTo(0.005 * YEAR * 100, 9);
    expect(r.importance[0].moneySavedPerYear).toBeCloseTo(0.005 * YEAR * 100, 9);
  });

  it('the JSON report carries the cost block of DESIGN section 4', () => {
    const t = v2(priced);
    const j = buildJsonReport(analyze(t), t) as { cost: Record<string, unknown> };
    expect(j.cost).toMatchObject({ currency: 'EUR', perMonth: 1940 });
    expect(typeof j.cost.downtimePerYear).toBe('number');
  });

  it('a downtime cost on a component that is no client is a warning with its path, and is ignored', () => {
    const r = parseTopology({
      format: 'spof-topology', version: 2,
      components: [{ id: 'u', kind: 'client' }, { id: 'a', kind: 'app', downtimeCostPerHour: 10 }],
      links: [{ from: 'u', to: 'a' }],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => [w.code, w.path])).toContainEqual(['downtime-cost-not-client', 'components[1].downtimeCostPerHour']);
    expect(analyze(r.topology).cost!.clients).toEqual([]);
  });
});
