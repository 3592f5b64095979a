// Random small designs for the plan's properties (plan.property.test.ts, planWork.test.ts).
import fc from 'fast-check';
import type { Topology, TopologyInput } from '../../src/model';
import { mustParse } from './helpers';

const KINDS = ['loadbalancer', 'web', 'app', 'service', 'database', 'cache'] as const;
const PLACEMENTS = [{}, { domain: 'z1' }, { domains: ['z1', 'z2'] }, { domain: 'r1' }] as const;

/** users -> c1 -> c2 (-> c3): a chain of one to three layers in one region of two zones. */
export const smallDesign: fc.Arbitrary<Topology> = fc
  .array(fc.record({
    kind: fc.constantFrom(...KINDS),
    replicas: fc.constantFrom(1, 1, 2),
    availability: fc.constantFrom(0.99, 0.995, 0.999),
    placement: fc.constantFrom(...PLACEMENTS),
  }), { minLength: 1, maxLength: 3 })
  .chain((layers) => fc.boolean().map((secondRegion) => ({ layers, secondRegion })))
  .map(({ layers, secondRegion }) => {
    const components: TopologyInput['components'] = [{ id: 'users', kind: 'client' }];
    const links: NonNullable<TopologyInput['links']> = [];
    layers.forEach((l, i) => {
      components.push({ id: `c${i + 1}`, kind: l.kind, availability: l.availability, ...(l.replicas > 1 ? { replicas: l.replicas } : {}), ...l.placement });
      links.push({ from: i === 0 ? 'users' : `c${i}`, to: `c${i + 1}` });
    });
    return mustParse({
      format: 'spof-topology', version: 2, name: 'random',
      domains: [
        { id: 'r1', kind: 'region' }, { id: 'z1', kind: 'zone', parent: 'r1' }, { id: 'z2', kind: 'zone', parent: 'r1' },
        // With a second region, a second-region move may use it; without, it adds one.
        ...(secondRegion ? [{ id: 'r2', kind: 'region' as const }, { id: 'y1', kind: 'zone' as const, parent: 'r2' }] : []),
      ],
      components, links,
    });
  });
