import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { containerTree, descendantsOf, needsLayout } from '../../src/layout';
import { parseTopology, type Topology } from '../../src/model';

function threeTier(): Topology {
  const parsed = parseTopology(readFileSync('examples/three-tier.spof.json', 'utf8'));
  if (!parsed.ok) throw new Error('the example must parse');
  return parsed.topology;
}

describe('containerTree', () => {
  it('nests domains by parent and components by domain; a spread pool sits in the common ancestor', () => {
    const tree = containerTree(threeTier());
    expect(tree.parentOf.get('aws')).toBeUndefined();
    expect(tree.parentOf.get('use1a')).toBe('use1');
    expect(tree.parentOf.get('lb1')).toBe('use1a');
    expect(tree.parentOf.get('app')).toBe('use1');
    expect(tree.parentOf.get('users')).toBeUndefined();
    expect(descendantsOf(tree, 'use1').sort()).toEqual(['app', 'db', 'db2', 'lb1', 'lb2', 'use1a', 'use1b']);
  });

  it('puts a pool spread over unrelated domains at the root', () => {
    const t: Topology = {
      format: 'spof-topology', version: 2, name: 'x',
      domains: [{ id: 'a', kind: 'zone' }, { id: 'b', kind: 'zone' }],
      components: [{ id: 'c', kind: 'app', replicas: 2, domains: ['a', 'b'] }],
      links: [],
    };
    expect(containerTree(t).parentOf.get('c')).toBeUndefined();
  });

  it('names the path of a domain parent cycle', () => {
    const t: Topology = {
      format: 'spof-topology', version: 2, name: 'x',
      domains: [{ id: 'a', kind: 'zone', parent: 'b' }, { id: 'b', kind: 'region', parent: 'a' }],
      components: [], links: [],
    };
    expect(() => containerTree(t)).toThrow(/domains\[1\]\.parent: the domain "b" is inside itself \(a parent cycle\)/);
  });
});

describe('needsLayout', () => {
  it('is true while some component or domain has no position', () => {
    const t = threeTier();
    expect(needsLayout(t)).toBe(true);
    const ids = [...t.components, ...t.domains].map((n) => n.id);
    const all = Object.fromEntries(ids.map((id) => [id, { x: 0, y: 0 }]));
    expect(needsLayout({ ...t, view: { positions: all } })).toBe(false);
    const { aws: _dropped, ...withoutDomain } = all;
    expect(needsLayout({ ...t, view: { positions: withoutDomain } })).toBe(true);
  });
});
