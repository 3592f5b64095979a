// Collapsed containers on the canvas (issue 20): what is hidden, what the collapsed node
// says, how links to hidden nodes are drawn; and the find box's matching.
import { describe, expect, it } from 'vitest';
import { collapsedView, COLLAPSED_SIZE, summaryText } from '../../src/canvas/collapse';
import { findElements } from '../../src/canvas/find';
import { toFlowEdges, toFlowNodes } from '../../src/canvas/mapping';
import { overviewShapes } from '../../src/canvas/overviewShapes';
import { parseTopology, type Topology } from '../../src/model';
import { ensurePositions } from '../../src/store/placement';

function design(): Topology {
  const p = parseTopology({
    format: 'spof-topology', version: 2,
    domains: [
      { id: 'east', kind: 'region', label: 'US East' },
      { id: 'east-a', kind: 'zone', parent: 'east', label: 'us-east-1a' },
      { id: 'east-b', kind: 'zone', parent: 'east', label: 'us-east-1b' },
      { id: 'west', kind: 'region', label: 'US West' },
    ],
    components: [
      { id: 'users', kind: 'client', label: 'Users' },
      { id: 'lb', kind: 'loadbalancer', label: 'Edge LB', domain: 'east-a' },
      { id: 'app', kind: 'service', label: 'Orders', replicas: 2, domains: ['east-a', 'east-b'] },
      { id: 'db', kind: 'database', label: 'Orders DB', domain: 'east-b' },
      { id: 'w', kind: 'service', label: 'West orders', domain: 'west' },
    ],
    links: [
      { from: 'users', to: 'lb' }, { from: 'lb', to: 'app' }, { from: 'app', to: 'db' },
      { from: 'users', to: 'w' }, { from: 'w', to: 'db', optional: true },
    ],
  });
  if (!p.ok) throw new Error('valid');
  return ensurePositions(p.topology);
}

describe('a collapsed container', () => {
  it('hides everything inside it, outermost first, and counts it with the SPOFs inside', () => {
    const t = design();
    const view = collapsedView(t, new Set(['east', 'east-a']), new Set(['lb', 'db', 'east']));
    expect([...view.hiddenBy]).toEqual([['east-a', 'east'], ['east-b', 'east'], ['lb', 'east'], ['app', 'east'], ['db', 'east']]);
    // The region's own SPOF mark is its own, not one inside it.
    expect(view.summaries.get('east')).toEqual({ components: 3, containers: 2, spofs: 2 });
    expect(summaryText(view.summaries.get('east')!)).toBe('3 components · 2 containers');
  });

  it('is drawn as one node of the collapsed size; links to what it hides end on it, one line per pair', () => {
    const t = design();
    const view = collapsedView(t, new Set(['east']), new Set());
    const nodes = toFlowNodes(t, new Set(), undefined, view);
    expect(nodes.map((n) => n.id).sort()).toEqual(['east', 'users', 'w', 'west']);
    const east = nodes.find((n) => n.id === 'east')!;
    expect({ width: east.width, height: east.height }).toEqual(COLLAPSED_SIZE);
    expect(east.handles).toHaveLength(4);
    const edges = toFlowEdges(t, new Set(), new Set(), view);
    expect(edges.map((e) => [e.source, e.target, e.data?.count ?? 1])).toEqual([
      ['users', 'east', 1], ['users', 'w', 1], ['w', 'east', 1],
    ]);
    // A line standing for hidden links is not a link of the design: it cannot be selected.
    expect(edges.find((e) => e.target === 'east')!.selectable).toBe(false);
  });

  it('draws one line with the count for several links to the same collapsed container', () => {
    const t = design();
    const extra: Topology = { ...t, links: [...t.links, { from: 'users', to: 'app' }] };
    const edges = toFlowEdges(extra, new Set(), new Set(['users->app']), collapsedView(extra, new Set(['east']), new Set()));
    const line = edges.find((e) => e.source === 'users' && e.target === 'east')!;
    expect(line.data?.count).toBe(2);
  });

  it('is one block on the overview map too, marked for the SPOFs inside; what it hides is not drawn there', () => {
    const t = design();
    const spof = new Set(['db']);
    const open = overviewShapes(t, collapsedView(t, new Set(), spof), spof);
    expect(open.map((s) => [s.id, s.shape])).toEqual([
      ['east', 'frame'], ['east-a', 'frame'], ['east-b', 'frame'], ['west', 'frame'],
      ['users', 'block'], ['lb', 'block'], ['app', 'block'], ['db', 'block'], ['w', 'block'],
    ]);
    const shapes = overviewShapes(t, collapsedView(t, new Set(['east']), spof), spof);
    expect(shapes.map((s) => [s.id, s.shape, s.spof])).toEqual([
      ['east', 'block', true], ['west', 'frame', false], ['users', 'block', false], ['w', 'block', false],
    ]);
    const east = shapes.find((s) => s.id === 'east')!.rect;
    expect({ width: east.width, height: east.height }).toEqual(COLLAPSED_SIZE);
  });

  it('changes nothing when nothing (or an unknown id) is collapsed', () => {
    const t = design();
    expect(toFlowNodes(t, new Set(), undefined, collapsedView(t, new Set(['gone']), new Set()))).toEqual(toFlowNodes(t));
    expect(toFlowEdges(t, new Set(), new Set(), collapsedView(t, new Set(['gone']), new Set()))).toEqual(toFlowEdges(t));
  });
});

describe('the find box', () => {
  it('matches labels and ids, exact first, then prefixes, then the rest, in document order', () => {
    const t = design();
    expect(findElements(t, 'orders').map((f) => f.id)).toEqual(['app', 'db', 'w']);
    expect(findElements(t, 'Orders DB').map((f) => f.id)).toEqual(['db']);
    expect(findElements(t, 'east').map((f) => [f.id, f.type])).toEqual([['east', 'container'], ['east-a', 'container'], ['east-b', 'container']]);
    expect(findElements(t, '  ')).toEqual([]);
    expect(findElements(t, 'nothing like it')).toEqual([]);
  });
});
