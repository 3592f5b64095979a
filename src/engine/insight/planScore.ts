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
import type { Topology } from '../../model';
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
  let union = doc;
  const absent = new Map<string, number>();
  const drawn: { move: Move; ids: string[] }[] = [];
  const subjects = new Set<string>();
  for (const m of moves) {
    const kind = kindOf(m);
    if (!kind.phantom || subjects.has(subjectOf(m))) continue;
    const p = kind.phantom(union, m, availabilityOf);
    if (!p) continue;
    const ids = Object.keys(p.absent);
    // An element another move already drew would be shared: not this one's alone.
    if (ids.some((id) => absent.has(id))) continue;
    subjects.add(subjectOf(m));
    union = p.doc;
    for (const id of ids) absent.set(id, p.absent[id]);
    drawn.push({ move: m, ids });
  }
  if (drawn.length === 0) return scores;
  const s = buildStructure(union);
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
