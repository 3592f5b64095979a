// The seven stages of building redundancy (DESIGN section 1), decided from the
// structure and the SPOF analysis, never from labels. The stage is the highest k whose
// condition holds together with the condition of every stage below it.
import type { ComponentKind, Topology } from '../../model';
import type { Report } from './report';
import { ZONE_KINDS, componentOfElement, occupiedDomains } from './structure';
import type { Stage, StageLevel } from './types';

export const STAGE_NAMES: Record<StageLevel, string> = {
  1: 'single server',
  2: 'separate database server',
  3: 'load balancer and a second web server',
  4: 'database replication',
  5: 'redundant load balancers',
  6: 'multiple availability zones',
  7: 'multiple regions',
};

export const CONNECT_FIRST = 'connect the design: draw a link from the users (a client) to the first component they call, and from each component to what it needs';

interface Check { holds: boolean; blockers: string[]; next: string }

export function stageOf(t: Topology, report: Report): Stage {
  const spofsOfKinds = (kinds: ComponentKind[]) => report.spofs
    .filter((s) => (s.type === 'component' || s.type === 'instance') && kinds.includes(componentOfElement(t, s.id)?.kind as ComponentKind))
    .map((s) => s.id);
  const domainSpofs = (kinds: ReadonlySet<string>) => report.spofs
    .filter((s) => s.type === 'domain' && kinds.has(t.domains.find((d) => d.id === s.id)?.kind ?? ''))
    .map((s) => s.id);
  const has = (kind: ComponentKind) => t.components.some((c) => c.kind === kind);
  const { zones, regions } = occupiedDomains(t);

  const checks: Record<Exclude<StageLevel, 1>, () => Check> = {
    2: () => ({
      holds: has('database'),
      blockers: [],
      next: 'move the database to a server of its own (a "database" component the app depends on)',
    }),
    3: () => {
      const web = spofsOfKinds(['web', 'app']);
      return {
        holds: has('loadbalancer') && web.length === 0,
        blockers: web,
        next: has('loadbalancer')
          ? `run a second web/app server behind the load balancer (${list(web)} is a single point of failure)`
          : 'put a load balancer in front of two or more web/app servers',
      };
    },
    4: () => {
      const db = spofsOfKinds(['database']);
      return {
        holds: db.length === 0,
        blockers: db,
        next: `replicate the database: a standby or replica joined by replication, with failover (${list(db)} is a single point of failure)`,
      };
    },
    5: () => {
      const lb = spofsOfKinds(['loadbalancer']);
      return {
        holds: lb.length === 0,
        blockers: lb,
        next: `make the load balancer redundant: a pair with a floating IP, or a managed one (${list(lb)} is a single point of failure)`,
      };
    },
    6: () => {
      const z = domainSpofs(ZONE_KINDS);
      return {
        holds: zones.size >= 2 && z.length === 0,
        blockers: z,
        next: zones.size < 2
          ? 'spread the system across two or more availability zones'
          : `make every layer survive the loss of a zone (${list(z)} is a single point of failure)`,
      };
    },
    7: () => {
      const r = domainSpofs(new Set(['region']));
      return {
        holds: regions.size >= 2 && r.length === 0,
        blockers: r,
        next: regions.size < 2
          ? 'replicate the system into a second region, with failover between regions'
          : `make every layer survive the loss of a region (${list(r)} is a single point of failure)`,
      };
    },
  };

  let level: StageLevel = 1;
  // Nothing connected: nothing serves anyone yet, whatever has been placed.
  if (report.basis === 'unconnected') {
    return { level, name: STAGE_NAMES[level], next: CONNECT_FIRST, blockers: [] };
  }
  for (const k of [2, 3, 4, 5, 6, 7] as const) {
    const check = checks[k]();
    if (!check.holds) return { level, name: STAGE_NAMES[level], next: `Stage ${k}: ${check.next}`, blockers: check.blockers };
    level = k;
  }
  return {
    level: 7,
    name: STAGE_NAMES[7],
    next: 'every stage is reached: watch the remaining pairs of failures and the error budget',
    blockers: [],
  };
}

function list(ids: string[]): string {
  return ids.length === 0 ? 'nothing' : ids.map((id) => `"${id}"`).join(', ');
}
