// Times the auto-layout of a seeded 500-component design with regions and zones.
// Run: npx tsx bench/layout/layout.ts [components] [seed]
// In the browser the same work runs in ELK's Web Worker; here elk.bundled.js runs it
// on Node's main thread, which is what the time measures.
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutTopology } from '../../src/layout';
import { generateDesign } from '../../test/layout/generate';

const components = Number(process.argv[2] ?? 500);
const seed = Number(process.argv[3] ?? 42);
const design = generateDesign(seed, { components, regions: 3, zonesPerRegion: 3, emptyDomains: 2 });
const elk = new ELK();

// The first run also compiles ELK's code in V8; report it apart from the steady state.
const runs: number[] = [];
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  const result = await layoutTopology(design, { elk });
  runs.push(performance.now() - start);
  if (Object.keys(result.positions).length !== design.components.length + design.domains.length) {
    throw new Error('the layout missed some nodes');
  }
}
const ms = (v: number) => `${(v / 1000).toFixed(2)} s`;
console.log(
  `layout of ${design.components.length} components, ${design.domains.length} domains, ${design.links.length} links: ` +
    `first ${ms(runs[0])}, then ${runs.slice(1).map(ms).join(', ')}`,
);
