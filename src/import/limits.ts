// The document limits (src/model/limits.ts) met by an import: a pool past MAX_REPLICAS
// (`deploy.replicas: 1e308`, `count = 99999999999999999999999`) or a design past a count is
// refused with the file and line that said it, before the shared step builds the topology
// (whose validation would only name a path of the built document).
import { instancesOf, MAX_COMPONENTS, MAX_INSTANCES, MAX_LINKS, MAX_REPLICAS, numberText as n } from '../model';
import type { ImportProblem } from './detect';
import type { ImportedSystem } from './types';

/** What the import would make past a limit of the format, each with its source; empty when within them. */
export function limitProblems(system: ImportedSystem): ImportProblem[] {
  const problems: ImportProblem[] = [];
  let instances = 0;
  for (const c of system.components) {
    const r = c.replicas ?? 1;
    if (!Number.isInteger(r) || r < 1 || r > MAX_REPLICAS) {
      problems.push({ source: c.source, message: `${c.id}: ${Number.isFinite(r) ? `${n(r)} instances` : 'a count too large for a number'}: a pool has from 1 to ${n(MAX_REPLICAS)} (the limit that keeps every design analysable in bounded time)` });
    } else instances += instancesOf(c);
  }
  const first = system.components[0]?.source ?? { file: '' };
  if (system.components.length > MAX_COMPONENTS) problems.push({ source: first, message: `${n(system.components.length)} components: a design has at most ${n(MAX_COMPONENTS)}` });
  if (instances > MAX_INSTANCES) problems.push({ source: first, message: `${n(instances)} instances in all: a design has at most ${n(MAX_INSTANCES)}` });
  if (system.links.length > MAX_LINKS) problems.push({ source: first, message: `${n(system.links.length)} links: a design has at most ${n(MAX_LINKS)}` });
  return problems;
}
