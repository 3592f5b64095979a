// The analysis engine (DESIGN section 3): pure TypeScript, no DOM, no React.
import type { Topology } from '../model';
import { Propagator } from './propagate';
import { buildStructure } from './structure';

export { analyze } from './analyze';
export { formatDowntime, downtimeOf, ninesOf } from './downtime';
export { buildJsonReport } from './jsonReport';
export type * from './types';

/**
 * Every component that goes down when the given elements fail: the least fixed point of
 * failure (DESIGN section 2). Ids may be element ids, a pool's component id (all its
 * instances) or a client id; unknown ids are ignored.
 */
export function componentsDown(t: Topology, failed: Iterable<string>): Set<string> {
  const s = buildStructure(t);
  const elements: number[] = [];
  const components: number[] = [];
  for (const id of failed) {
    const e = s.elementIndex.get(id);
    if (e !== undefined) {
      elements.push(e);
      continue;
    }
    const c = s.componentIndex.get(id);
    if (c === undefined) continue;
    if (s.components[c].isClient) components.push(c);
    else for (const inst of s.components[c].instances) elements.push(inst.element);
  }
  const down = new Propagator(s).fail(elements, components);
  return new Set(down.sort((a, b) => a - b).map((c) => s.components[c].id));
}
