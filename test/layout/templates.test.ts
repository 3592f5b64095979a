// Every built-in template, stripped of its hand-made positions, lays out tidily.
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { containerTree, layoutTopology, needsLayout } from '../../src/layout';
import { linkType, type Topology } from '../../src/model';
import { TEMPLATES } from '../../src/templates';
import { absoluteRects, contains, overlaps } from './geometry';

const elk = new ELK();

function hasDependencyCycle(t: Topology): boolean {
  const next = new Map<string, string[]>();
  for (const l of t.links) if (linkType(l) === 'dependency') next.set(l.from, [...(next.get(l.from) ?? []), l.to]);
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): boolean => {
    if (state.get(id) === 'open') return true;
    if (state.get(id) === 'done') return false;
    state.set(id, 'open');
    const cyclic = (next.get(id) ?? []).some(visit);
    state.set(id, 'done');
    return cyclic;
  };
  return t.components.some((c) => visit(c.id));
}

describe('templates', () => {
  it('exist', () => expect(TEMPLATES.length).toBeGreaterThan(0));

  it.each(TEMPLATES.map((tpl) => [tpl.id, tpl.topology] as const))('%s lays out tidily, flowing down', async (_id, template) => {
    const t: Topology = { ...template, view: undefined };
    expect(needsLayout(t)).toBe(true);
    const result = await layoutTopology(t, { elk });
    expect(needsLayout({ ...t, view: result })).toBe(false);
    const tree = containerTree(t);
    const rects = absoluteRects(t, result);
    const ids = [...rects.keys()];
    for (const a of ids) {
      const parent = tree.parentOf.get(a);
      if (parent) expect(contains(rects.get(parent)!, rects.get(a)!), `${a} in ${parent}`).toBe(true);
      for (const b of ids) {
        if (a >= b || tree.parentOf.get(a) !== tree.parentOf.get(b)) continue;
        expect(overlaps(rects.get(a)!, rects.get(b)!), `${a} and ${b}`).toBe(false);
      }
    }
    // The entry points are on top, even a client that calls one service deep down.
    const firstBand = Math.min(...t.components.map((c) => rects.get(c.id)!.y));
    const called = new Set(t.links.filter((l) => linkType(l) === 'dependency').map((l) => l.to));
    for (const c of t.components) if (c.kind === 'client' && !called.has(c.id)) expect(rects.get(c.id)!.y, c.id).toBe(firstBand);
    if (hasDependencyCycle(t)) return;
    for (const l of t.links) {
      if (linkType(l) !== 'dependency') continue;
      expect(rects.get(l.to)!.y, `${l.from} -> ${l.to}`).toBeGreaterThan(rects.get(l.from)!.y + rects.get(l.from)!.height);
    }
  });
});
