// What-if far out (src/canvas/farWhatIf.ts): a failed or downed component is drawn as such, the
// containers that hold it are marked up to the top, and a collapsed container stands for what
// it hides.
import { describe, expect, it } from 'vitest';
import { collapsedView, NOTHING_COLLAPSED } from '../../src/canvas/collapse';
import { farWhatIfPaths, whatIfStates } from '../../src/canvas/farWhatIf';
import { drawnRects } from '../../src/canvas/mapping';
import { parseTopology, type Topology } from '../../src/model';
import type { Rect } from '../../src/model/geometry';
import { ensurePositions } from '../../src/store/placement';

function design(): Topology {
  const p = parseTopology({
    format: 'spof-topology', version: 2,
    domains: [
      { id: 'east', kind: 'region' },
      { id: 'east-a', kind: 'zone', parent: 'east' },
      { id: 'west', kind: 'region' },
    ],
    components: [
      { id: 'users', kind: 'client' },
      { id: 'lb', kind: 'loadbalancer', domain: 'east-a' },
      { id: 'app', kind: 'service', domain: 'east-a', replicas: 2 },
      { id: 'w', kind: 'service', domain: 'west' },
    ],
    links: [{ from: 'users', to: 'lb' }, { from: 'lb', to: 'app' }, { from: 'users', to: 'w' }],
  });
  if (!p.ok) throw new Error('valid');
  return ensurePositions(p.topology);
}

const boxOf = (r: Rect) => `M${r.x},${r.y}h${r.width}v${r.height}h${-r.width}z`;
const count = (path: string) => (path.match(/M/g) ?? []).length;
const NONE = new Set<string>();

describe('what-if far out', () => {
  it('marks a failed component, what went down, and every container above them', () => {
    const t = design();
    const states = whatIfStates(t, NOTHING_COLLAPSED, new Set(['app']), new Set(['app', 'lb']));
    expect(Object.fromEntries(states)).toEqual({ app: 'failed', lb: 'down', 'east-a': 'holds', east: 'holds' });
    const rects = drawnRects(t);
    const paths = farWhatIfPaths(t, NOTHING_COLLAPSED, rects, states, new Set(['app']), new Set(['app', 'lb']));
    expect(paths.failedComponents).toBe(boxOf(rects.get('app')!));
    expect(paths.downComponents).toBe(boxOf(rects.get('lb')!));
    expect(paths.affectedContainers).toContain(boxOf(rects.get('east-a')!));
    expect(paths.affectedContainers).toContain(boxOf(rects.get('east')!));
    expect(paths.affectedContainers).not.toContain(boxOf(rects.get('west')!));
    // users -> lb and lb -> app end on something down; users -> w does not.
    expect(count(paths.cutLinks)).toBe(2);
  });

  it('a failed container is failed, its parent holds a failure; one failed instance leaves its pool up', () => {
    const t = design();
    expect(Object.fromEntries(whatIfStates(t, NOTHING_COLLAPSED, new Set(['east-a']), NONE))).toEqual({ 'east-a': 'failed', east: 'holds' });
    expect(Object.fromEntries(whatIfStates(t, NOTHING_COLLAPSED, new Set(['app#1']), NONE))).toEqual({ 'east-a': 'holds', east: 'holds' });
  });

  it('a collapsed container stands for the failure it hides; nothing hidden is drawn', () => {
    const t = design();
    const view = collapsedView(t, new Set(['east']), NONE);
    const rects = drawnRects(t, view);
    const states = whatIfStates(t, view, new Set(['lb']), new Set(['lb', 'app']));
    expect(Object.fromEntries(states)).toEqual({ east: 'holds' });
    const paths = farWhatIfPaths(t, view, rects, states, new Set(['lb']), new Set(['lb', 'app']));
    expect(paths.affectedCollapsed).toBe(boxOf(rects.get('east')!));
    expect(paths.affectedContainers + paths.failedComponents).toBe('');
    // users -> lb is drawn to the block, and cut; lb -> app is inside it; users -> w is up.
    expect(count(paths.cutLinks)).toBe(1);
  });

  it('draws nothing without failures', () => {
    const t = design();
    const paths = farWhatIfPaths(t, NOTHING_COLLAPSED, drawnRects(t), new Map(), NONE, NONE);
    expect(Object.values(paths).join('')).toBe('');
  });
});
