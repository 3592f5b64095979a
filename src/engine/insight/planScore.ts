// Scoring the local moves of a round in one compiled structure (issue 19, "reuse the
// compiled structure, recompute incrementally where the move is local"). A local move
// (another instance of a pool, a standby beside a component that stands alone, a hot
// switchover) is drawn into one design with all the others, each with what it adds
// absent: a new instance or standby at availability 0, its switchover at 1, a faster
// switchover at its old availability, so that the design as a whole has exactly the
// figures of the round's design. One BDD of it then gives every move's exact figures by
// putting back that move's own elements (src/engine/variants.ts): one element is read off
// the Birnbaum importance, more take one probability pass. A move of another kind (a
// second region, a new DNS provider, a pool spread over zones) changes the design's shape
// and is recomputed on its own; so is the step the round takes (planState.ts).
import type { Component, FailureDomain, Link, Topology } from '../../model';
import { docChange, type ListChange } from './planDiff';
import { buildStructure } from '../structure';
import { BddBudgetExceeded } from '../bdd';
import type { ClientAvailability } from '../evaluate';
import { evaluateVariants } from '../variants';
import { kindOf, subjectOf, type Move } from './moves';
import type { Evaluator } from './planState';

/** What a local move changes, drawn into a design with its additions absent. */
export interface Phantom {
  doc: Topology;
  /** Element id → the availability that leaves the design's figures as they were without the move. */
  absent: Record<string, number>;
}

/** Per move scored: each client's availability after it (the round's clients, in order). */
export type Scores = Map<Move, ClientAvailability[]>;

/**
 * The clients' figures after each local move of `moves` from `doc` (`clients`: the
 * round's, `availabilityOf`: each element's availability in `doc`). One move per
 * subject (its component): a second move on the same one is left to exact recomputation.
 */
export function scoreLocalMoves(
  doc: Topology, moves: readonly Move[], clients: readonly ClientAvailability[], availabilityOf: (id: string) => number | undefined, evaluator: Evaluator,
): Scores {
  const scores: Scores = new Map();
  const union = new UnionDoc(doc);
  const absent = new Map<string, number>();
  const drawn: { move: Move; ids: string[] }[] = [];
  const subjects = new Set<string>();
  for (const m of moves) {
    const kind = kindOf(m);
    if (!kind.phantom || subjects.has(subjectOf(m))) continue;
    // Each move is drawn on the round's document and its change merged into the union: a
    // union redrawn per move (and its components mapped again) was quadratic in the moves.
    const p = kind.phantom(doc, m, availabilityOf);
    if (!p) continue;
    const ids = Object.keys(p.absent);
    // An element another move already drew would be shared: not this one's alone.
    if (ids.some((id) => absent.has(id))) continue;
    if (!union.merge(p.doc)) continue;
    subjects.add(subjectOf(m));
    for (const id of ids) absent.set(id, p.absent[id]);
    drawn.push({ move: m, ids });
  }
  if (drawn.length === 0) return scores;
  const s = buildStructure(union.doc());
  evaluator.charge(s.elements.length);
  // The union must analyse the round's clients, in the same order.
  if (s.clients.length !== clients.length || s.clients.some((c, i) => s.components[c].id !== clients[i].id)) return scores;
  let figures: ReturnType<typeof evaluateVariants>;
  try {
    figures = evaluateVariants(s, evaluator.scratchBdd(s.elements.length), absent, drawn.map((d) => d.ids));
  } catch (e) {
    if (e instanceof BddBudgetExceeded) return scores;
    throw e;
  }
  // Drawn with their additions absent, the moves must leave the round's figures as they
  // are; if they do not (a move whose drawing is not faithful), nothing is scored here.
  const same = clients.every((c, j) => Math.abs(figures.base.unavailability[j] - c.unavailability) <= 1e-9 * Math.max(c.unavailability, 1e-12));
  if (!same) return scores;
  evaluator.scored += drawn.length;
  evaluator.unions++;
  drawn.forEach((d, i) => {
    const f = figures.variants[i];
    scores.set(d.move, clients.map((c, j) => ({ id: c.id, label: c.label, availability: f.availability[j], unavailability: f.unavailability[j] })));
  });
  return scores;
}

/**
 * The round's document with the changes of several moves, each made on that document:
 * components and domains by id (a new zone two moves both add, alike, is one), links in
 * place and appended. A move whose change meets another's otherwise is not merged.
 */
class UnionDoc {
  private readonly components = new Map<string, Component>();
  private readonly domains = new Map<string, FailureDomain>();
  private readonly links = new Map<number, Link>();
  private readonly appended: Link[] = [];
  private readonly baseComponents: ReadonlyMap<string, number>;
  private readonly baseDomains: ReadonlyMap<string, number>;

  constructor(private readonly base: Topology) {
    this.baseComponents = new Map(base.components.map((c, i) => [c.id, i]));
    this.baseDomains = new Map(base.domains.map((d, i) => [d.id, i]));
  }

  merge(after: Topology): boolean {
    const change = docChange(this.base, after);
    if (!change) return false;
    const byId = <T extends { id: string }>(base: readonly T[], c: ListChange<T>) => [...[...c.replaced].map(([i, x]) => ({ was: base[i], x })), ...c.appended.map((x) => ({ was: undefined, x }))];
    const components = byId(this.base.components, change.components);
    const domains = byId(this.base.domains, change.domains);
    // A component changed twice, a domain added twice unlike, a link replaced twice: not this move's alone.
    if (components.some(({ was, x }) => (was !== undefined && was.id !== x.id) || this.components.has(x.id) || (was === undefined && this.baseComponents.has(x.id)))) return false;
    if (domains.some(({ was, x }) => (was !== undefined && was.id !== x.id) || (was === undefined && this.baseDomains.has(x.id))
      || (this.domains.has(x.id) && JSON.stringify(this.domains.get(x.id)) !== JSON.stringify(x)))) return false;
    if ([...change.links.replaced.keys()].some((i) => this.links.has(i))) return false;
    for (const { x } of components) this.components.set(x.id, x);
    for (const { x } of domains) this.domains.set(x.id, x);
    for (const [i, l] of change.links.replaced) this.links.set(i, l);
    this.appended.push(...change.links.appended);
    return true;
  }

  doc(): Topology {
    const t = this.base;
    const merged = <T extends { id: string }>(base: readonly T[], index: ReadonlyMap<string, number>, changed: Map<string, T>) => [
      ...base.map((x) => changed.get(x.id) ?? x),
      ...[...changed.values()].filter((x) => !index.has(x.id)),
    ];
    return {
      ...t,
      components: merged(t.components, this.baseComponents, this.components),
      domains: merged(t.domains, this.baseDomains, this.domains),
      links: [...t.links.map((l, i) => this.links.get(i) ?? l), ...this.appended],
    };
  }
}
