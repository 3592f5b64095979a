// RPO and RTO of every data store (DESIGN section 3, "Data protection").
// RPO comes from replication links: sync loses nothing, async loses up to the lag,
// a backup up to its interval, no replication loses everything since the last copy
// (unbounded). A link protects both of its ends: losing either, the other holds the data.
// RTO comes from what takes over: an active peer at once, a standby after its failover
// time, otherwise the store's own repair time (MTTR).
import {
  componentMttrHours, failoverSecondsOf, isActivePassivePool, isStandby, linkElementId,
  minHealthyOf, replicasOf, type Component, type Link, type Topology,
} from '../../model';
import { DATA_STORE_KINDS, alternativesOf, componentMap, formatSeconds, labelOf, replicationLinksOf } from './structure';
import type { DataProtection, RpoBasis } from './types';

export function dataProtection(t: Topology): DataProtection[] {
  const byId = componentMap(t);
  return t.components
    .filter((c) => DATA_STORE_KINDS.has(c.kind))
    .map((c) => ({ id: c.id, label: labelOf(t, c.id), kind: c.kind, ...rpoOf(t, c), ...rtoOf(c, byId, alternativesOf(t, c.id)) }));
}

interface Rpo { rpoSeconds: number | null; rpoBasis: RpoBasis; rpoVia?: string; rpo: string }

function rpoOf(t: Topology, c: Component): Rpo {
  const options = replicationLinksOf(t, c.id).map((l) => rpoOfLink(l, l.from === c.id ? l.to : l.from));
  // Best protection first; a stated window beats an unstated one.
  options.sort((a, b) => rank(a) - rank(b));
  return options[0] ?? { rpoSeconds: null, rpoBasis: 'none', rpo: 'unbounded: no replication or backup' };
}

function rank(r: Rpo): number {
  if (r.rpoSeconds !== null) return r.rpoSeconds;
  return r.rpoBasis === 'none' ? Infinity : Number.MAX_VALUE;
}

function rpoOfLink(l: Link, peer: string): Rpo {
  const via = linkElementId(l);
  switch (l.mode) {
    case 'sync':
      return { rpoSeconds: 0, rpoBasis: 'sync', rpoVia: via, rpo: `0 s: synchronous replication with "${peer}"` };
    case 'backup':
      return l.intervalSeconds === undefined
        ? { rpoSeconds: null, rpoBasis: 'backup', rpoVia: via, rpo: `up to one backup interval (not stated) with "${peer}"` }
        : { rpoSeconds: l.intervalSeconds, rpoBasis: 'backup', rpoVia: via, rpo: `${formatSeconds(l.intervalSeconds)}: backups to "${peer}" every ${formatSeconds(l.intervalSeconds)}` };
    default:
      // A replication link without a mode is asynchronous: the common default of databases.
      return l.lagSeconds === undefined
        ? { rpoSeconds: null, rpoBasis: 'async', rpoVia: via, rpo: `the replication lag (not stated): asynchronous replication with "${peer}"` }
        : { rpoSeconds: l.lagSeconds, rpoBasis: 'async', rpoVia: via, rpo: `${formatSeconds(l.lagSeconds)}: asynchronous replication with "${peer}", lag ${formatSeconds(l.lagSeconds)}` };
  }
}

type Rto = Pick<DataProtection, 'rtoSeconds' | 'rtoBasis' | 'rtoVia' | 'rto'>;

function rtoOf(c: Component, byId: Map<string, Component>, alternatives: ReadonlySet<string>): Rto {
  if (isActivePassivePool(c)) {
    const s = failoverSecondsOf(c);
    return { rtoSeconds: s, rtoBasis: 'failover', rtoVia: c.id, rto: `${formatSeconds(s)}: failover to a ${c.standby} instance of the pool` };
  }
  if (replicasOf(c) > minHealthyOf(c)) {
    return { rtoSeconds: 0, rtoBasis: 'active-peer', rtoVia: c.id, rto: '0 s: the other instances of the pool keep serving' };
  }
  const alts = [...alternatives].map((id) => byId.get(id)!).filter(Boolean);
  const active = alts.filter((a) => !isStandby(a)).sort((a, b) => a.id.localeCompare(b.id));
  if (active.length > 0) {
    return { rtoSeconds: 0, rtoBasis: 'active-peer', rtoVia: active[0].id, rto: `0 s: "${active[0].id}" keeps serving` };
  }
  // The fastest standby takes over (ties to the smaller id), as the failover model says.
  const standbys = alts.sort((a, b) => failoverSecondsOf(a) - failoverSecondsOf(b) || a.id.localeCompare(b.id));
  if (standbys.length > 0) {
    const s = failoverSecondsOf(standbys[0]);
    return { rtoSeconds: s, rtoBasis: 'failover', rtoVia: standbys[0].id, rto: `${formatSeconds(s)}: failover to ${standbys[0].standby ?? 'warm'} standby "${standbys[0].id}"` };
  }
  const s = componentMttrHours(c) * 3600;
  return { rtoSeconds: s, rtoBasis: 'repair', rto: `${formatSeconds(s)}: no standby, the store itself must be repaired (MTTR)` };
}
