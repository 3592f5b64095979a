import { parseTopology, type Topology, type TopologyInput } from '../../src/model';

type Doc = Omit<TopologyInput, 'format' | 'version'>;

/** A validated topology from the parts of a document; throws listing the errors. */
export function topology(doc: Doc): Topology {
  const r = parseTopology({ format: 'spof-topology', version: 1, ...doc });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.topology;
}
