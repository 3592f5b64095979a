// Adds a copy of a component that stands in for it: the same callers depend on the copy
// in the same dependency group as the original (so they are alternatives), and the copy
// needs what the original needs. Shared by "add a hot standby" and "replicate into a
// second region".
import {
  groupResolver, linkType, replicationSets, type Component, type Link, type ReplicationMode, type Topology,
} from '../../model';
import { DATA_STORE_KINDS } from './structure';

const INTERCHANGEABLE = new Set(['dns', 'cdn', 'loadbalancer', 'web', 'app']);

/**
 * Returns a new document with `copy` added as an alternative of `original`.
 * Grouping follows the default rule of src/model/groups.ts: interchangeable kinds are
 * grouped by kind already; a data store is joined to the original by a replication link
 * (`replication` mode), which puts both in one `replicas:` group; any other kind gets the
 * original's group written out on both links.
 */
export function addAlternative(t: Topology, original: Component, copy: Component, replication: ReplicationMode): Topology {
  const groupOf = groupResolver(t);
  const dataStore = DATA_STORE_KINDS.has(original.kind);
  const pinGroup = !INTERCHANGEABLE.has(original.kind) && !dataStore;
  const links: Link[] = t.links.map((l) => {
    // A service's callers keep their group by name once the copy joins it.
    if (pinGroup && linkType(l) === 'dependency' && l.to === original.id && l.group === undefined) return { ...l, group: groupOf(l) };
    return l;
  });
  const added: Link[] = [];
  for (const l of t.links) {
    if (linkType(l) !== 'dependency') continue;
    if (l.to === original.id) added.push(strip({ ...l, to: copy.id, group: pinGroup ? (l.group ?? groupOf(l)) : l.group }));
    else if (l.from === original.id) added.push(strip({ ...l, from: copy.id }));
  }
  let components = [...t.components, copy];
  if (dataStore) {
    added.push({ from: original.id, to: copy.id, type: 'replication', mode: replication });
    // Without a replication set the callers' group was `component:<id>`; it becomes
    // `replicas:<id>` (the copy's id sorts after the original's, so the set keeps its
    // name). Requirements naming the old group follow the rename.
    if (!replicationSets(t).has(original.id)) components = renameRequirement(components, `component:${original.id}`, `replicas:${original.id}`);
  }
  // No position: the copy may sit in another container than the original, and the editor
  // places a node without one beside its twin (src/store/placement.ts).
  return { ...t, components, links: [...links, ...added] };
}

/** A copied link keeps its meaning, not its id (ids are unique). */
function strip(l: Link): Link {
  const { id: _id, ...rest } = l;
  if (rest.group === undefined) delete rest.group;
  return rest;
}

function renameRequirement(components: Component[], from: string, to: string): Component[] {
  return components.map((c) => {
    if (!c.requires || !Object.hasOwn(c.requires, from)) return c;
    const { [from]: req, ...rest } = c.requires;
    return { ...c, requires: { ...rest, [to]: req } };
  });
}
