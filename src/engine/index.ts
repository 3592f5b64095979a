// The analysis engine (DESIGN section 3): pure TypeScript, no DOM, no React.
import type { Topology } from '../model';
import { Propagator } from './propagate';
import { buildStructure } from './structure';
import { resolveFailed } from './whatIf';

export { analyze, blastRadii, eachInBlastRadii } from './analyze';
export { evaluate, type ClientAvailability, type EvaluateOptions, type Evaluation } from './evaluate';
export { analysisScope, type AnalysisScope } from './scope';
export { formatDowntime, downtimeOf, ninesOf } from './downtime';
export { buildJsonReport } from './jsonReport';
export { HOURS_PER_YEAR } from './outages';
export { outageCount, outagesInWords } from './outageWords';
export type * from './types';

/**
 * Every component that goes down when the given elements fail: the least fixed point of
 * failure (DESIGN section 2). Ids may be element ids, a pool's component id (all its
 * instances), a client id, or the id (or from->to) of a perfect dependency link; unknown
 * ids are ignored.
 */
export function componentsDown(t: Topology, failed: Iterable<string>): Set<string> {
  const s = buildStructure(t);
  const forced = resolveFailed(s, failed);
  const prop = new Propagator(s);
  const down = [...prop.baseDown, ...prop.fail(forced.elements, forced.components, forced.slots)];
  return new Set(down.sort((a, b) => a - b).map((c) => s.components[c].id));
}

/**
 * A question to ask many times of one design: do these elements (element ids, a pool's
 * component id, a client id, a link id), failed together with all else working, fail a
 * client? The structure is built once; each question costs one propagation, undone after.
 */
export function clientFailureCheck(t: Topology): (failed: readonly string[]) => boolean {
  const s = buildStructure(t);
  const prop = new Propagator(s);
  return (failed) => {
    const forced = resolveFailed(s, failed);
    const mark = prop.mark();
    const hit = prop.fail(forced.elements, forced.components, forced.slots).some((c) => s.components[c].isClient);
    prop.undo(mark);
    return hit;
  };
}
