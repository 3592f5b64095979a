// Random small topologies for the engine's property tests: every feature of DESIGN
// section 2 (pools k-of-n, active-passive pools, nested domains with `group` domains,
// default groups and `group` overrides, `requires` minimums, optional links, link
// availability, replication sets, standbys with failover, cycles, several clients).
import fc from 'fast-check';
import { groupResolver, parseTopology, type Topology, type TopologyInput } from '../../src/model';

const KINDS = ['dns', 'loadbalancer', 'web', 'app', 'service', 'database', 'cache'] as const;
const DOMAIN_KINDS = ['zone', 'region', 'group', 'rack'] as const;
// Round figures keep the exact sums far from rounding trouble; 1 makes assumptions.
const AVAILABILITIES = [0.9, 0.8, 0.95, 0.7, 1, 0.99];

/**
 * Random small topologies with `clients` client components (designs without one are analysed
 * from their entry points) and `components` other components.
 */
export function topologyWith(clients: { min: number; max: number }, components = { min: 1, max: 6 }): fc.Arbitrary<TopologyInput> {
  return fc
    .record({
      nDomains: fc.integer({ min: 0, max: 4 }),
      nClients: fc.integer(clients),
      nComponents: fc.integer(components),
      nLinks: fc.integer({ min: 1, max: 12 }),
      bits: fc.array(fc.nat(1 << 20), { minLength: 160, maxLength: 160 }),
      requires: fc.boolean(),
    })
    .map(({ nDomains, nClients, nComponents, nLinks, bits, requires }) => {
      let k = 0;
      const pick = (n: number) => bits[k++ % bits.length] % n;
      const chance = (n: number) => pick(n) === 0;
      const domains: NonNullable<TopologyInput['domains']> = [];
      for (let i = 0; i < nDomains; i++) {
        const d: NonNullable<TopologyInput['domains']>[number] = { id: `d${i}`, kind: DOMAIN_KINDS[pick(DOMAIN_KINDS.length)] };
        if (i > 0 && !chance(3)) d.parent = `d${pick(i)}`;
        if (d.kind !== 'group') d.availability = AVAILABILITIES[pick(AVAILABILITIES.length)];
        domains.push(d);
      }
      const components: TopologyInput['components'] = [];
      for (let i = 0; i < nClients; i++) components.push({ id: `u${i}`, kind: 'client' });
      for (let i = 0; i < nComponents; i++) {
        const c: TopologyInput['components'][number] = { id: `c${i}`, kind: KINDS[pick(KINDS.length)] };
        if (chance(4)) Object.assign(c, { mtbfHours: 9 + pick(3) * 10, mttrHours: 1 });
        else c.availability = AVAILABILITIES[pick(AVAILABILITIES.length)];
        if (chance(3)) {
          c.replicas = 2 + pick(2);
          // Now and then above replicas: a warning, and the pool never works (DESIGN section 2).
          c.minHealthy = 1 + pick(c.replicas + (chance(4) ? 1 : 0));
          if (chance(3)) c.standby = (['hot', 'warm', 'cold'] as const)[pick(3)];
        }
        if (nDomains > 0 && !chance(3)) {
          if (chance(2)) c.domain = `d${pick(nDomains)}`;
          else c.domains = [`d${pick(nDomains)}`, `d${pick(nDomains)}`];
        }
        if (chance(4)) {
          c.role = 'standby';
          c.standby = (['hot', 'warm', 'cold'] as const)[pick(3)];
          if (chance(2)) c.failoverSeconds = [0, 30, 600, 7200][pick(4)];
        }
        components.push(c);
      }
      const ids = components.map((c) => c.id);
      const links: NonNullable<TopologyInput['links']> = [];
      const seen = new Set<string>();
      for (let i = 0; i < nLinks; i++) {
        // Sources: clients or components; targets: components only (clients may still be
        // targets rarely, to exercise "clients never fail" as a dependency).
        const from = ids[pick(ids.length)];
        const to = nClients > 0 && chance(12) ? ids[pick(nClients)] : ids[nClients + pick(nComponents)];
        const replication = chance(7);
        const key = `${replication}:${from}:${to}`;
        if (from === to || seen.has(key)) continue;
        seen.add(key);
        const l: NonNullable<TopologyInput['links']>[number] = { from, to };
        if (replication) Object.assign(l, { type: 'replication', mode: 'async', lagSeconds: 1 });
        else {
          if (chance(6)) l.optional = true;
          if (chance(4)) l.availability = [0.9, 0.8, 1][pick(3)];
          if (chance(4)) l.group = ['g1', 'g2'][pick(2)];
          if (chance(5)) l.id = `l${i}`;
        }
        links.push(l);
      }
      return withRequires({ format: 'spof-topology', version: 2, domains, components, links }, requires, pick(3));
    });
}

export const smallTopology: fc.Arbitrary<TopologyInput> = topologyWith({ min: 1, max: 2 });
/** No client at all: the analysis starts from the entry points. */
export const clientlessTopology: fc.Arbitrary<TopologyInput> = topologyWith({ min: 0, max: 0 });

/**
 * On request, the first group with two or more required targets gets `requires: { min: 2 }`
 * (so `requires` is exercised on real groups). `odd` 0 instead asks one more target than the
 * first group holds (a warning: that component never works), 1 adds a requirement on a group
 * with no link (a warning: ignored). Standbys with nothing to stand behind stay as drawn: they
 * take over for nothing.
 */
function withRequires(doc: TopologyInput, requires: boolean, odd: number): TopologyInput {
  const r = parseTopology(doc);
  if (!r.ok || !requires) return doc;
  const t: Topology = r.topology;
  const groupOf = groupResolver(t);
  const counts = new Map<string, number>();
  for (const l of t.links) {
    if ((l.type ?? 'dependency') !== 'dependency' || l.optional) continue;
    const key = `${l.from}\u0000${groupOf(l)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const source = (key: string) => doc.components.find((c) => c.id === key.split('\u0000')[0])!;
  const group = (key: string) => key.split('\u0000')[1];
  const first = [...counts.keys()][0];
  if (odd === 0 && first !== undefined) {
    source(first).requires = { [group(first)]: { min: counts.get(first)! + 1 } };
  } else {
    const pair = [...counts].find(([, n]) => n >= 2)?.[0];
    if (pair !== undefined) source(pair).requires = { [group(pair)]: { min: 2 } };
    if (odd === 1 && first !== undefined) source(first).requires = { ...source(first).requires, nowhere: { min: 2 } };
  }
  return doc;
}
