// Times the auto-layout of designs of 500, 1,000 and 5,000 components with regions and zones: the shared
// synthetic estate (bench/engine/estate.ts: layered microservice pools spread over
// zones) and the layout tests' random designs (test/layout/generate.ts: any tier
// anywhere, so more crossings). In the browser the same work runs in the layout
// worker; here it runs on Node's main thread, which is what the time measures.
// Run: npx tsx bench/layout/layout.ts [components...], or `npm run bench -- layout`.
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutTopology } from '../../src/layout';
import { parseTopology, type Topology } from '../../src/model';
import { absoluteRects } from '../../src/model/geometry';
import { generateDesign } from '../../test/layout/generate';
import { syntheticEstate } from '../engine/estate';

const RUNS = 3;

async function timeLayout(name: string, design: Topology, elk: InstanceType<typeof ELK>): Promise<void> {
  const runs: number[] = [];
  const cpu: number[] = [];
  let shape = '';
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const result = await layoutTopology(design, { elk });
    shape = shapeOf({ ...design, view: { ...design.view, positions: result.positions, sizes: result.sizes } });
    runs.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    if (Object.keys(result.positions).length < design.components.length + design.domains.length) {
      throw new Error(`${name}: the layout missed some nodes`);
    }
  }
  const s = (v: number) => `${(v / 1000).toFixed(2)} s`;
  // The first run also compiles ELK's code in V8: reported apart from the steady state.
  console.log(
    `layout ${name}: ${design.components.length} components, ${design.domains.length} domains, ${design.links.length} links: ` +
      `first ${s(runs[0])}, then ${runs.slice(1).map(s).join(', ')} (CPU ${cpu.map(s).join(', ')}: the wall time counts the machine's other work); ${shape}`,
  );
}

/** The drawing's size and its width over its height (issue 20: screen-like, never a strip). */
function shapeOf(t: Topology): string {
  const rects = [...absoluteRects(t).values()];
  const width = Math.max(...rects.map((r) => r.x + r.width)) - Math.min(...rects.map((r) => r.x));
  const height = Math.max(...rects.map((r) => r.y + r.height)) - Math.min(...rects.map((r) => r.y));
  return `${Math.round(width)} x ${Math.round(height)} px, aspect ${(width / height).toFixed(2)}:1`;
}

/** 500: the last size ELK lays out; above it the layering is src/layout/quickLayering.ts's. */
export async function runLayoutBench(sizes = [500, 1000, 5000]): Promise<void> {
  const elk = new ELK();
  for (const components of sizes) {
    const estate = parseTopology(syntheticEstate(components, 7));
    if (!estate.ok) throw new Error('the synthetic estate must be valid');
    await timeLayout('synthetic estate', estate.topology, elk);
    if (components <= 1000) await timeLayout('random tiers', generateDesign(42, { components, regions: 3, zonesPerRegion: 3, emptyDomains: 2 }), elk);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runLayoutBench(process.argv.length > 2 ? process.argv.slice(2).map(Number) : undefined);
