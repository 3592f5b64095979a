// What the overview map draws, as the canvas draws it: containers as frames, components as
// blocks; a collapsed container as one block at its collapsed size (marked when it or
// anything inside it is a SPOF), and nothing of what it hides.
import type { Topology } from '../model';
import type { Rect } from '../model/geometry';
import type { CollapsedView } from './collapse';
import { drawnRects } from './mapping';

export interface OverviewShape {
  id: string;
  rect: Rect;
  /** A frame (an open container) or a block (a component, a collapsed container). */
  shape: 'frame' | 'block';
  spof: boolean;
}

export function overviewShapes(doc: Topology, view: CollapsedView, spof: ReadonlySet<string>): OverviewShape[] {
  const rects = drawnRects(doc, view);
  const out: OverviewShape[] = [];
  for (const d of doc.domains) {
    const rect = rects.get(d.id);
    if (!rect || view.hiddenBy.has(d.id)) continue;
    const summary = view.summaries.get(d.id);
    out.push({ id: d.id, rect, shape: summary ? 'block' : 'frame', spof: spof.has(d.id) || (summary?.spofs ?? 0) > 0 });
  }
  for (const c of doc.components) {
    const rect = rects.get(c.id);
    if (rect && !view.hiddenBy.has(c.id)) out.push({ id: c.id, rect, shape: 'block', spof: spof.has(c.id) });
  }
  return out;
}
