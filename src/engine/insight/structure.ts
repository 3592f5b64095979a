// Facts about a topology's structure that several insight rules share: who depends on
// whom by group, where instances sit (zone and region), who is reachable from a client.
import {
  domainAncestors, groupResolver, instanceDomain, instanceId, isStandby, linkType, named, replicasOf,
  type Component, type ComponentKind, type FailureDomain, type Topology,
} from '../../model';
import { numberText } from '../../model/limits';
import { addBit, has } from '../closures';
import { csr, type Csr } from '../csr';

// Documents are immutable values here: facts derived from one are computed once per rule
// run and shared (a 1,000-component design would otherwise rescan its links per question).
const cache = new WeakMap<Topology, Map<string, unknown>>();

export function memo<T>(t: Topology, key: string, compute: () => T): T {
  let m = cache.get(t);
  if (!m) cache.set(t, (m = new Map()));
  if (!m.has(key)) m.set(key, compute());
  return m.get(key) as T;
}

export const DATA_STORE_KINDS: ReadonlySet<ComponentKind> = new Set(['database', 'cache', 'storage', 'queue']);
/** Domain kinds that play the part of an availability zone. */
export const ZONE_KINDS: ReadonlySet<string> = new Set(['zone', 'datacenter']);

export function componentMap(t: Topology): Map<string, Component> {
  return memo(t, 'components', () => new Map(t.components.map((c) => [c.id, c])));
}

export function domainMap(t: Topology): Map<string, FailureDomain> {
  return memo(t, 'domains', () => new Map(t.domains.map((d) => [d.id, d])));
}

// Names in words: one rule for the findings, the CLI and the app (src/model/names.ts).
export { labelOf, named } from '../../model';

/** Names a message lists before "and N more". */
const NAMED = 5;

/** "a, b, c", or the first few and how many more: 200 clients in each of 80,000 messages was 16 million names. */
export function namesOf(t: Topology, ids: readonly string[]): string {
  if (ids.length <= NAMED) return ids.map((id) => named(t, id)).join(', ');
  return `${ids.slice(0, NAMED).map((id) => named(t, id)).join(', ')} and ${(ids.length - NAMED).toLocaleString('en-US')} more`;
}

/** source id -> group name -> required (non-optional) dependency targets. */
export function requiredGroups(t: Topology): Map<string, Map<string, string[]>> {
  const groupOf = groupResolver(t);
  const out = new Map<string, Map<string, string[]>>();
  for (const l of t.links) {
    if (linkType(l) !== 'dependency' || l.optional) continue;
    const g = groupOf(l);
    if (!out.has(l.from)) out.set(l.from, new Map());
    const byGroup = out.get(l.from)!;
    if (!byGroup.has(g)) byGroup.set(g, []);
    if (!byGroup.get(g)!.includes(l.to)) byGroup.get(g)!.push(l.to);
  }
  return out;
}

/** The other members of every required group `id` belongs to (its alternatives). */
export function alternativesOf(t: Topology, id: string): ReadonlySet<string> {
  return alternativesIndex(t).get(id) ?? NONE;
}

const NONE: ReadonlySet<string> = new Set();

/** Every component's alternatives, from one pass over the required groups. */
function alternativesIndex(t: Topology): Map<string, Set<string>> {
  return memo(t, 'alternatives', () => {
    const out = new Map<string, Set<string>>();
    for (const byGroup of requiredGroups(t).values()) {
      for (const targets of byGroup.values()) {
        if (targets.length < 2) continue;
        for (const id of targets) {
          let set = out.get(id);
          if (!set) out.set(id, (set = new Set()));
          for (const x of targets) if (x !== id) set.add(x);
        }
      }
    }
    return out;
  });
}

/** The replication links that touch each component. */
export function replicationLinksOf(t: Topology, id: string): readonly Topology['links'][number][] {
  return memo(t, 'replicationLinks', () => {
    const out = new Map<string, Topology['links'][number][]>();
    for (const l of t.links) {
      if (linkType(l) !== 'replication') continue;
      for (const end of [l.from, l.to]) {
        if (!out.has(end)) out.set(end, []);
        out.get(end)!.push(l);
      }
    }
    return out;
  }).get(id) ?? [];
}

/** The nearest enclosing domain (the placement itself included) of one of `kinds`. */
export function enclosing(t: Topology, domainId: string | undefined, kinds: ReadonlySet<string>): FailureDomain | undefined {
  if (domainId === undefined) return undefined;
  const byId = domainMap(t);
  const ancestors = memo(t, `ancestors:${domainId}`, () => domainAncestors(t, domainId));
  for (const id of ancestors) {
    const d = byId.get(id);
    if (d && kinds.has(d.kind)) return d;
  }
  return undefined;
}

const REGION = new Set(['region']);

/** For each domain, its own or nearest enclosing zone and region: asked for every instance of every pool. */
function placementIndex(t: Topology): Map<string, { zone?: string; region?: string }> {
  return memo(t, 'placement', () => new Map(t.domains.map((d) => [d.id, {
    zone: enclosing(t, d.id, ZONE_KINDS)?.id,
    region: enclosing(t, d.id, REGION)?.id,
  }])));
}

export function zoneOf(t: Topology, domainId: string | undefined): string | undefined {
  return domainId === undefined ? undefined : placementIndex(t).get(domainId)?.zone;
}

export function regionOf(t: Topology, domainId: string | undefined): string | undefined {
  return domainId === undefined ? undefined : placementIndex(t).get(domainId)?.region;
}

/** The placement of each instance of a component, counted from 1. */
export function instancePlacements(c: Component): (string | undefined)[] {
  return Array.from({ length: replicasOf(c) }, (_, i) => instanceDomain(c, i + 1));
}

/** The element ids that fail every instance of a component (its id when it has one instance). */
export function componentElements(c: Component): string[] {
  const n = replicasOf(c);
  return n === 1 ? [c.id] : Array.from({ length: n }, (_, i) => instanceId(c.id, i + 1));
}

/** The component an element belongs to: itself, or the pool of an instance `id#i`. */
export function componentOfElement(t: Topology, elementId: string): Component | undefined {
  const byId = componentMap(t);
  const direct = byId.get(elementId);
  if (direct) return direct;
  const hash = elementId.lastIndexOf('#');
  if (hash < 0) return undefined;
  return byId.get(elementId.slice(0, hash));
}

/** Zone and region ids that hold at least one instance of a non-client component. */
export function occupiedDomains(t: Topology): { zones: Set<string>; regions: Set<string> } {
  const zones = new Set<string>();
  const regions = new Set<string>();
  for (const c of t.components) {
    if (c.kind === 'client') continue;
    for (const p of instancePlacements(c)) {
      const z = zoneOf(t, p);
      const r = regionOf(t, p);
      if (z) zones.add(z);
      if (r) regions.add(r);
    }
  }
  return { zones, regions };
}

/**
 * Components reachable from the clients along dependency links (optional ones too) and
 * along replication links both ways: the rule validation uses for "unreachable".
 */
export function reachableFromClients(t: Topology, from: string[] = t.components.filter((c) => c.kind === 'client').map((c) => c.id)): Set<string> {
  const next = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    if (!next.has(a)) next.set(a, []);
    next.get(a)!.push(b);
  };
  for (const l of t.links) {
    add(l.from, l.to);
    if (linkType(l) === 'replication') add(l.to, l.from);
  }
  const seen = new Set(from);
  const stack = [...from];
  while (stack.length) {
    for (const n of next.get(stack.pop()!) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return seen;
}

/**
 * Components reachable from each component along dependency links, optional ones included,
 * as bit sets over the document's components: `reaches(from, to)`. A source's set is made on
 * its first question; 200 clients of a 20,000-component estate each held a Set of up to
 * 20,000 ids (1.8 s and most of a second of collections in its degradations).
 */
export function dependencyReach(t: Topology): { reaches(from: string, to: string): boolean } {
  return memo(t, 'dependencyReach', () => {
    const n = t.components.length;
    const index = new Map(t.components.map((c, i) => [c.id, i]));
    const rows: number[] = [];
    const targets: number[] = [];
    for (const l of t.links) {
      if (linkType(l) !== 'dependency') continue;
      const from = index.get(l.from);
      const to = index.get(l.to);
      // A link into or out of no component leads nowhere further (the document is validated).
      if (from === undefined || to === undefined) continue;
      rows.push(from);
      targets.push(to);
    }
    const { start, items } = csr(n, rows, targets);
    const words = (n + 31) >>> 5;
    const bySource = new Map<number, Int32Array>();
    const stack = new Int32Array(n);
    const reachOf = (source: number): Int32Array => {
      let seen = bySource.get(source);
      if (seen) return seen;
      seen = new Int32Array(words);
      addBit(seen, source);
      stack[0] = source;
      for (let top = 1; top > 0;) {
        const cur = stack[--top];
        for (let j = start[cur]; j < start[cur + 1]; j++) {
          const x = items[j];
          if (!has(seen, x)) {
            addBit(seen, x);
            stack[top++] = x;
          }
        }
      }
      bySource.set(source, seen);
      return seen;
    };
    return {
      reaches(from: string, to: string): boolean {
        const a = index.get(from);
        const b = index.get(to);
        if (a === undefined || b === undefined) return from === to;
        return has(reachOf(a), b);
      },
    };
  });
}

/** A shortest path of required dependency links from `from` to `to` (component ids), or undefined. */
export function requiredPath(t: Topology, from: string, to: string): string[] | undefined {
  const g = requiredGraph(t);
  const source = g.index.get(from);
  const target = g.index.get(to);
  if (source === undefined || target === undefined) return undefined;
  // A fresh stamp marks what this search has seen: the arrays serve every search (the optional
  // shortcuts of a 20,000-long chain ask 80,000 times; a Map and a queue each was 0.5 GB).
  const stamp = ++g.searches;
  const { seen, prev, queue, adjacency: { start, items } } = g;
  seen[source] = stamp;
  queue[0] = source;
  for (let head = 0, tail = 1; head < tail; head++) {
    const cur = queue[head];
    if (cur === target) break;
    for (let j = start[cur]; j < start[cur + 1]; j++) {
      const n = items[j];
      if (seen[n] !== stamp) {
        seen[n] = stamp;
        prev[n] = cur;
        queue[tail++] = n;
      }
    }
  }
  if (seen[target] !== stamp) return undefined;
  const path = [target];
  while (path[path.length - 1] !== source) path.push(prev[path[path.length - 1]]);
  return path.reverse().map((i) => t.components[i].id);
}

/** The required dependency links between components by index, with scratch arrays for searches. */
function requiredGraph(t: Topology): { index: Map<string, number>; adjacency: Csr; seen: Int32Array; prev: Int32Array; queue: Int32Array; searches: number } {
  return memo(t, 'requiredGraph', () => {
    const n = t.components.length;
    const index = new Map(t.components.map((c, i) => [c.id, i]));
    const rows: number[] = [];
    const targets: number[] = [];
    for (const l of t.links) {
      if (linkType(l) !== 'dependency' || l.optional) continue;
      const from = index.get(l.from);
      const to = index.get(l.to);
      if (from === undefined || to === undefined) continue;
      rows.push(from);
      targets.push(to);
    }
    return { index, adjacency: csr(n, rows, targets), seen: new Int32Array(n), prev: new Int32Array(n), queue: new Int32Array(n), searches: 0 };
  });
}

export function isActive(c: Component): boolean {
  return !isStandby(c);
}

/** Text of a duration: 0 s, 45 s, 2 min, 1.5 h, 3 d. */
export function formatSeconds(s: number): string {
  if (s === 0) return '0 s';
  if (s < 120) return `${round(s)} s`;
  if (s < 7200) return `${round(s / 60)} min`;
  if (s < 172800) return `${round(s / 3600)} h`;
  // A lag or a backup interval of 1e308 s printed "1.1574074074074075e+303 d": past two years
  // the years, in whole numbers, and past a million years no figure that nobody can read.
  if (s < 2 * YEAR_SECONDS) return `${round(s / 86400)} d`;
  if (s < 1e6 * YEAR_SECONDS) return `${numberText(Math.round(s / YEAR_SECONDS))} years`;
  return 'over a million years';
}

const YEAR_SECONDS = 365.25 * 86400;

function round(x: number): string {
  return String(Math.round(x * 10) / 10);
}
