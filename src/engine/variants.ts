// One compiled structure, many assignments of its elements' availabilities: what the plan
// needs to score many local moves without compiling each. The structure is multilinear in
// each element's availability, so a variant that changes one element is read off the
// Birnbaum importance, A_c(a_e = v) = A_c + B_c,e · (v − a_e), exactly; a variant that
// changes several elements costs one probability pass over the same BDD (Shannon
// expansion again, no apply, no new node).
import type { Bdd } from './bdd';
import { compileWorks } from './compile';
import { birnbaumOf, nodeProbabilities } from './exact';
import { variableOrder } from './order';
import type { Structure } from './structure';

export interface VariantFigures {
  /** Per client (the structure's clients, in order): availability and unavailability. */
  availability: Float64Array;
  unavailability: Float64Array;
}

const NOTHING_FORCED = { components: new Set<number>(), slots: new Set<number>() };

/**
 * The clients' figures with every element of `absent` at its given availability (the
 * base), and for each variant with the elements it lists at their own availability (the
 * structure's) instead. Element ids the structure does not have are ignored. Throws
 * BddBudgetExceeded when the structure does not compile within the BDD's budget.
 */
export function evaluateVariants(
  s: Structure, bdd: Bdd, absent: ReadonlyMap<string, number>, variants: readonly (readonly string[])[],
): { base: VariantFigures; variants: VariantFigures[] } {
  const order = variableOrder(s);
  const works = compileWorks(s, bdd, order, NOTHING_FORCED);
  const n = s.elements.length;
  const up = new Float64Array(n);
  for (let e = 0; e < n; e++) up[order.levelOf[e]] = absent.get(s.elements[e].id) ?? s.elements[e].availability;
  const roots = s.clients.map((c) => works[c]);
  const last = Math.max(1, ...roots);
  const { P, Q } = nodeProbabilities(bdd, up, last);
  const base = { availability: Float64Array.from(roots, (r) => P[r]), unavailability: Float64Array.from(roots, (r) => Q[r]) };
  let birnbaum: Float64Array[] | undefined;
  const out = variants.map((ids) => {
    const changed: { level: number; value: number }[] = [];
    for (const id of ids) {
      const e = s.elementIndex.get(id);
      if (e === undefined) continue;
      const level = order.levelOf[e];
      if (s.elements[e].availability !== up[level]) changed.push({ level, value: s.elements[e].availability });
    }
    if (changed.length === 0) return base;
    if (changed.length === 1) {
      birnbaum ??= roots.map((r) => birnbaumOf(bdd, r, up, Q, n));
      const { level, value } = changed[0];
      const delta = value - up[level];
      // U' = U − B·Δa, kept as an unavailability: a tiny one keeps its relative precision.
      const unavailability = Float64Array.from(roots, (_, c) => Math.min(1, Math.max(0, base.unavailability[c] - birnbaum![c][level] * delta)));
      return { availability: Float64Array.from(roots, (_, c) => Math.min(1, Math.max(0, base.availability[c] + birnbaum![c][level] * delta))), unavailability };
    }
    const varied = up.slice();
    for (const { level, value } of changed) varied[level] = value;
    const f = nodeProbabilities(bdd, varied, last);
    return { availability: Float64Array.from(roots, (r) => f.P[r]), unavailability: Float64Array.from(roots, (r) => f.Q[r]) };
  });
  return { base, variants: out };
}
