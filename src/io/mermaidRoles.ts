// What a diagram means beyond each edge, read once all links are known: a standby stands
// behind its primary for the primary's callers; replicas with no primary are shards; copies
// of one thing are alternatives and distinct services are not. Only components and links
// the import guessed are touched (an export's `%% spof:` comments already say all of it).
import { isInterchangeableKind, linkType, type Component, type ComponentKind, type Link } from '../model';
import { copyBase } from './mermaidGuess';
import type { MermaidNotes } from './mermaidNotes';
import { FAILOVER_WORDS, SHARD_WORDS } from './mermaidWords';

const DATA_KINDS = new Set<ComponentKind>(['database', 'cache', 'storage']);

export function readRoles(components: Component[], links: Link[], saved: Set<string>, notes: MermaidNotes): void {
  const guessed = components.filter((c) => !saved.has(c.id));
  impliedReplication(guessed, components, links, notes);
  standbysBehindPrimaries(guessed, components, links, notes);
  readReplicasBesidePrimaries(components, links, saved, notes);
  failoverAlternatives(components, links, saved, notes);
  groupsOfAlternatives(components, links, saved, notes);
}

/**
 * A link labelled for failover ("Failover on 5xx", "DR") is the way taken when the source's
 * primary target fails: its target and the source's other targets of the same kind (or the
 * one labelled primary) are alternatives, whatever the kind (two Lambda URLs in two regions
 * behind an origin group are not each required).
 */
function failoverAlternatives(all: Component[], links: Link[], saved: Set<string>, notes: MermaidNotes): void {
  const kindOf = new Map(all.map((c) => [c.id, c.kind]));
  const open = (l: Link) => linkType(l) === 'dependency' && !l.optional && l.group === undefined && !(saved.has(l.from) && saved.has(l.to));
  for (const f of links.filter((l) => open(l) && FAILOVER_WORDS.test(l.label ?? ''))) {
    if (f.group !== undefined) continue;
    const partners = links.filter((l) => l !== f && l.from === f.from && open(l) && !FAILOVER_WORDS.test(l.label ?? '') && (kindOf.get(l.to) === kindOf.get(f.to) || /\bprimary\b/i.test(l.label ?? '')));
    if (partners.length === 0) continue;
    const group = `failover:${partners[0].to}`;
    for (const l of [...partners, f]) l.group = group;
    notes.link(f, 'inferred', `an alternative to ${partners.map((l) => l.to).join(', ')}: the way taken when ${partners.length === 1 ? 'it fails' : 'they fail'} (labelled "${f.label}")`, { field: 'group' });
  }
}

/**
 * A caller drawn to a primary and to its read replica writes to the one and reads from the
 * other: the replica does not take over for the primary (no failover word made it a
 * standby). The primary stays required; the reads degrade, or go to the primary, when the
 * replica fails.
 */
function readReplicasBesidePrimaries(all: Component[], links: Link[], saved: Set<string>, notes: MermaidNotes): void {
  const byId = new Map(all.map((c) => [c.id, c]));
  for (const l of links) {
    const r = byId.get(l.to);
    if (linkType(l) !== 'dependency' || r?.role !== 'replica' || l.optional || (saved.has(l.from) && saved.has(l.to))) continue;
    const set = replicationSet(r.id, links);
    const primary = links.find((x) => linkType(x) === 'dependency' && x.from === l.from && x !== l && set.has(x.to) && byId.get(x.to)?.role !== 'replica' && byId.get(x.to)?.role !== 'standby');
    if (!primary) continue;
    l.optional = true;
    notes.link(l, 'inferred', `optional: ${l.from} reads from the read replica ${r.id} and needs ${primary.to} all the same (a read replica does not take over without a failover word)`, { field: 'optional' });
  }
}

/** The components joined to `id` by replication links, `id` included. */
function replicationSet(id: string, links: Link[]): Set<string> {
  const set = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const l of links) {
      if (linkType(l) !== 'replication') continue;
      if (set.has(l.from) !== set.has(l.to)) {
        set.add(l.from);
        set.add(l.to);
        grew = true;
      }
    }
  }
  return set;
}

/**
 * A standby drawn beside its primary without a replication edge (`Primary` and `Standby` in
 * one PostgreSQL subgraph) is a copy of it all the same: async replication, assumed.
 */
function impliedReplication(guessed: Component[], all: Component[], links: Link[], notes: MermaidNotes): void {
  for (const s of guessed) {
    if (s.role !== 'standby' || !DATA_KINDS.has(s.kind) || replicationSet(s.id, links).size > 1) continue;
    const sameKind = all.filter((p) => p.id !== s.id && p.kind === s.kind && p.role !== 'standby' && p.role !== 'replica');
    const near = sameKind.filter((p) => (p.domain ?? '') === (s.domain ?? ''));
    const candidates = near.length > 0 ? near : sameKind;
    const primaries = candidates.filter((p) => p.role === 'primary');
    const p = primaries.length === 1 ? primaries[0] : candidates.length === 1 ? candidates[0] : undefined;
    if (!p) continue;
    const link: Link = { from: p.id, to: s.id, type: 'replication', mode: 'async' };
    links.push(link);
    notes.link(link, 'assumed', `async replication from ${p.id} (a ${s.kind} standby beside its ${p.role ?? 'only'} ${p.kind}, no replication drawn)`, { field: 'type' });
  }
}

/**
 * A standby takes over for its primary's callers: link each caller of the primary to the
 * standby too (same group by the rule of copies of the same data), instead of leaving the
 * standby behind nothing. Warm unless its words say hot or cold.
 */
function standbysBehindPrimaries(guessed: Component[], all: Component[], links: Link[], notes: MermaidNotes): void {
  const byId = new Map(all.map((c) => [c.id, c]));
  for (const s of guessed) {
    if (s.role !== 'standby') continue;
    if (!s.standby) {
      s.standby = 'warm';
      notes.component(s.id, 'assumed', 'warm standby (no hot, warm or cold word: warm by default)', { field: 'role' });
    }
    const primaries = [...replicationSet(s.id, links)].filter((id) => id !== s.id && byId.get(id)?.role !== 'standby');
    const added: string[] = [];
    for (const p of primaries) {
      for (const l of links.filter((x) => linkType(x) === 'dependency' && x.to === p && x.from !== s.id)) {
        if (links.some((x) => linkType(x) === 'dependency' && x.from === l.from && x.to === s.id)) continue;
        links.push({ from: l.from, to: s.id, ...(l.optional ? { optional: true } : {}), ...(l.group ? { group: l.group } : {}) });
        added.push(l.from);
      }
    }
    if (added.length > 0) {
      notes.component(s.id, 'inferred', `stands behind ${primaries.join(', ')} for ${added.join(', ')} (linked from each, ${s.standby} failover)`, { field: 'role' });
    }
  }
}

/**
 * A component's dependency links to targets of one default group (DESIGN section 2) are
 * alternatives. That is right for copies ("App server 1/2", the same tier in two regions) and
 * wrong for distinct services that got the same kind (a frontend and a feature-flag UI):
 * those get groups of their own. Copies of a data store drawn without replication (three
 * "Database server" behind one balancer) are alternatives; shards and replicas with no
 * primary are each required.
 */
function groupsOfAlternatives(all: Component[], links: Link[], saved: Set<string>, notes: MermaidNotes): void {
  const byId = new Map(all.map((c) => [c.id, c]));
  const baseOf = (id: string) => copyBase(byId.get(id)!.label ?? id);
  // Each source's links, gathered in one pass (a filter of every link per source was quadratic).
  const bySource = new Map<string, Link[]>();
  for (const l of links) {
    const list = bySource.get(l.from);
    if (list) list.push(l);
    else bySource.set(l.from, [l]);
  }
  for (const outgoing of bySource.values()) {
    const own = outgoing.filter((l) => linkType(l) === 'dependency' && l.group === undefined && !(saved.has(l.from) && saved.has(l.to)));
    const byKind = new Map<ComponentKind, Link[]>();
    for (const l of own) {
      const k = byId.get(l.to)!.kind;
      if (!byKind.has(k)) byKind.set(k, []);
      byKind.get(k)!.push(l);
    }
    for (const [kind, group] of byKind) {
      if (group.length < 2) continue;
      const classes = new Map<string, Link[]>();
      for (const l of group) classes.set(baseOf(l.to), [...(classes.get(baseOf(l.to)) ?? []), l]);
      if (isInterchangeableKind(kind)) {
        if (classes.size < 2) continue;
        for (const [base, members] of classes) {
          for (const l of members) {
            l.group = `${kind}:${members[0].to}`;
            const others = group.filter((x) => !members.includes(x)).map((x) => x.to);
            notes.link(l, 'inferred', `its own group: ${l.to} ("${base || l.to}") is not a copy of ${others.join(', ')}, so not an alternative to it`, { field: 'group' });
          }
        }
        continue;
      }
      for (const [, members] of classes) {
        if (members.length < 2) continue;
        const ids = members.map((l) => l.to);
        const shard = ids.some((id) => SHARD_WORDS.test(byId.get(id)!.label ?? id));
        const joined = replicationSet(ids[0], links);
        const allReplicas = ids.every((id) => byId.get(id)!.role === 'replica') && ![...joined].some((id) => byId.get(id)!.role === 'primary');
        if (shard || (allReplicas && ids.every((id) => joined.has(id)))) {
          for (const l of members) {
            l.group = `component:${l.to}`;
            notes.link(l, 'inferred', `required on its own: ${ids.join(', ')} ${shard ? 'are shards' : 'are replicas with no primary: shards'}, each holding its own data`, { field: 'group' });
          }
        } else if (!ids.every((id) => joined.has(id)) && DATA_KINDS.has(kind)) {
          for (const l of members) {
            l.group = `copies:${ids[0]}`;
            notes.link(l, 'assumed', `an alternative to ${ids.filter((x) => x !== l.to).join(', ')}: copies of one ${kind} (same name but for a number or a mark), a replicated cluster assumed`, { field: 'group' });
          }
        }
      }
    }
  }
}
