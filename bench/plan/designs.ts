// The designs the plan benchmark times (issue 19): the three cases (stage 3 at
// 99.95%, the shop at 99.99% and 99.995%), fifty single services in one region at 99.9%,
// templates of eight to eleven components at 99.99%, and the synthetic estate of the
// engine benchmark at 50 and 500 components.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopologyInput } from '../../src/model';
import { templateById } from '../../src/templates';
import { syntheticEstate } from '../engine/estate';

export interface PlanCase {
  name: string;
  design: unknown;
  /** The target, in percent (the CLI's --slo). */
  slo: string;
}

/**
 * Fifty single services in one region of three zones, placed round-robin: the users call
 * a gateway, which needs the other 49. Adding instances reaches 99.9%; no second region
 * is needed (the region's 99.995% is a twentieth of the budget).
 */
export function fiftyServices(count = 50): TopologyInput {
  const zones = ['a', 'b', 'c'].map((z) => `use1${z}`);
  const components: TopologyInput['components'] = [
    { id: 'users', kind: 'client', label: 'Users' },
  ];
  const links: NonNullable<TopologyInput['links']> = [];
  for (let i = 1; i <= count; i++) {
    const id = i === 1 ? 'gateway' : `svc${i}`;
    components.push({ id, kind: 'service', label: i === 1 ? 'API gateway' : `Service ${i}`, domain: zones[i % 3] });
    links.push({ from: i === 1 ? 'users' : 'gateway', to: id });
  }
  return {
    format: 'spof-topology', version: 2, name: `${count} single services in one region`,
    domains: [
      { id: 'use1', kind: 'region', label: 'us-east-1' },
      ...zones.map((z) => ({ id: z, kind: 'zone' as const, label: `us-east-${z.slice(3)}`, parent: 'use1' })),
    ],
    components, links,
  };
}

const shop = () => JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/shop.spof.json'), 'utf8'));

export const PLAN_CASES: PlanCase[] = [
  { name: 'stage 3 at 99.95%', design: templateById('stage3')!.topology, slo: '99.95' },
  { name: 'stage 5 at 99.99%', design: templateById('stage5')!.topology, slo: '99.99' },
  { name: 'stage 6 at 99.99%', design: templateById('stage6')!.topology, slo: '99.99' },
  { name: 'transactional at 99.99%', design: templateById('transactional')!.topology, slo: '99.99' },
  { name: 'shop at 99.99%', design: shop(), slo: '99.99' },
  { name: 'shop at 99.995%', design: shop(), slo: '99.995' },
  { name: '50 single services at 99.9%', design: fiftyServices(50), slo: '99.9' },
  { name: 'estate of 50 at 99.99%', design: syntheticEstate(50), slo: '99.99' },
  { name: 'estate of 500 at 99.95%', design: syntheticEstate(500), slo: '99.95' },
  { name: 'estate of 500 at 99.99%', design: syntheticEstate(500), slo: '99.99' },
];

/** What the app benchmark plans (bench/plan/app.ts): the small designs a person draws, and fifty services. */
export const APP_PLAN_CASES: PlanCase[] = PLAN_CASES.filter((c) => !c.name.startsWith('estate of 500'));
