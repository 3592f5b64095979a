// Which drawn element carries an analysis mark. Callers pass the report's element ids
// (`lb1`, a pool's instance `app#2`, a failover event `failover:db2`, a domain, a link's
// id or `from->to`) or the canvas's keys; each is mapped to the card, container or link
// that draws it.
import { linkElementId, linkKey, type Topology } from '../../model';

export interface SvgMarks {
  /** Single points of failure: a red ring and a SPOF badge. */
  spof?: Iterable<string>;
  /** In a dangerous pair of failures (and not a SPOF): an amber ring. */
  pair?: Iterable<string>;
  /** Failed in a what-if: greyed and struck through. */
  failed?: Iterable<string>;
  /** Down as a consequence of a what-if: faded. */
  down?: Iterable<string>;
}

export interface ResolvedMarks {
  spof: Set<string>;
  pair: Set<string>;
  failed: Set<string>;
  down: Set<string>;
}

export function resolveMarks(doc: Topology, marks: SvgMarks | undefined): ResolvedMarks {
  const nodes = new Set([...doc.components.map((c) => c.id), ...doc.domains.map((d) => d.id)]);
  const links = new Map<string, string>();
  for (const l of doc.links) {
    links.set(linkKey(l), linkKey(l));
    if (l.type !== 'replication') links.set(linkElementId(l), linkKey(l));
  }
  // An instance or a failover event marks its pool or standby as a SPOF; a what-if failure of
  // one instance is not the failure of the whole pool, so failed and down take exact ids.
  const resolve = (ids: Iterable<string> | undefined, owners = true) => {
    const out = new Set<string>();
    for (const id of ids ?? []) {
      if (nodes.has(id)) out.add(id);
      else if (links.has(id)) out.add(links.get(id)!);
      else if (owners) {
        const owner = id.replace(/^failover:/, '').replace(/#\d+$/, '');
        if (nodes.has(owner)) out.add(owner);
      }
    }
    return out;
  };
  const spof = resolve(marks?.spof);
  const pair = resolve(marks?.pair);
  for (const id of spof) pair.delete(id);
  return { spof, pair, failed: resolve(marks?.failed, false), down: resolve(marks?.down, false) };
}
