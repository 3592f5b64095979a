// Finding rules about the shape of the design rather than a single failure: pools
// crowded into one zone or region, slow failover, asynchronous replication, optional
// dependencies that are not, clients without data, components nobody reaches.
import { failoverSecondsOf, linkElementId, linkType, replicasOf, type Topology } from '../../model';
import { degradations, sourceGoesDown } from './degradations';
import type { FindingRule } from './findings';
import {
  DATA_STORE_KINDS, formatSeconds, instancePlacements, named, regionOf, requiredPath, zoneOf,
} from './structure';
import { MONTH_MINUTES } from './slo';

/** A failover event costing at least this share of the downtime dominates it. */
export const FAILOVER_SHARE = 0.1;

const poolOneZone: FindingRule = {
  code: 'pool-one-zone',
  severity: 'medium',
  title: 'every instance of a pool sits in one zone',
  description: 'A pool of instances that all run in one availability zone: the replicas protect against one instance failing, not against the zone, and a zone outage takes them all down at once.',
  help: 'Spread the instances across the zones of the region (list the zones in "domains").',
  check({ t }) {
    return t.components.flatMap((c) => {
      if (c.kind === 'client' || replicasOf(c) < 2) return [];
      const zones = new Set(instancePlacements(c).map((p) => zoneOf(t, p)));
      const [zone] = zones;
      if (zones.size !== 1 || zone === undefined) return [];
      return [{
        code: 'pool-one-zone',
        severity: 'medium' as const,
        message: `All ${replicasOf(c)} instances of ${named(t, c.id)} sit in ${named(t, zone, 'zone')}: one zone outage takes them all down.`,
        suggestion: 'Spread them across the zones of the region (list the zones in "domains").',
        ids: [c.id, zone],
      }];
    });
  },
};

const poolOneRegion: FindingRule = {
  code: 'pool-one-region',
  severity: 'low',
  title: 'every instance of a pool sits in one region, and that region is a single point of failure',
  description: 'A pool of instances that all run in one region, while that region is a single point of failure of the design: a region outage takes them all down at once.',
  help: 'Replicate it into a second region (a copy behind the same callers), if the SLO needs it.',
  check({ t, report }) {
    const regionSpofs = new Set(report.spofs.filter((s) => s.type === 'domain').map((s) => s.id));
    return t.components.flatMap((c) => {
      if (c.kind === 'client' || replicasOf(c) < 2) return [];
      const placements = instancePlacements(c);
      const zones = new Set(placements.map((p) => zoneOf(t, p)));
      if (zones.size === 1 && !zones.has(undefined)) return []; // pool-one-zone says it
      const regions = new Set(placements.map((p) => regionOf(t, p)));
      const [region] = regions;
      if (regions.size !== 1 || region === undefined || !regionSpofs.has(region)) return [];
      return [{
        code: 'pool-one-region',
        severity: 'low' as const,
        message: `All ${replicasOf(c)} instances of ${named(t, c.id)} sit in ${named(t, region, 'region')}: a region outage takes them all down.`,
        suggestion: 'Replicate it into a second region (a copy behind the same callers), if the SLO needs it.',
        ids: [c.id, region],
      }];
    });
  },
};

const coldStandby: FindingRule = {
  code: 'cold-standby-failover',
  severity: 'medium',
  title: `a cold standby's failover costs ${FAILOVER_SHARE * 100}% or more of the downtime`,
  description: "A cold standby is brought up from backups after its primary fails: minutes to hours of outage on every failover. When that switchover is a large share of the expected downtime, the standby's temperature, not the number of copies, limits availability.",
  help: 'Make the standby warm or hot (replicated and running), so the switchover takes seconds.',
  check({ t, report }) {
    const unavailability = report.system.unavailability;
    if (!(unavailability > 0)) return [];
    return report.importance.flatMap((e) => {
      if (e.type !== 'failover') return [];
      const c = t.components.find((x) => `failover:${x.id}` === e.id);
      if (!c || c.standby !== 'cold' || e.improvement < FAILOVER_SHARE * unavailability) return [];
      const share = Math.round((e.improvement / unavailability) * 100);
      return [{
        code: 'cold-standby-failover',
        severity: 'medium' as const,
        message: `The cold standby failover of ${named(t, c.id)} takes ${formatSeconds(failoverSecondsOf(c))}; it costs ${readable(e.improvement * 100)}% availability (${readable(e.improvement * MONTH_MINUTES)} min a month), ${share}% of the downtime.`,
        suggestion: 'Make the standby warm or hot (replicated and running), so the switchover takes seconds.',
        ids: [c.id, e.id],
      }];
    });
  },
};

const asyncReplication: FindingRule = {
  code: 'async-replication',
  severity: 'low',
  title: 'asynchronous replication: a failover can lose the replication lag',
  description: "Asynchronous replication acknowledges writes before the replica has them: when the primary fails, the writes still in flight (up to the replication lag) are lost on failover. That lag is the data store's recovery point objective (RPO).",
  help: 'If that loss is unacceptable, replicate synchronously (or semi-synchronously) to a nearby standby.',
  check({ t }) {
    return t.links.flatMap((l) => {
      if (linkType(l) !== 'replication' || (l.mode !== undefined && l.mode !== 'async')) return [];
      const lag = l.lagSeconds === undefined ? 'the replication lag (not stated)' : formatSeconds(l.lagSeconds);
      return [{
        code: 'async-replication',
        severity: 'low' as const,
        message: `${named(t, l.from)} replicates to ${named(t, l.to)} asynchronously: a failover can lose up to ${lag} of writes (the RPO).`,
        suggestion: 'If that loss is unacceptable, replicate synchronously (or semi-synchronously) to a nearby standby.',
        ids: [linkElementId(l), l.from, l.to],
      }];
    });
  },
};

const optionalRequired: FindingRule = {
  code: 'optional-required',
  severity: 'high',
  title: 'an optional dependency is in fact required on some path',
  description: 'A dependency marked optional (a soft dependency that should only degrade a feature) that some other path still requires: its failure takes a component or a client down, so the design is less available than its optional marks suggest.',
  help: 'Make every path to it degrade gracefully (mark those links optional and handle its absence), or treat it as required and make it redundant.',
  check({ t }) {
    const required = degradations(t).filter((d) => d.inFactRequired);
    const clients = t.components.filter((c) => c.kind === 'client');
    // Without a required path from the link's source, the first client's that needs the
    // target: the same for every optional link into it, so asked once per target.
    const fromClient = new Map<string, string[] | undefined>();
    const clientPath = (to: string) => {
      if (!fromClient.has(to)) {
        let found: string[] | undefined;
        for (const c of clients) if ((found = requiredPath(t, c.id, to))) break;
        fromClient.set(to, found);
      }
      return fromClient.get(to);
    };
    return required.map((d) => {
      // The optional link itself is never on a required path.
      const path = requiredPath(t, d.from, d.to) ?? clientPath(d.to);
      return {
        code: 'optional-required',
        severity: 'high' as const,
        message: `${named(t, d.to)} is marked optional for ${named(t, d.from)}, but ${path ? `${pathWords(path)} needs it` : 'something needs it'}: its failure ${sourceGoesDown(t, d) ? `takes ${named(t, d.from)} down` : 'takes a client down'}.`,
        suggestion: `Make every path to ${named(t, d.to)} degrade gracefully (mark those links optional and handle its absence), or treat it as required and make it redundant.`,
        ids: [d.link, d.from, d.to],
      };
    });
  },
};

/** `a → b → c`, or on a long path its ends and how many steps lie between. */
function pathWords(path: readonly string[]): string {
  if (path.length <= 8) return path.join(' → ');
  return `${path.slice(0, 3).join(' → ')} → ... (${(path.length - 6).toLocaleString('en-US')} more) → ${path.slice(-3).join(' → ')}`;
}

/** The components with a path of dependency links (optional ones too) to a data store, the stores included. */
function reachingDataStores(t: Topology): Set<string> {
  const callers = new Map<string, string[]>();
  for (const l of t.links) {
    if (linkType(l) !== 'dependency') continue;
    if (!callers.has(l.to)) callers.set(l.to, []);
    callers.get(l.to)!.push(l.from);
  }
  const seen = new Set(t.components.filter((c) => DATA_STORE_KINDS.has(c.kind)).map((c) => c.id));
  const stack = [...seen];
  while (stack.length > 0) {
    for (const from of callers.get(stack.pop()!) ?? []) {
      if (!seen.has(from)) {
        seen.add(from);
        stack.push(from);
      }
    }
  }
  return seen;
}

const clientWithoutData: FindingRule = {
  code: 'client-no-data-store',
  severity: 'low',
  title: 'a client has no path to any data store',
  description: 'A client (an entry point or user journey) that reaches no database, cache, storage or queue: the failures of the data it uses are not in the analysis, so its availability is likely overstated.',
  help: 'Link the component that holds its data, so its failure counts; or confirm the journey is stateless.',
  check({ t, report }) {
    // The clients analysed (an implicit client is its entry point's path).
    const starts = report.basis === 'entry-points' ? report.entryPoints : report.clients.map((c) => c.id);
    if (starts.length === 0) return [];
    // Everything that reaches a data store, found once backwards from the stores: one walk
    // per client was 200 walks of a 20,000-long chain, each kept as a set of 20,000 names.
    const toData = reachingDataStores(t);
    const reachesData = (from: string) => toData.has(from);
    if (report.basis === 'entry-points') {
      if (starts.some(reachesData)) return [];
      return [{
        code: 'client-no-data-store',
        severity: 'low' as const,
        message: `No entry point reaches a data store (database, cache, storage or queue): their data's failures are not in the analysis.`,
        suggestion: 'Link the component that holds the data, so its failure counts; or confirm the design is stateless.',
        ids: starts,
      }];
    }
    return t.components.filter((c) => c.kind === 'client' && starts.includes(c.id)).flatMap((client) => {
      if (reachesData(client.id)) return [];
      return [{
        code: 'client-no-data-store',
        severity: 'low' as const,
        message: `${named(t, client.id, 'Client')} reaches no data store (database, cache, storage or queue): its data's failures are not in the analysis.`,
        suggestion: 'Link the component that holds its data, so its failure counts; or confirm the journey is stateless.',
        ids: [client.id],
      }];
    });
  },
};

const unreached: FindingRule = {
  code: 'unreached-component',
  severity: 'low',
  title: 'a component no client or entry point reaches',
  description: 'A component that no client depends on, directly or through others: it counts for nothing in the analysis, which usually means a link is missing.',
  help: 'Link it from what uses it, or remove it.',
  check({ t, report }) {
    // Nothing connected is said once, by the report's warning, not once per component.
    if (report.basis === 'unconnected') return [];
    const by = report.basis === 'entry-points' ? 'No entry point' : 'No client';
    const kinds = new Map(t.components.map((c) => [c.id, c.kind]));
    return report.unreached.map((id) => kinds.get(id) === 'client'
      ? {
          code: 'unreached-component',
          severity: 'low' as const,
          message: `${named(t, id, 'Client')} calls nothing: it is not part of the figures.`,
          suggestion: 'Link it to the first component it calls.',
          ids: [id],
        }
      : {
          code: 'unreached-component',
          severity: 'low' as const,
          message: `${by} reaches ${named(t, id)}: it is not part of the figures.`,
          suggestion: 'Link it from what uses it, or remove it.',
          ids: [id],
        });
  },
};

/** Two significant digits, without exponent notation for numbers people read (110, 4.4, 0.25). */
function readable(x: number): string {
  return x >= 10 ? String(Math.round(x)) : String(Number(x.toPrecision(2)));
}

export const designRules: FindingRule[] = [
  optionalRequired, poolOneZone, coldStandby, poolOneRegion, asyncReplication, clientWithoutData, unreached,
];
