import { analyze } from '../../src/engine';
import { insight } from '../../src/engine/insight';
import { parseTopology, type Topology, type TopologyInput } from '../../src/model';

type Parts = Partial<Pick<TopologyInput, 'domains' | 'links' | 'slo'>> & { components: TopologyInput['components'] };

/** A validated document from its parts (a test fails loudly on an invalid one). */
export function doc(parts: Parts): Topology {
  const r = parseTopology({ format: 'spof-topology', version: 1, name: 'Test', domains: [], links: [], ...parts });
  if (!r.ok) throw new Error(`invalid test document: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return r.topology;
}

export function mustParse(t: unknown): Topology {
  const r = parseTopology(t);
  if (!r.ok) throw new Error(`invalid document: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return r.topology;
}

export function insightOf(t: Topology, slo?: number) {
  const report = analyze(t);
  return { report, ...insight(t, report, { slo }) };
}

export const users = { id: 'users', kind: 'client' as const };

/** One region with three zones: r1 > z1, z2, z3. */
export const REGION = [
  { id: 'r1', kind: 'region' as const },
  { id: 'z1', kind: 'zone' as const, parent: 'r1' },
  { id: 'z2', kind: 'zone' as const, parent: 'r1' },
  { id: 'z3', kind: 'zone' as const, parent: 'r1' },
];
