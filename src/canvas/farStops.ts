// Where Tab goes far out (no React): React Flow mounts nothing there, so nothing on the canvas
// could take focus and a keyboard user could reach no region, zone or component. The far
// layer keeps one focusable element and walks these stops: every drawn container and every
// drawn single point of failure, as a tree (a container, then what is inside it), siblings in
// reading order (top to bottom, then left to right). A plain component is reached by zooming
// in on its container (Enter), where every card takes focus.
import type { Topology } from '../model';
import { containerOf, type Rect } from '../model/geometry';
import type { CollapsedView } from './collapse';

export function farStops(doc: Pick<Topology, 'components' | 'domains'>, view: CollapsedView, rects: ReadonlyMap<string, Rect>, spof: ReadonlySet<string>): string[] {
  const children = new Map<string, string[]>();
  const add = (id: string, parent: string | undefined) => {
    if (view.hiddenBy.has(id) || !rects.has(id)) return;
    const key = parent ?? '';
    const list = children.get(key);
    if (list) list.push(id);
    else children.set(key, [id]);
  };
  const domains = new Set(doc.domains.map((d) => d.id));
  for (const d of doc.domains) add(d.id, d.parent !== undefined && domains.has(d.parent) ? d.parent : undefined);
  for (const c of doc.components) if (spof.has(c.id)) add(c.id, containerOf(doc, c.id));
  const before = (a: string, b: string) => {
    const [ra, rb] = [rects.get(a)!, rects.get(b)!];
    return ra.y - rb.y || ra.x - rb.x;
  };
  const out: string[] = [];
  // Iterative, and each id once: a parent cycle (refused by the loader) cannot loop here.
  const seen = new Set<string>();
  const stack = [...(children.get('') ?? [])].sort(before).reverse();
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    const inside = children.get(id);
    if (inside) stack.push(...[...inside].sort(before).reverse());
  }
  return out;
}
