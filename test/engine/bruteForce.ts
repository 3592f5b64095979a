// An independent oracle, written from DESIGN section 2 alone (it shares only the model's
// derived facts with the engine): list the basic events, enumerate every failure state,
// and decide "works" for each component by plain fixed-point iteration.
import {
  componentAvailability, componentMtbfHours, domainAncestors, domainAvailability, DOMAIN_PRESETS, failoverSecondsOf,
  groupResolver, instanceDomain, isActivePassivePool, isStandby, KIND_PRESETS, linkAvailability, type Topology,
} from '../../src/model';

export interface OracleElement {
  id: string;
  type: string;
  up: number;
  /** Mean time to repair, hours (DESIGN section 3, "Outages over time"). */
  mttr: number;
}

export interface OracleResult {
  elements: OracleElement[];
  /** client id -> availability */
  availability: Map<string, number>;
  /** element id -> the clients its single failure fails (SPOFs only, failover events excluded) */
  spofs: Map<string, string[]>;
  /** "a|b" (a < b) -> the clients the pair fails */
  pairs: Map<string, string[]>;
  /** element id -> system availability with that element perfect, minus today's */
  improvement: Map<string, number>;
  /** element id -> A_sys(element up) − A_sys(element down) */
  birnbaum: Map<string, number>;
  /** component ids down in a given state */
  downIn(failed: Set<string>): string[];
  /**
   * client id -> expected failures an hour, by enumeration: over every state in which the
   * client is served, its probability times the failure rates (1 / MTBF) of the up
   * elements whose failure alone, from that state, cuts the client off.
   */
  failuresPerHour(): Map<string, number>;
  /** The clients analysed: the document's that call something, else `entry:<id>` per entry point; none when nothing is connected. */
  clients: string[];
  /** DESIGN section 2's entry points (when no client calls anything), in document order. */
  entryPoints: string[];
  /** Components no analysed client reaches along dependency links (optional ones too) and replication links (both ways). */
  unreached: string[];
  /** No dependency link at all. */
  unconnected: boolean;
}

/**
 * Who the analysis starts from, by brute force: every pair's reachability by search
 * (no strongly connected components algorithm), so it checks scope.ts independently.
 */
function startingPoints(t: Topology): { callers: string[]; entryPoints: string[]; unconnected: boolean } {
  const dependencies = t.links.filter((l) => (l.type ?? 'dependency') === 'dependency');
  const isClient = new Set(t.components.filter((c) => c.kind === 'client').map((c) => c.id));
  const callers = t.components.filter((c) => isClient.has(c.id) && dependencies.some((l) => l.from === c.id)).map((c) => c.id);
  if (dependencies.length === 0) return { callers: [], entryPoints: [], unconnected: true };
  if (callers.length > 0) return { callers, entryPoints: [], unconnected: false };
  const inner = dependencies.filter((l) => !isClient.has(l.from) && !isClient.has(l.to));
  const reaches = (a: string, b: string): boolean => {
    const seen = new Set([a]);
    const todo = [a];
    while (todo.length) {
      const x = todo.pop()!;
      if (x === b) return true;
      for (const l of inner) {
        if (l.from === x && !seen.has(l.to)) {
          seen.add(l.to);
          todo.push(l.to);
        }
      }
    }
    return false;
  };
  const others = t.components.filter((c) => !isClient.has(c.id)).map((c) => c.id);
  // x sits in a source when everything that reaches x is reached back from x.
  const sourceOf = new Map<string, string[]>();
  for (const x of others) {
    if (!others.every((y) => y === x || !reaches(y, x) || reaches(x, y))) continue;
    const members = others.filter((y) => reaches(x, y) && reaches(y, x));
    sourceOf.set([...members].sort()[0], members);
  }
  const qualifies = (members: string[]) => members.some((m) => inner.some((l) => l.from === m && !l.optional));
  const all = [...sourceOf.entries()];
  const chosen = all.some(([, m]) => qualifies(m)) ? all.filter(([, m]) => qualifies(m)) : all;
  const ids = new Set(chosen.map(([rep]) => rep));
  return { callers: [], entryPoints: others.filter((id) => ids.has(id)), unconnected: false };
}

/** `forced`: what-if element ids, down in every state (SPOFs and pairs are then what fails a client still served). */
export function oracle(document: Topology, forced: ReadonlySet<string> = new Set()): OracleResult {
  // Entry points: each gets an implicit client that needs it and nothing else.
  const start = startingPoints(document);
  const t: Topology = {
    ...document,
    components: [...document.components, ...start.entryPoints.map((id) => ({ id: `entry:${id}`, kind: 'client' as const }))],
    links: [...document.links, ...start.entryPoints.map((id) => ({ from: `entry:${id}`, to: id }))],
  };
  const comps = t.components;
  const byId = new Map(comps.map((c) => [c.id, c]));
  const domainsById = new Map(t.domains.map((d) => [d.id, d]));
  const elements: OracleElement[] = [];
  for (const c of comps) {
    if (c.kind === 'client') continue;
    const n = c.replicas ?? 1;
    const mttr = c.mttrHours ?? KIND_PRESETS[c.kind].mttrHours;
    for (let i = 1; i <= n; i++) elements.push({ id: n === 1 ? c.id : `${c.id}#${i}`, type: n === 1 ? 'component' : 'instance', up: componentAvailability(c), mttr });
  }
  for (const d of t.domains) if (d.kind !== 'group') elements.push({ id: d.id, type: 'domain', up: domainAvailability(d), mttr: d.mttrHours ?? DOMAIN_PRESETS[d.kind].mttrHours });
  const deps = t.links.filter((l) => (l.type ?? 'dependency') === 'dependency' && !l.optional);
  // A link repairs in 1 h (DESIGN section 3).
  for (const l of deps) if (linkAvailability(l) < 1) elements.push({ id: l.id ?? `${l.from}->${l.to}`, type: 'link', up: linkAvailability(l), mttr: 1 });

  // Groups: source -> group name -> targets (with their link ids).
  const groupOf = groupResolver(t);
  const groups = new Map<string, Map<string, { to: string; link: string | null }[]>>();
  for (const l of deps) {
    if (!groups.has(l.from)) groups.set(l.from, new Map());
    const g = groups.get(l.from)!;
    const name = groupOf(l);
    if (!g.has(name)) g.set(name, []);
    g.get(name)!.push({ to: l.to, link: linkAvailability(l) < 1 ? (l.id ?? `${l.from}->${l.to}`) : null });
  }
  // Failover events of mixed groups: the fastest standby, lambda over distinct active members.
  const groupFailover = new Map<string, string>(); // "source|group" -> event id
  const switchTo = new Map<string, Set<string>>();
  for (const [source, g] of groups) {
    for (const [name, targets] of g) {
      const members = targets.map((x) => byId.get(x.to)!);
      const standbys = members.filter(isStandby);
      const actives = members.filter((m) => !isStandby(m));
      if (!standbys.length || !actives.length) continue;
      standbys.sort((a, b) => failoverSecondsOf(a) - failoverSecondsOf(b) || (a.id < b.id ? -1 : 1));
      const s = standbys[0].id;
      groupFailover.set(`${source}|${name}`, `failover:${s}`);
      if (!switchTo.has(s)) switchTo.set(s, new Set());
      for (const a of actives) switchTo.get(s)!.add(a.id);
    }
  }
  for (const [s, actives] of switchTo) {
    const lambda = [...actives].reduce((sum, id) => sum + 1 / (componentMtbfHours(byId.get(id)!) * 3600), 0);
    const seconds = failoverSecondsOf(byId.get(s)!);
    elements.push({ id: `failover:${s}`, type: 'failover', up: 1 - Math.min(1, lambda * seconds), mttr: seconds / 3600 });
  }
  for (const c of comps) {
    if (c.kind !== 'client' && isActivePassivePool(c)) {
      elements.push({ id: `failover:${c.id}`, type: 'failover', up: 1 - Math.min(1, failoverSecondsOf(c) / (componentMtbfHours(c) * 3600)), mttr: failoverSecondsOf(c) / 3600 });
    }
  }

  const failingDomains = (domain: string | undefined) =>
    domain === undefined ? [] : domainAncestors(t, domain).filter((d) => domainsById.get(d)!.kind !== 'group');

  // The same rules over bit masks of down elements (bit i: element i down; the enumeration
  // below counts states with `1 << n`, so n stays under 31), so 2^14 states stay fast. An
  // instance is its own bit plus those of the domains above it: up when none is down.
  const bit = new Map(elements.map((e, i) => [e.id, 1 << i]));
  const maskOf = (ids: Iterable<string>) => [...ids].reduce((m, id) => m | (bit.get(id) ?? 0), 0);
  const rules = comps.map((c) => {
    const n = c.replicas ?? 1;
    const instances = c.kind === 'client' ? [] : Array.from({ length: n }, (_, k) =>
      failingDomains(instanceDomain(c, k + 1)).reduce((m, d) => m | bit.get(d)!, bit.get(n === 1 ? c.id : `${c.id}#${k + 1}`)!));
    const poolFailover = c.kind !== 'client' && isActivePassivePool(c) ? bit.get(`failover:${c.id}`)! : 0;
    const groupRules = [...(groups.get(c.id) ?? new Map<string, { to: string; link: string | null }[]>()).entries()].map(([name, targets]) => ({
      min: c.requires?.[name]?.min ?? 1,
      targets: targets.map((x) => ({ index: comps.findIndex((d) => d.id === x.to), link: x.link === null ? 0 : bit.get(x.link)! })),
      failover: groupFailover.has(`${c.id}|${name}`) ? bit.get(groupFailover.get(`${c.id}|${name}`)!)! : 0,
    }));
    return { isClient: c.kind === 'client', instances, min: c.minHealthy ?? 1, poolFailover, groupRules };
  });
  /** Greatest fixed point of "works": start from all working, fail what lost what it needs, repeat. */
  const worksOf = (mask: number): boolean[] => {
    const w = comps.map(() => true);
    for (let changed = true; changed;) {
      changed = false;
      rules.forEach((r, ci) => {
        if (!w[ci]) return;
        let ok = (mask & r.poolFailover) === 0;
        if (!r.isClient) {
          let alive = 0;
          for (const m of r.instances) if ((mask & m) === 0) alive++;
          if (alive < r.min) ok = false;
        }
        for (const g of r.groupRules) {
          let count = 0;
          for (const x of g.targets) if (w[x.index] && (mask & x.link) === 0) count++;
          if (count < g.min || (mask & g.failover) !== 0) ok = false;
        }
        if (!ok) {
          w[ci] = false;
          changed = true;
        }
      });
    }
    return w;
  };
  // Each state is decided once (up to 2^16 states kept): the frequency asks for every state
  // and each of its neighbours with one more element down.
  const decided: (boolean[] | undefined)[] = [];
  const worksMask = (mask: number): boolean[] => (elements.length > 16 ? worksOf(mask) : (decided[mask] ??= worksOf(mask)));
  const works = (failed: Set<string>): Map<string, boolean> => {
    const w = worksMask(maskOf(failed));
    return new Map(comps.map((c, i) => [c.id, w[i]]));
  };

  const clients = [...start.callers, ...start.entryPoints.map((id) => `entry:${id}`)];
  const n = elements.length;
  const availability = new Map(clients.map((c) => [c, 0]));
  // Per client and element: P(client works and element up)/p and P(client works and element down)/q.
  const condUp = new Map(clients.map((c) => [c, new Float64Array(n)]));
  const condDown = new Map(clients.map((c) => [c, new Float64Array(n)]));
  const clientIndex = clients.map((c) => comps.findIndex((x) => x.id === c));
  const upNow = elements.map((e) => (forced.has(e.id) ? 0 : e.up));
  const stateProbability = (mask: number) => {
    let p = 1;
    for (let i = 0; i < n; i++) p *= mask & (1 << i) ? 1 - upNow[i] : upNow[i];
    return p;
  };
  for (let mask = 0; mask < 1 << n; mask++) {
    const p = stateProbability(mask);
    if (p === 0) continue;
    const w = worksMask(mask);
    clients.forEach((c, k) => {
      if (!w[clientIndex[k]]) return;
      availability.set(c, availability.get(c)! + p);
      const up = condUp.get(c)!;
      const down = condDown.get(c)!;
      for (let i = 0; i < n; i++) {
        if (mask & (1 << i)) down[i] += p / (1 - elements[i].up);
        else up[i] += p / elements[i].up;
      }
    });
  }
  const baseWorks = works(new Set(forced));
  const failedClients = (down: string[]) => {
    const w = works(new Set([...forced, ...down]));
    return clients.filter((c) => !w.get(c) && baseWorks.get(c));
  };
  const spofs = new Map<string, string[]>();
  for (const e of elements) {
    if (e.type === 'failover' || e.up >= 1 || forced.has(e.id)) continue;
    const hit = failedClients([e.id]);
    if (hit.length) spofs.set(e.id, hit);
  }
  const pairs = new Map<string, string[]>();
  const eligible = elements.filter((e) => e.type !== 'failover' && e.up < 1 && e.up > 0 && !spofs.has(e.id) && !forced.has(e.id));
  for (let i = 0; i < eligible.length; i++) {
    for (let j = i + 1; j < eligible.length; j++) {
      const hit = failedClients([eligible[i].id, eligible[j].id]);
      const [a, b] = [eligible[i].id, eligible[j].id].sort();
      if (hit.length) pairs.set(`${a}|${b}`, hit);
    }
  }
  const sys = (f: (c: string) => number) => (clients.length ? Math.min(...clients.map(f)) : 1);
  const today = sys((c) => availability.get(c)!);
  const improvement = new Map<string, number>();
  const birnbaum = new Map<string, number>();
  elements.forEach((e, i) => {
    // With p = 1 (or 0) the conditional sums for the impossible side were never filled: use the marginal.
    const upOf = (c: string) => (e.up > 0 ? condUp.get(c)![i] : NaN);
    const downOf = (c: string) => (e.up < 1 ? condDown.get(c)![i] : NaN);
    improvement.set(e.id, e.up >= 1 ? 0 : sys(upOf) - today);
    if (e.up > 0 && e.up < 1) birnbaum.set(e.id, sys(upOf) - sys(downOf));
  });
  const failuresPerHour = () => {
    const out = new Map(clients.map((c) => [c, 0]));
    for (let mask = 0; mask < 1 << n; mask++) {
      const p = stateProbability(mask);
      if (p === 0) continue;
      const w = worksMask(mask);
      if (!clientIndex.some((ci) => w[ci])) continue;
      for (let i = 0; i < n; i++) {
        if (mask & (1 << i)) continue;
        // An up element fails at rate 1 / MTBF, MTBF = MTTR × a / (1 − a); one of availability 1 never fails.
        const a = elements[i].up;
        if (a >= 1) continue;
        const rate = (1 - a) / (a * elements[i].mttr);
        const after = worksMask(mask | (1 << i));
        clients.forEach((c, k) => {
          if (w[clientIndex[k]] && !after[clientIndex[k]]) out.set(c, out.get(c)! + p * rate);
        });
      }
    }
    return out;
  };
  const reached = new Set(clients);
  for (let grew = true; grew;) {
    grew = false;
    for (const l of t.links) {
      if (reached.has(l.from) && !reached.has(l.to)) {
        reached.add(l.to);
        grew = true;
      }
      // A copy of data is reached with its store, and the store with its copy.
      if (l.type === 'replication' && reached.has(l.to) && !reached.has(l.from)) {
        reached.add(l.from);
        grew = true;
      }
    }
  }
  return {
    elements, availability, spofs, pairs, improvement, birnbaum, clients, failuresPerHour,
    entryPoints: start.entryPoints,
    unreached: document.components.filter((c) => !reached.has(c.id)).map((c) => c.id),
    unconnected: start.unconnected,
    // Implicit clients come after the document's components, as in the engine's blast radii.
    downIn: (failed) => {
      const w = works(failed);
      return comps.filter((c) => !w.get(c.id)).map((c) => c.id);
    },
  };
}
