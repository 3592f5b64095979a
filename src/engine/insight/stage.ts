// The seven stages of building redundancy (DESIGN section 1), decided from the
// structure and the SPOF analysis, never from labels. The stage is the highest k whose
// condition holds together with the condition of every stage below it.
import { linkElementId, type ComponentKind, type Topology } from '../../model';
import type { Report } from './report';
import { ZONE_KINDS, componentOfElement, labelOf, named, occupiedDomains } from './structure';
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

/** Where data can live apart from the servers (DESIGN section 1, stage 2). */
const DATA_KINDS: readonly ComponentKind[] = ['database', 'cache', 'storage', 'queue'];

export function stageOf(t: Topology, report: Report): Stage {
  const spofsOfKinds = (kinds: ComponentKind[]) => report.spofs
    .filter((s) => (s.type === 'component' || s.type === 'instance') && kinds.includes(componentOfElement(t, s.id)?.kind as ComponentKind))
    .map((s) => s.id);
  const domainSpofs = (kinds: ReadonlySet<string>) => report.spofs
    .filter((s) => s.type === 'domain' && kinds.has(t.domains.find((d) => d.id === s.id)?.kind ?? ''))
    .map((s) => s.id);
  // Only what the analysed clients reach counts: a database placed but called by nobody holds no data yet.
  const unreached = new Set(report.unreached);
  const has = (kind: ComponentKind) => t.components.some((c) => c.kind === kind && !unreached.has(c.id));
  const { zones, regions } = occupiedDomains(t);

  const checks: Record<Exclude<StageLevel, 1>, () => Check> = {
    2: () => ({
      holds: DATA_KINDS.some(has),
      blockers: [],
      next: 'keep the data in a component of its own that the app depends on (a database, cache, storage or queue)',
    }),
    3: () => {
      const web = spofsOfKinds(['web', 'app', 'service']);
      return {
        holds: has('loadbalancer') && web.length === 0,
        blockers: web,
        next: has('loadbalancer')
          ? `run a second instance of each server and service behind the load balancer (${spofWords(t, web)})`
          : 'put a load balancer in front of two or more web/app servers',
      };
    },
    4: () => {
      const db = spofsOfKinds(['database']);
      return {
        holds: db.length === 0,
        blockers: db,
        next: `replicate the database: a standby or replica joined by replication, with failover (${spofWords(t, db)})`,
      };
    },
    5: () => {
      const lb = spofsOfKinds(['loadbalancer']);
      return {
        holds: lb.length === 0,
        blockers: lb,
        next: `make the load balancer redundant: a pair with a floating IP, or a managed one (${spofWords(t, lb)})`,
      };
    },
    6: () => {
      const z = domainSpofs(ZONE_KINDS);
      return {
        holds: zones.size >= 2 && z.length === 0,
        blockers: z,
        next: zones.size < 2
          ? 'spread the system across two or more availability zones'
          : `make every layer survive the loss of a zone (${spofWords(t, z)})`,
      };
    },
    7: () => {
      const r = domainSpofs(new Set(['region']));
      return {
        holds: regions.size >= 2 && r.length === 0,
        blockers: r,
        next: regions.size < 2
          ? 'replicate the system into a second region, with failover between regions'
          : `make every layer survive the loss of a region (${spofWords(t, r)})`,
      };
    },
  };

  let level: StageLevel = 1;
  // Nothing connected: nothing serves anyone yet, whatever has been placed.
  if (report.basis === 'unconnected') {
    return { level, name: STAGE_NAMES[level], next: CONNECT_FIRST, blockers: [], left: [], summary: `Stage 1 of 7: ${STAGE_NAMES[1]}` };
  }
  // Every SPOF is named with the stage: a stage is never read as "nothing left to do".
  const left = report.spofs.map((s) => s.id);
  const reached = (k: StageLevel, next: string, blockers: string[]): Stage =>
    ({ level: k, name: STAGE_NAMES[k], next, blockers, left, summary: stageSummary(t, k, left) });
  for (const k of [2, 3, 4, 5, 6, 7] as const) {
    const check = checks[k]();
    if (!check.holds) return reached(level, `Stage ${k}: ${check.next}`, check.blockers);
    level = k;
  }
  return left.length > 0
    ? reached(7, `remove the ${left.length === 1 ? 'single point' : 'single points'} of failure left: ${nameList(t, left)}`, left)
    : reached(7, 'every stage is reached and no single point of failure is left: watch the remaining pairs of failures and the error budget', []);
}

/** "Stage 7 of 7: multiple regions, but "Route 53" (dns) is still a single point of failure". */
export function stageSummary(t: Topology, level: StageLevel, left: readonly string[]): string {
  const head = `Stage ${level} of 7: ${STAGE_NAMES[level]}`;
  if (left.length === 0) return head;
  return `${head}, but ${nameList(t, left)} ${left.length === 1 ? 'is still a single point of failure' : 'are still single points of failure'}`;
}

/** "Web (web) is a single point of failure", "A and B are single points of failure". */
function spofWords(t: Topology, ids: readonly string[]): string {
  return `${nameList(t, ids)} ${ids.length === 1 ? 'is a single point of failure' : 'are single points of failure'}`;
}

/** Elements by label and id, at most five named: "A", "B" and 3 more. */
function nameList(t: Topology, ids: readonly string[]): string {
  // Only the names shown are looked up: a 10,000-long chain has 10,000 SPOFs, and naming one looks through the links.
  const shown = ids.length > 5 ? [...ids.slice(0, 4).map((id) => elementNamed(t, id)), `${ids.length - 4} more`] : ids.map((id) => elementNamed(t, id));
  return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** A component or domain as `"Label" (id)`; an instance `"Label" instance 2 (id#2)`. */
function elementNamed(t: Topology, id: string): string {
  const hash = /^(.*)#(\d+)$/.exec(id);
  if (hash && componentOfElement(t, id)) return `${named(t, hash[1]).replace(/ \(.*\)$/, '')} instance ${hash[2]} (${id})`;
  if (id.startsWith('failover:')) return `the switchover to ${named(t, id.slice('failover:'.length))}`;
  const link = t.links.find((l) => linkElementId(l) === id);
  if (link) return `the link ${labelOf(t, link.from)} → ${labelOf(t, link.to)} (${id})`;
  return named(t, id);
}
