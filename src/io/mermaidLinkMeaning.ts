// What a drawn edge between two components means: a dependency (which end calls which, and
// whether it is optional), a replication (and its mode), or nothing (two copies drawn side
// by side). The words on the edge decide first, then what the two ends are; the line style
// only where the words leave it open.
import type { ComponentKind, ReplicationMode, Role } from '../model';
import {
  ASYNC_WORDS, BACKUP_WORDS, CONSUME_LINK_WORDS, DATA_COPY_WORDS, FAILOVER_WORDS, MONITOR_LINK_WORDS, OPTIONAL_WORDS,
  REPLICATION_WORDS, SYNC_WORDS,
} from './mermaidWords';

export interface LinkEnd {
  id: string;
  kind: ComponentKind;
  role?: Role;
  /** The label's copy base (mermaidGuess.copyBase): equal for copies of one thing. */
  base: string;
  /** Off the users' serving path (monitoring, logs, CI/CD...), with the word that says so. */
  offPath?: string;
  /** A web tier the users reach directly (a single-page app): it calls the balancers, not the reverse. */
  frontend?: boolean;
}

export type LinkMeaning =
  | { type: 'replication'; from: string; to: string; mode: ReplicationMode; assumed: boolean; why: string }
  | { type: 'dependency'; from: string; to: string; optional: boolean; why?: string; assumed: boolean; directionWhy?: string }
  | { type: 'none'; why: string };

/** Who calls whom when the drawing does not say: users first, data last. */
const TIER: Record<ComponentKind, number> = {
  client: 0, dns: 1, cdn: 2, loadbalancer: 3, web: 4, app: 5, service: 5, cache: 6, queue: 6, external: 6, database: 7, storage: 7,
};
const DATA_KINDS = new Set<ComponentKind>(['database', 'cache', 'storage']);
/** A frontend the users reach directly sits between the CDN and the load balancers. */
const tierOf = (e: LinkEnd) => (e.frontend ? 2.5 : TIER[e.kind]);

export interface DrawnEdgeShape {
  /** arrow_point, arrow_open, double_arrow_point, ... */
  type: string;
  /** normal, thick, dotted */
  stroke: string;
  /** The label, decoded, on one line. */
  text: string;
}

export function linkMeaning(edge: DrawnEdgeShape, a: LinkEnd, b: LinkEnd): LinkMeaning {
  const { text, stroke } = edge;
  const twoHeaded = edge.type.startsWith('double_');
  const undirected = twoHeaded || edge.type === 'arrow_open';
  const label = text ? ` "${text}"` : '';
  if (a.id === b.id) return { type: 'none', why: 'a link from a node to itself' };

  const replication = replicationOf(text, a, b);
  if (replication) return replication;

  if (undirected && a.kind === b.kind && a.base !== '' && a.base === b.base) {
    return { type: 'none', why: `joins two copies of one ${a.kind} (peers drawn side by side): no dependency either way` };
  }

  // The caller: as drawn, or, with no arrowhead or one at each end, the end nearer the users.
  let [from, to] = [a, b];
  let directionWhy: string | undefined;
  if (undirected) {
    const how = twoHeaded ? 'a two-headed arrow' : 'a line without arrowhead';
    const name = (e: LinkEnd) => (e.frontend ? 'a frontend the users reach' : e.kind);
    if (tierOf(b) < tierOf(a)) {
      [from, to] = [b, a];
      directionWhy = `${how}: ${name(b)} calls ${name(a)} (users before load balancers before services before data)`;
    } else if (tierOf(a) < tierOf(b)) {
      directionWhy = `${how}: ${name(a)} calls ${name(b)} (users before load balancers before services before data)`;
    } else {
      directionWhy = `${how} between two of the same tier: the written order`;
    }
  }

  const dep = (optional: boolean, why: string | undefined, assumed = false): LinkMeaning => ({
    type: 'dependency', from: from.id, to: to.id, optional, ...(why ? { why } : {}), assumed, ...(directionWhy ? { directionWhy } : {}),
  });

  if (OPTIONAL_WORDS.test(text)) return dep(true, `labelled${label}`);
  const monitorWord = MONITOR_LINK_WORDS.exec(text)?.[0];
  // A load balancer's or a DNS's health checks choose where traffic goes: that is its path.
  if (monitorWord && from.kind !== 'loadbalancer' && from.kind !== 'dns') return dep(true, `"${monitorWord}": one end watches the other, off the users' path`);
  if (to.offPath) return dep(true, `${to.id} is off the users' serving path (the word "${to.offPath}")`);
  if (from.offPath) return dep(true, `${from.id} is off the users' serving path (the word "${from.offPath}"): nothing it reaches needs it`);
  const consumeWord = CONSUME_LINK_WORDS.exec(text)?.[0];
  if (from.kind === 'queue' && to.kind !== 'queue' && to.kind !== 'client') {
    return dep(true, `data flow out of a queue${consumeWord ? ` ("${consumeWord}")` : ''}: ${to.id} consumes it, off the users' path`);
  }
  if (consumeWord && (DATA_KINDS.has(from.kind) || from.kind === 'queue')) {
    return dep(true, `"${consumeWord}": ${to.id} takes work from ${from.id}, off the users' path`);
  }
  if (FAILOVER_WORDS.test(text)) return dep(false, `labelled${label}: the path taken on failover, an alternative`);
  if (stroke === 'dotted') return dep(false, `a dotted line${label || ' without words'}: a dependency (dotted means optional only when the words say so)`, true);
  return dep(false, undefined);
}

/** Replication by the words on the edge, or by the roles of its ends (primary -> replica). */
function replicationOf(text: string, a: LinkEnd, b: LinkEnd): LinkMeaning | undefined {
  // An export writes `optional: <label>` on optional dependencies, whatever the label says.
  if (/^\s*optional\b/i.test(text)) return undefined;
  const strong = REPLICATION_WORDS.exec(text)?.[0];
  const dataEnds = DATA_KINDS.has(a.kind) && DATA_KINDS.has(b.kind);
  const copyWord = DATA_COPY_WORDS.exec(text)?.[0];
  const byWords = strong ?? (copyWord && (dataEnds || a.kind === b.kind) ? copyWord : undefined);
  const standing = (r?: Role) => r === 'replica' || r === 'standby';
  const byRoles = !text && a.kind === b.kind && ((a.role === 'primary' && standing(b.role)) || (b.role === 'primary' && standing(a.role)));
  if (!byWords && !byRoles) return undefined;
  // The copy goes from the primary to its replica or standby, whichever way it was drawn.
  const [from, to] = standing(a.role) && a.kind === b.kind && !standing(b.role) ? [b, a] : [a, b];
  const mode: ReplicationMode = BACKUP_WORDS.test(text) ? 'backup' : SYNC_WORDS.test(text) ? 'sync' : 'async';
  const modeSaid = BACKUP_WORDS.test(text) || SYNC_WORDS.test(text) || ASYNC_WORDS.test(text);
  const why = byWords
    ? `labelled "${text}"${modeSaid ? '' : ', no mode word: async assumed'}`
    : `${from.id} is a primary and ${to.id} its ${to.role}: a link between them copies data (async assumed)`;
  return { type: 'replication', from: from.id, to: to.id, mode, assumed: !modeSaid, why };
}
