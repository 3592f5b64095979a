// The invariants every layout keeps, as assertions shared by the layout tests.
import { expect } from 'vitest';
import { containerTree, type Direction, type LayoutResult } from '../../src/layout';
import { linkType, type Topology } from '../../src/model';
import { absoluteRects, contains, overlaps, type Rect } from './geometry';

/** The invariants every layout keeps: nodes apart, children inside their containers. */
export function expectTidy(t: Topology, result: LayoutResult): Map<string, Rect> {
  const tree = containerTree(t);
  const rects = absoluteRects(t, result);
  const ids = [...rects.keys()];
  const related = (a: string, b: string) => {
    for (let cur = tree.parentOf.get(a); cur !== undefined; cur = tree.parentOf.get(cur)) if (cur === b) return true;
    return false;
  };
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const [a, b] = [ids[i], ids[j]];
      if (related(a, b) || related(b, a)) continue;
      expect(overlaps(rects.get(a)!, rects.get(b)!), `${a} and ${b} overlap`).toBe(false);
    }
  }
  for (const id of ids) {
    const parent = tree.parentOf.get(id);
    if (parent !== undefined) expect(contains(rects.get(parent)!, rects.get(id)!), `${id} lies inside ${parent}`).toBe(true);
  }
  return rects;
}

/** In an acyclic design every dependency goes strictly down (TB) or right (LR): the target starts after the source ends. */
export function expectFlow(t: Topology, rects: Map<string, Rect>, direction: Direction): void {
  for (const link of t.links) {
    if (linkType(link) === 'replication') continue;
    const from = rects.get(link.from)!;
    const to = rects.get(link.to)!;
    if (direction === 'TB') expect(to.y, `${link.from} -> ${link.to} points down`).toBeGreaterThan(from.y + from.height);
    else expect(to.x, `${link.from} -> ${link.to} points right`).toBeGreaterThan(from.x + from.width);
  }
}

