// `requires` names dependency groups, and a move can rename a group without changing
// it: a data store that gains a replication partner moves its callers' group from
// `component:<id>` to `replicas:<id>`, and a copied component's groups are named after
// its copied targets. Requirements follow their group to its new name.
import { groupResolver, keyedCopy, linkType, type Link, type Topology } from '../../model';

/** `after` with every `requires` key renamed to the group its links now form (copies: `copyOf` maps originals to copies). */
export function followGroupRenames(before: Topology, after: Topology, copyOf: ReadonlyMap<string, string> = new Map()): Topology {
  if (!after.components.some((c) => c.requires)) return after;
  const groupBefore = groupResolver(before);
  const groupAfter = groupResolver(after);
  const originalOf = new Map([...copyOf].map(([o, c]) => [c, o]));
  const required = (l: Link) => linkType(l) === 'dependency' && !l.optional;
  let changed = false;
  const components = after.components.map((c) => {
    if (!c.requires) return c;
    const orig = originalOf.get(c.id) ?? c.id;
    let renamed = false;
    const entries = Object.entries(c.requires).map(([g, req]) => {
      const l = before.links.find((x) => required(x) && x.from === orig && groupBefore(x) === g);
      const to = l && (orig === c.id ? l.to : copyOf.get(l.to) ?? l.to);
      const now = l && after.links.find((x) => required(x) && x.from === c.id && x.to === to);
      const name = now ? groupAfter(now) : g;
      if (name !== g) renamed = true;
      return [name, req] as const;
    });
    if (!renamed) return c;
    changed = true;
    // Group names are the user's: a group "__proto__" is an entry like any other (keyed.ts).
    return { ...c, requires: keyedCopy(entries) };
  });
  return changed ? { ...after, components } : after;
}
