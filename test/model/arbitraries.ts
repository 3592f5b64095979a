// fast-check generators of valid topology documents, shared by model and io tests.
import fc from 'fast-check';
import { COMPONENT_KINDS, DOMAIN_KINDS, type TopologyInput } from '../../src/model';

const label = fc.string({ maxLength: 12 });
const probability = fc.double({ min: 0.5, max: 1, noNaN: true }).filter((a) => a > 0);

export const validTopology: fc.Arbitrary<TopologyInput> = fc
  .record({
    nDomains: fc.integer({ min: 0, max: 4 }),
    nComponents: fc.integer({ min: 1, max: 8 }),
    seedBits: fc.array(fc.nat(1000), { minLength: 64, maxLength: 64 }),
    labels: fc.array(label, { minLength: 12, maxLength: 12 }),
    avails: fc.array(probability, { minLength: 12, maxLength: 12 }),
    name: label,
    slo: fc.option(fc.double({ min: 0.9, max: 0.99999, noNaN: true }), { nil: undefined }),
  })
  .map(({ nDomains, nComponents, seedBits, labels, avails, name, slo }) => {
    let k = 0;
    const pick = (n: number) => seedBits[k++ % seedBits.length] % n;
    const domains: TopologyInput['domains'] = [];
    for (let i = 0; i < nDomains; i++) {
      const d: NonNullable<TopologyInput['domains']>[number] = { id: `d${i}`, kind: DOMAIN_KINDS[pick(DOMAIN_KINDS.length)] };
      if (i > 0 && pick(2) === 0) d.parent = `d${pick(i)}`;
      if (pick(3) === 0) d.availability = avails[i];
      domains.push(d);
    }
    const components: TopologyInput['components'] = [{ id: 'c0', kind: 'client', label: labels[0] }];
    for (let i = 1; i < nComponents; i++) {
      const c: TopologyInput['components'][number] = { id: `c${i}`, kind: COMPONENT_KINDS[1 + pick(COMPONENT_KINDS.length - 1)] };
      if (pick(2) === 0) c.label = labels[i];
      if (pick(3) === 0) c.availability = avails[i];
      else if (pick(4) === 0) Object.assign(c, { mtbfHours: 100 + pick(900), mttrHours: 1 + pick(8) });
      if (pick(3) === 0) {
        c.replicas = 1 + pick(4);
        c.minHealthy = 1 + pick(c.replicas);
        if (c.replicas > 1 && pick(4) === 0) c.standby = (['hot', 'warm', 'cold'] as const)[pick(3)];
      }
      if (nDomains > 0 && pick(2) === 0) {
        if (pick(2) === 0) c.domain = `d${pick(nDomains)}`;
        else c.domains = [`d${pick(nDomains)}`, `d${pick(nDomains)}`];
      }
      if (pick(5) === 0) c.role = 'replica';
      components.push(c);
    }
    const links: NonNullable<TopologyInput['links']> = [];
    const seen = new Set<string>();
    for (let i = 0; i < nComponents * 2; i++) {
      const from = pick(nComponents);
      const to = pick(nComponents);
      const type = pick(5) === 0 ? 'replication' : 'dependency';
      const key = `${type}:${from}:${to}`;
      if (from === to || seen.has(key)) continue;
      seen.add(key);
      const l: NonNullable<TopologyInput['links']>[number] = { from: `c${from}`, to: `c${to}` };
      if (type === 'replication') Object.assign(l, { type, mode: (['sync', 'async', 'backup'] as const)[pick(3)] });
      else if (pick(4) === 0) l.optional = true;
      else if (pick(5) === 0) l.availability = avails[i % avails.length];
      if (pick(4) === 0) l.id = `l${i}`;
      links.push(l);
    }
    const doc: TopologyInput = { format: 'spof-topology', version: 2, name, domains, components, links };
    if (slo !== undefined) doc.slo = slo;
    return doc;
  });
