// What the kinds of move see of a design when they list their candidates: the document,
// which components someone requires, which regions block the target, and (when the plan
// has evaluated the design) how much each element could still give the clients short of
// their targets: its Birnbaum importance times its unavailability, the exact gain of
// making it perfect (the structure is multilinear in each element's availability).
import { componentAvailability, domainAvailability, linkType, type Topology } from '../../model';
import { analysisScope, clientFailureCheck, type Evaluation } from '../index';
import { isManagedService } from './moveKinds/managed';
import { memo, regionOf } from './structure';

export interface MoveContext {
  doc: Topology;
  /** Components that some component or client requires (a required dependency link points at them, or an implicit client). */
  required: ReadonlySet<string>;
  /** Components with a caller in the document (an entry point of a design without a client has none). */
  called: ReadonlySet<string>;
  /** Regions that block the target: only these are copied into a second region. */
  blockingRegions: ReadonlySet<string>;
  /** 1 − the strictest target, when the plan has one. */
  budget?: number;
  /**
   * The gain of making these elements perfect, summed, for the clients short of their
   * targets; Infinity for each when the design was not evaluated (nothing is cut).
   */
  improvement(elementIds: Iterable<string>): number;
}

export interface ContextOptions {
  /** 1 − the strictest target: the error budget a region's unavailability is held against. */
  budget?: number;
  evaluation?: Evaluation;
  /** Indices (into evaluation.clients) of the clients short of their target; all of them when absent. */
  shortClients?: number[];
}

export function moveContext(t: Topology, opts: ContextOptions = {}): MoveContext {
  const e = opts.evaluation;
  let gainOf: Map<string, number> | undefined;
  if (e?.birnbaum) {
    const short = opts.shortClients ?? e.clients.map((_, i) => i);
    gainOf = new Map(e.elements.map((el, i) => [el.id, short.reduce((sum, c) => sum + e.birnbaum![c][i], 0) * (1 - el.availability)]));
  }
  return {
    doc: t,
    required: requiredTargets(t),
    called: calledTargets(t),
    blockingRegions: opts.budget === undefined ? new Set() : blockingRegions(t, opts.budget),
    budget: opts.budget,
    improvement: (ids) => {
      if (!gainOf) return Infinity;
      let sum = 0;
      for (const id of new Set(ids)) sum += gainOf.get(id) ?? 0;
      return sum;
    },
  };
}

/** Components a required dependency link points at: what an alternative (a standby, a second load balancer) can stand beside. */
export function calledTargets(t: Topology): ReadonlySet<string> {
  return memo(t, 'calledTargets', () => new Set(t.links.filter((l) => linkType(l) === 'dependency' && !l.optional).map((l) => l.to)));
}

/** What someone needs: what is called, and the entry points implicit clients need (a design without a client). */
export function requiredTargets(t: Topology): ReadonlySet<string> {
  return memo(t, 'requiredTargets', () => new Set([...calledTargets(t), ...analysisScope(t).entryPoints]));
}

/**
 * Regions that block the target (DESIGN section 3): a region whose failure alone fails a
 * client while its own unavailability (with that of the managed services in it, which no
 * move inside the region improves) takes the whole error budget, or one of a pair of
 * regions whose joint failure fails a client while their joint unavailability does.
 * Nothing inside the region can then reach the target; only a second region can.
 */
export function blockingRegions(t: Topology, budget: number): Set<string> {
  const out = new Set<string>();
  const regions = t.domains.filter((d) => d.kind === 'region').map((d) => ({ id: d.id, q: 1 - domainAvailability(d) }));
  // A hair of tolerance: a region at 99.995% blocks a 99.995% target.
  const atLeast = (x: number) => x >= budget * (1 - 1e-9);
  // A managed service at its SLA (its provider runs its standby): no move inside the region improves it.
  const regional = t.components.filter((c) => isManagedService(c))
    .map((c) => ({ c, region: regionOf(t, c.domain ?? c.domains?.[0]) }));
  const singles = regions.filter((r) => atLeast(r.q) || regional.some((x) => x.region === r.id));
  const pairs = regions.flatMap((a, i) => regions.slice(i + 1).filter((b) => atLeast(a.q * b.q)).map((b) => [a, b] as const));
  if (singles.length === 0 && pairs.length === 0) return out;
  const failsAClient = clientFailureCheck(t);
  const alone = new Map<string, boolean>();
  const failsAlone = (id: string) => {
    if (!alone.has(id)) alone.set(id, failsAClient([id]));
    return alone.get(id)!;
  };
  // A region's own unavailability, with that of the managed services in it whose failure
  // alone fails a client (nothing in the region stands beside them).
  const unavailability = (r: { id: string; q: number }) => 1 - regional
    .filter((x) => x.region === r.id && failsAlone(x.c.id))
    .reduce((up, x) => up * componentAvailability(x.c), 1 - r.q);
  for (const r of singles) if (failsAlone(r.id) && atLeast(unavailability(r))) out.add(r.id);
  for (const [a, b] of pairs) {
    if (!failsAlone(a.id) && !failsAlone(b.id) && failsAClient([a.id, b.id])) {
      out.add(a.id);
      out.add(b.id);
    }
  }
  return out;
}
