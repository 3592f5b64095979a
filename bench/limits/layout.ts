// `npm run bench -- limits-layout [estate|chain|pools|mesh|tenth...]`: the auto-layout (the
// layout worker's code, here on Node's main thread) of each document at every limit
// (documents.ts) and of the estate at a tenth: CPU seconds, the drawing's size and its aspect.
// One run each, in this process: CPU is the figure to read on a shared machine.
import ELK from 'elkjs/lib/elk.bundled.js';
import { loadavg } from 'node:os';
import { layoutTopology } from '../../src/layout';
import { parseTopology, type Topology } from '../../src/model';
import { absoluteRects } from '../../src/model/geometry';
import { estateAtLimits, LIMIT_DOCUMENTS } from './documents';

const DOCUMENTS: Record<string, () => unknown> = { ...LIMIT_DOCUMENTS, tenth: () => estateAtLimits(1, 0.1) };

/** Width x height of the laid-out drawing and its aspect, the longer side over the shorter. */
export function drawingShape(laidOut: Topology): { width: number; height: number; aspect: number } {
  const rects = [...absoluteRects(laidOut).values()];
  const width = Math.max(...rects.map((r) => r.x + r.width)) - Math.min(...rects.map((r) => r.x));
  const height = Math.max(...rects.map((r) => r.y + r.height)) - Math.min(...rects.map((r) => r.y));
  return { width, height, aspect: Math.max(width, height) / Math.min(width, height) };
}

export async function runLimitsLayoutBench(only: string[] = [], log = console.log): Promise<void> {
  const elk = new ELK();
  log(`Auto-layout of the documents at every limit (load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} at the start)`);
  for (const [name, make] of Object.entries(DOCUMENTS)) {
    if (only.length > 0 && !only.includes(name)) continue;
    const parsed = parseTopology(make());
    if (!parsed.ok) throw new Error(`${name}: the document must be valid`);
    const t = parsed.topology;
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    const { positions, sizes } = await layoutTopology(t, { elk });
    const used = process.cpuUsage(cpuStart);
    const wall = (performance.now() - wallStart) / 1000;
    const { width, height, aspect } = drawingShape({ ...t, view: { ...t.view, positions, sizes } });
    log(
      `${name}: ${t.components.length} components, ${t.domains.length} domains, ${t.links.length} links: CPU ${((used.user + used.system) / 1e6).toFixed(1)} s, wall ${wall.toFixed(1)} s; ` +
        `${Math.round(width).toLocaleString('en')} x ${Math.round(height).toLocaleString('en')} px, ${aspect.toFixed(1)}:1 (load ${loadavg()[0].toFixed(1)})`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runLimitsLayoutBench(process.argv.slice(2));
