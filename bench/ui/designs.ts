// The designs the UI benchmark opens: the seeded synthetic estate of the engine benchmark
// (bench/engine/estate.ts: three regions of three zones, layered service pools), laid out
// once in Node with the app's own auto-layout so the document carries positions and sizes
// as a saved design does (opening it then costs no layout; the layout has its own bench).
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutTopology } from '../../src/layout';
import { parseTopology, serializeTopology, type Topology } from '../../src/model';
import { encodeShareHash } from '../../src/io/shareLink';
import { syntheticEstate } from '../engine/estate';

export interface BenchDesign {
  components: number;
  topology: Topology;
  /** The document as a `.spof.json` file's text. */
  json: string;
  /** `#topology=deflate:...`, the share link's hash. */
  hash: string;
}

export async function benchDesign(components: number, seed = 1): Promise<BenchDesign> {
  const parsed = parseTopology(syntheticEstate(components, seed));
  if (!parsed.ok) throw new Error(`the synthetic estate of ${components} components must be valid`);
  const t = parsed.topology;
  const { positions, sizes } = await layoutTopology(t, { elk: new ELK() });
  const topology: Topology = { ...t, view: { ...t.view, positions, sizes } };
  return { components, topology, json: serializeTopology(topology), hash: encodeShareHash(topology) };
}
