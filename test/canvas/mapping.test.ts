import { describe, expect, it } from 'vitest';
import { fromFlow, linkSides, toFlowEdges, toFlowNodes } from '../../src/canvas/mapping';
import { reconcileEdges, reconcileNodes } from '../../src/canvas/useFlowElements';
import type { Topology } from '../../src/model';
import { TEMPLATES, templateById } from '../../src/templates';
import { readFileSync } from 'node:fs';
import { parseTopology } from '../../src/model';
import { ensurePositions } from '../../src/store/placement';
import { absoluteRect, absoluteRects } from '../../src/store/geometry';

const meta = (t: Topology) => {
  const { components: _c, domains: _d, links: _l, ...rest } = t;
  return rest;
};

describe('document <-> React Flow mapping', () => {
  it.each(TEMPLATES.map((t) => [t.id, t.topology] as const))('%s: round trip keeps every field', (_id, t) => {
    const back = fromFlow(toFlowNodes(t), toFlowEdges(t), meta(t));
    expect(back).toEqual(t);
  });

  it('round trip keeps every field of the example, after placing it', () => {
    const parsed = parseTopology(readFileSync('examples/three-tier.spof.json', 'utf8'));
    if (!parsed.ok) throw new Error('example does not parse');
    const t = ensurePositions(parsed.topology);
    expect(fromFlow(toFlowNodes(t), toFlowEdges(t), meta(t))).toEqual(t);
  });

  it('puts containers before their contents and nests by parentId', () => {
    const t = templateById('multi-region')!.topology;
    const nodes = toFlowNodes(t);
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    for (const n of nodes) if (n.parentId) expect(index.get(n.parentId)!).toBeLessThan(index.get(n.id)!);
    expect(nodes.find((n) => n.id === 'db-primary')?.parentId).toBe('use1a');
    expect(nodes.find((n) => n.id === 'use1')?.parentId).toBe('aws');
    expect(nodes.find((n) => n.id === 'readers')?.parentId).toBeUndefined();
  });

  it('a pool spread over zones sits in their common container', () => {
    const t = templateById('active-active')!.topology;
    expect(toFlowNodes(t).find((n) => n.id === 'app')?.parentId).toBe('use1');
  });

  it('marks SPOFs, failed and down elements on the node element', () => {
    const t = templateById('stage3')!.topology;
    const nodes = toFlowNodes(t, new Set(['db']), { spof: new Set(['lb']), failed: new Set(['web1']), down: new Set(['users']) });
    expect(nodes.find((n) => n.id === 'lb')?.domAttributes).toEqual({ 'data-spof': 'true' });
    expect(nodes.find((n) => n.id === 'web1')?.domAttributes).toEqual({ 'data-failed': 'true' });
    expect(nodes.find((n) => n.id === 'users')?.domAttributes).toEqual({ 'data-down': 'true' });
    expect(nodes.find((n) => n.id === 'db')?.selected).toBe(true);
    expect(nodes.find((n) => n.id === 'web2')?.domAttributes).toBeUndefined();
  });

  it('edges are keyed like the analysis names links; replication keys differ', () => {
    const t = templateById('stage4')!.topology;
    const ids = toFlowEdges(t).map((e) => e.id);
    expect(ids).toContain('lb->web1');
    expect(ids).toContain('db-repl');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('links leave downward to what is below and sideways to what is beside', () => {
    const t = templateById('stage4')!.topology;
    expect(linkSides(t, 'lb', 'web1')).toEqual({ source: 'bottom', target: 'top' });
    expect(linkSides(t, 'db', 'db2')).toEqual({ source: 'right', target: 'left' });
  });

  it('reconciling keeps unchanged node objects (so React Flow does not re-render them)', () => {
    const t = templateById('stage6')!.topology;
    const first = toFlowNodes(t);
    const edited: Topology = { ...t, components: t.components.map((c) => (c.id === 'web1' ? { ...c, label: 'Renamed' } : c)) };
    const second = reconcileNodes(toFlowNodes(edited), first);
    for (const n of second) {
      const before = first.find((x) => x.id === n.id);
      if (n.id === 'web1') expect(n).not.toBe(before);
      else expect(n).toBe(before);
    }
  });
});

describe('reconciling with nothing changed', () => {
  it('hands back the very same arrays: an availability edit gives React Flow no new edges to re-index', () => {
    const t = templateById('stage6')!.topology;
    const edited: Topology = { ...t, components: t.components.map((c) => (c.id === 'web1' ? { ...c, availability: 0.95 } : c)) };
    const edges = toFlowEdges(t);
    expect(reconcileEdges(toFlowEdges(edited), edges)).toBe(edges);
    const nodes = toFlowNodes(t);
    expect(reconcileNodes(toFlowNodes(t), nodes)).toBe(nodes);
    expect(reconcileNodes(toFlowNodes(edited), nodes)).not.toBe(nodes);
  });
});

describe('absolute rectangles', () => {
  it.each(TEMPLATES.map((t) => [t.id, t.topology] as const))('%s: the indexed computation agrees with the one-node one', (_id, t) => {
    const rects = absoluteRects(t);
    for (const x of [...t.components, ...t.domains]) expect(rects.get(x.id)).toEqual(absoluteRect(t, x.id));
  });
});
