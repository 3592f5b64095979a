// The one step every importer ends in: the intermediate list (types.ts) becomes a validated
// topology (format version 2), with clients in front of the entries, alternatives for copies
// and standbys, and a note for everything inferred, assumed or left out (DESIGN section 7).
import {
  CURRENT_VERSION, DOMAIN_PRESETS, FORMAT, formatProblem, KIND_PRESETS, parseTopology,
  type Component, type ComponentKind, type DomainKind, type FailureDomain, type Link, type Topology,
} from '../model';
import type { ImportNote, ImportSource } from './notes';
import type { ImportedComponent, ImportedLink, ImportedSystem } from './types';
import { wordList } from './values';

export type BuildResult =
  | { ok: true; topology: Topology; notes: ImportNote[] }
  | { ok: false; errors: string[]; notes: ImportNote[] };

/** Kinds the engine already groups as alternatives by kind (DESIGN section 2, "Links"). */
const GROUPED_BY_KIND = new Set<ComponentKind>(['dns', 'cdn', 'loadbalancer', 'web', 'app']);

export function buildTopology(system: ImportedSystem): BuildResult {
  const notes: ImportNote[] = [...system.notes];
  const byId = new Map<string, ImportedComponent>();
  for (const c of system.components) {
    if (byId.has(c.id)) {
      notes.push({ kind: 'warning', subject: c.id, source: c.source, message: 'defined twice: the second definition is left out' });
      continue;
    }
    byId.set(c.id, c);
  }
  const links = keptLinks(system.links, byId, notes);
  addAlternatives(links, byId, notes);
  const groups = copyGroups(links, byId, notes);
  keepCopiesRequired(links, byId, groups, notes);
  const clients = entryClients(links, byId, notes);
  const components: Component[] = [...clients.components, ...[...byId.values()].map(toComponent)];
  for (const c of byId.values()) {
    if (c.availability) notes.push({ kind: 'assumed', subject: c.id, source: c.source, message: `availability ${percent(c.availability.value)} (${c.availability.source})` });
  }
  const topologyLinks: Link[] = [
    ...clients.links,
    ...links.map((l) => linkOf(l, groups.get(l))),
  ];
  reportUnreached(components, topologyLinks, notes);
  const usedDomains = new Set(components.flatMap((c) => c.domains ?? (c.domain ? [c.domain] : [])));
  const domains = domainsInUse(system, usedDomains);
  presetNotes(components, domains, notes);

  const doc = {
    format: FORMAT,
    version: CURRENT_VERSION,
    name: system.name ?? 'Imported design',
    domains,
    components,
    links: topologyLinks,
  };
  // The same parse as a file: an importer's mistake shows as an error, never as a broken design.
  const parsed = parseTopology(doc);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map(formatProblem), notes };
  return { ok: true, topology: parsed.topology, notes: inReadingOrder(notes) };
}

/** Self links and links to nothing are reported and left out; a link said twice is kept once. */
function keptLinks(links: ImportedLink[], byId: Map<string, ImportedComponent>, notes: ImportNote[]): ImportedLink[] {
  const seen = new Set<string>();
  const out: ImportedLink[] = [];
  for (const l of links) {
    if (l.from === l.to) {
      notes.push({ kind: 'warning', subject: l.from, source: l.source, message: `${l.reason} names itself: no link` });
      continue;
    }
    const missing = [l.from, l.to].find((id) => !byId.has(id));
    if (missing !== undefined) {
      notes.push({ kind: 'warning', subject: l.from, source: l.source, message: `${l.reason} names ${missing}, which is not in the files: left out` });
      continue;
    }
    const key = `${l.type ?? 'dependency'}\u0000${l.from}\u0000${l.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(l);
    notes.push({
      kind: 'inferred',
      subject: l.from,
      source: l.source,
      message: l.type === 'replication'
        ? `replicates to ${l.to}${l.mode ? ` (${l.mode})` : ''}: ${l.reason}`
        : `depends on ${l.to}${l.optional ? ' (optional)' : ''}: ${l.reason}`,
    });
  }
  return out;
}

/** A standby or replica that stands in for `of`: whatever depends on `of` may use it too. */
function addAlternatives(links: ImportedLink[], byId: Map<string, ImportedComponent>, notes: ImportNote[]): void {
  for (const alt of byId.values()) {
    if (!alt.alternativeTo || !byId.has(alt.alternativeTo)) continue;
    const callers = links.filter((l) => (l.type ?? 'dependency') === 'dependency' && l.to === alt.alternativeTo);
    for (const l of callers) {
      if (links.some((x) => x.from === l.from && x.to === alt.id && (x.type ?? 'dependency') === 'dependency')) continue;
      links.push({ ...l, to: alt.id, reason: `${alt.id} takes over for ${alt.alternativeTo}` });
    }
    if (callers.length) {
      notes.push({ kind: 'inferred', subject: alt.id, source: alt.source, message: `reached by ${wordList([...new Set(callers.map((l) => l.from))])} when ${alt.alternativeTo} fails over to it` });
    }
  }
}

/**
 * Copies of one another (same image, same build) are alternatives to their callers. The
 * engine groups web, app and load balancer targets by kind already; other kinds need a group.
 */
function copyGroups(links: ImportedLink[], byId: Map<string, ImportedComponent>, notes: ImportNote[]): Map<ImportedLink, string> {
  const groupOf = new Map<ImportedLink, string>();
  const bySource = new Map<string, ImportedLink[]>();
  for (const l of links) {
    const target = byId.get(l.to);
    if ((l.type ?? 'dependency') !== 'dependency' || !target?.copiesOf) continue;
    const key = `${l.from}\u0000${target.copiesOf}`;
    bySource.set(key, [...(bySource.get(key) ?? []), l]);
  }
  for (const [key, ls] of bySource) {
    if (ls.length < 2) continue;
    const target = byId.get(ls[0].to)!;
    const set = target.copiesOf!;
    const from = key.split('\u0000')[0];
    if (!GROUPED_BY_KIND.has(target.kind)) for (const l of ls) groupOf.set(l, `copies:${set}`);
    notes.push({
      kind: 'inferred',
      subject: from,
      source: ls[0].source,
      message: `${wordList(ls.map((l) => l.to))} are copies of one another (${set}): alternatives, any one serves`,
    });
  }
  return groupOf;
}

/**
 * The engine takes targets joined by replication for alternatives (DESIGN section 2). When
 * nothing in the files says one takes over for another (a read replica, a Redis follower),
 * a caller of both needs both: each link keeps a group of its own.
 */
function keepCopiesRequired(links: ImportedLink[], byId: Map<string, ImportedComponent>, groups: Map<ImportedLink, string>, notes: ImportNote[]): void {
  const setOf = new Map<string, string>();
  const find = (id: string): string => {
    const p = setOf.get(id) ?? id;
    if (p === id) return id;
    const root = find(p);
    setOf.set(id, root);
    return root;
  };
  const replicated = new Set<string>();
  for (const l of links) {
    if (l.type !== 'replication') continue;
    replicated.add(l.from).add(l.to);
    const a = find(l.from);
    const b = find(l.to);
    if (a !== b) setOf.set(a, b);
  }
  const withTakeover = new Set([...byId.values()].filter((c) => c.alternativeTo).flatMap((c) => [find(c.id), find(c.alternativeTo!)]));
  const noted = new Set<string>();
  for (const l of links) {
    if ((l.type ?? 'dependency') !== 'dependency' || groups.has(l) || !replicated.has(l.to)) continue;
    const set = find(l.to);
    if (withTakeover.has(set)) continue;
    const siblings = links.filter((x) => x.from === l.from && (x.type ?? 'dependency') === 'dependency' && x.to !== l.to && find(x.to) === set);
    if (siblings.length === 0) continue;
    groups.set(l, `component:${l.to}`);
    if (!noted.has(`${l.from}\u0000${set}`)) {
      noted.add(`${l.from}\u0000${set}`);
      notes.push({ kind: 'assumed', subject: l.from, source: l.source, message: `${wordList([l.to, ...siblings.map((x) => x.to)])} hold copies of the same data, but nothing in the files says one takes over for another: ${l.from} needs each of them` });
    }
  }
}

/** A client in front of each entry that nothing imported depends on (DESIGN section 7, "Entries"). */
function entryClients(links: ImportedLink[], byId: Map<string, ImportedComponent>, notes: ImportNote[]): { components: Component[]; links: Link[] } {
  const called = new Map<string, string[]>();
  for (const l of links) if ((l.type ?? 'dependency') === 'dependency') called.set(l.to, [...(called.get(l.to) ?? []), l.from]);
  const entries = [...byId.values()].filter((c) => c.entry);
  const fronted: ImportedComponent[] = [];
  for (const c of entries) {
    const callers = called.get(c.id);
    if (callers?.length) {
      notes.push({ kind: 'inferred', subject: c.id, source: c.entry!.source, message: `${c.entry!.reason}, but ${wordList(callers)} call${callers.length === 1 ? 's' : ''} it: no client of its own` });
    } else fronted.push(c);
  }
  const taken = new Set(byId.keys());
  const components: Component[] = [];
  const out: Link[] = [];
  for (const c of fronted) {
    let id = fronted.length === 1 ? 'users' : `users-${c.id}`;
    while (taken.has(id)) id = `${id}-client`;
    taken.add(id);
    components.push({ id, kind: 'client', label: fronted.length === 1 ? 'Users' : `Users of ${c.label ?? c.id}` });
    out.push({ from: id, to: c.id });
    notes.push({ kind: 'inferred', subject: c.id, source: c.entry!.source, message: `entry (${c.entry!.reason}): client ${id} in front of it` });
  }
  return { components, links: out };
}

function reportUnreached(components: Component[], links: Link[], notes: ImportNote[]): void {
  const clients = components.filter((c) => c.kind === 'client').map((c) => c.id);
  if (clients.length === 0) {
    notes.push({ kind: 'warning', message: 'no entry found (no published port, public load balancer or Ingress): the analysis starts from the entry points it finds' });
    return;
  }
  const out = new Map<string, string[]>();
  for (const l of links) if ((l.type ?? 'dependency') === 'dependency') out.set(l.from, [...(out.get(l.from) ?? []), l.to]);
  const reached = new Set(clients);
  const queue = [...clients];
  while (queue.length) for (const next of out.get(queue.pop()!) ?? []) if (!reached.has(next)) { reached.add(next); queue.push(next); }
  for (const c of components) {
    if (!reached.has(c.id)) notes.push({ kind: 'warning', subject: c.id, message: 'unreached: no entry leads to it (its callers may live outside the files, or in code the files do not show)' });
  }
}

function toComponent(c: ImportedComponent): Component {
  const out: Component = { id: c.id, kind: c.kind };
  if (c.label !== undefined && c.label !== c.id) out.label = c.label;
  if (c.availability) out.availability = c.availability.value;
  if (c.replicas !== undefined && c.replicas !== 1) out.replicas = c.replicas;
  if (c.minHealthy !== undefined && c.minHealthy !== 1) out.minHealthy = c.minHealthy;
  if (c.domains?.length === 1) out.domain = c.domains[0];
  else if (c.domains && c.domains.length > 1) out.domains = c.domains;
  if (c.role && c.role !== 'primary') out.role = c.role;
  if (c.standby) out.standby = c.standby;
  if (c.failoverSeconds !== undefined) out.failoverSeconds = c.failoverSeconds;
  return out;
}

function linkOf(l: ImportedLink, group: string | undefined): Link {
  const out: Link = { from: l.from, to: l.to };
  if (l.type === 'replication') {
    out.type = 'replication';
    if (l.mode) out.mode = l.mode;
    if (l.lagSeconds !== undefined) out.lagSeconds = l.lagSeconds;
  }
  if (l.optional) out.optional = true;
  if (group) out.group = group;
  return out;
}

/** The domains components sit in, with their parents; order as imported. */
function domainsInUse(system: ImportedSystem, used: Set<string>): FailureDomain[] {
  const byId = new Map(system.domains.map((d) => [d.id, d]));
  const keep = new Set<string>();
  for (const id of used) {
    for (let d = byId.get(id); d && !keep.has(d.id); d = d.parent ? byId.get(d.parent) : undefined) keep.add(d.id);
  }
  return system.domains.filter((d) => keep.has(d.id)).map((d) => {
    const out: FailureDomain = { id: d.id, kind: d.kind };
    if (d.label !== undefined && d.label !== d.id) out.label = d.label;
    if (d.parent !== undefined && keep.has(d.parent)) out.parent = d.parent;
    return out;
  });
}

/**
 * Availabilities come from the presets: one assumption per kind, with the preset's source,
 * naming its elements first ("redis: availability 99.5% ... from the cache preset"). A kind
 * with one element is a note about that element; several share one note (a large estate
 * would otherwise list one line per component).
 */
function presetNotes(components: Component[], domains: FailureDomain[], notes: ImportNote[]): void {
  const byKind = new Map<ComponentKind, string[]>();
  for (const c of components) {
    if (c.kind === 'client' || c.availability !== undefined) continue;
    byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c.id]);
  }
  for (const [kind, ids] of byKind) {
    const p = KIND_PRESETS[kind];
    notes.push(presetNote(ids, `availability ${percent(p.availability)} per instance${ids.length > 1 ? ' each' : ''}, from the ${kind} preset (${p.source})`));
  }
  const byDomainKind = new Map<DomainKind, string[]>();
  for (const d of domains) byDomainKind.set(d.kind, [...(byDomainKind.get(d.kind) ?? []), d.id]);
  for (const [kind, ids] of byDomainKind) {
    const p = DOMAIN_PRESETS[kind];
    notes.push(presetNote(ids, `availability ${percent(p.availability)}${ids.length > 1 ? ' each' : ''}, from the ${kind} preset (${p.source})`));
  }
}

function presetNote(ids: string[], what: string): ImportNote {
  return ids.length === 1
    ? { kind: 'assumed', subject: ids[0], message: what }
    : { kind: 'assumed', message: `${listed(ids)}: ${what}` };
}

function listed(ids: string[]): string {
  return ids.length <= 6 ? wordList(ids) : `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more`;
}

function percent(a: number): string {
  return `${Number((a * 100).toPrecision(6))}%`;
}

/** A note's source for something read at one line of one file. */
export function at(file: string, line: number | undefined): ImportSource {
  return line === undefined ? { file } : { file, line };
}

/** Notes by file and line, as a person reads the files; those about the whole design last. */
function inReadingOrder(notes: ImportNote[]): ImportNote[] {
  const files = [...new Set(notes.flatMap((n) => (n.source ? [n.source.file] : [])))];
  const rank = (n: ImportNote) => (n.source ? files.indexOf(n.source.file) : files.length);
  return notes
    .map((n, i) => ({ n, i }))
    .sort((a, b) => rank(a.n) - rank(b.n) || (a.n.source?.line ?? 0) - (b.n.source?.line ?? 0) || a.i - b.i)
    .map((x) => x.n);
}
